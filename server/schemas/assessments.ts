import { z } from "zod";
import { guidingQuestions, lifeAreas, residenceStatuses, scaleItems } from "./case-kinds";
import { dateSchema } from "./cases";
import { idSchema, isWellFormedText } from "./common";

const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

// Plausible dates only: the database refuses some dates the ISO format allows (year 0000).
const assessmentDateSchema = dateSchema.refine((day) => day >= "2000-01-01" && day <= "2100-12-31", "assessments.validation.dateRange");

/** The client's own rating, 1 = extreme difficulties … 10 = no problem; null when not (yet) rated. */
export const scaleRatings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const ratingSchema = z
  .number("assessments.validation.rating")
  .int("assessments.validation.rating")
  .min(1, "assessments.validation.rating")
  .max(10, "assessments.validation.rating")
  .nullable();

export const scaleEntrySchema = z
  .object({
    rating: ratingSchema,
    remark: text(1000).default(""),
  })
  .strict();
export type ScaleEntry = z.infer<typeof scaleEntrySchema>;

/**
 * One life area's assessment form. Without `id` it is a new assessment; with `id` and the same date
 * it edits that assessment in place; with `id` and another date it is saved as a new one, so
 * earlier assessments stay as they were.
 */
export const saveAssessmentSchema = z
  .object({
    id: idSchema.nullable().default(null),
    caseId: idSchema,
    lifeArea: z.enum(lifeAreas, "validation.choose"),
    isReassessment: z.boolean("assessments.validation.chooseKind"),
    assessedOn: assessmentDateSchema,
    participants: text(1000).default(""),
    answers: z.record(z.string().max(64), text(4000)).default({}),
    resources: text(4000).default(""),
    wishes: text(4000).default(""),
    residenceStatus: z.enum(residenceStatuses, "validation.choose").nullable().default(null),
    scales: z.record(z.string().max(64), scaleEntrySchema).default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    // Keys must belong to the chosen life area: a form of one area cannot write another's fields.
    const questions: readonly string[] = guidingQuestions[value.lifeArea];
    for (const key of Object.keys(value.answers)) {
      if (!questions.includes(key)) {
        ctx.addIssue({ code: "custom", message: "assessments.validation.questionNotInArea", path: ["answers", key] });
      }
    }
    const items: readonly string[] = scaleItems[value.lifeArea];
    for (const key of Object.keys(value.scales)) {
      if (!items.includes(key)) {
        ctx.addIssue({ code: "custom", message: "assessments.validation.scaleItemNotInArea", path: ["scales", key] });
      }
    }
    if (value.residenceStatus !== null && value.lifeArea !== "legal_status") {
      ctx.addIssue({ code: "custom", message: "assessments.validation.residenceStatusOnlyLegal", path: ["residenceStatus"] });
    }
  });
export type SaveAssessmentInput = z.infer<typeof saveAssessmentSchema>;
/** What a form sends before defaults are applied. */
export type SaveAssessmentFormValues = z.input<typeof saveAssessmentSchema>;
