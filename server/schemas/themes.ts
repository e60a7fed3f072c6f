import { z } from "zod";
import { lifeAreas } from "./case-kinds";
import { idSchema, isWellFormedText, hasNoBidiControls } from "./common";
import { themeUrgencies } from "./steering-kinds";
import { themeStatuses } from "./theme-kinds";

export const themeIdSchema = z.object({ themeId: idSchema }).strict();

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Registry filters; every field is optional and an empty form field means "all". */
export const listThemesSchema = z
  .object({
    status: z.preprocess(emptyToUndefined, z.enum(themeStatuses, "validation.choose").optional()),
    lifeArea: z.preprocess(emptyToUndefined, z.enum(lifeAreas, "validation.choose").optional()),
    kommuneId: z.preprocess(emptyToUndefined, idSchema.optional()),
    urgency: z.preprocess(emptyToUndefined, z.enum(themeUrgencies, "validation.choose").optional()),
    search: z.preprocess(
      emptyToUndefined,
      z
        .string("validation.required")
        .trim()
        .max(200, "validation.textTooLong")
        .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
        .refine(isWellFormedText, "validation.brokenCharacter")
        .optional(),
    ),
  })
  .strict()
  .optional();
export type ListThemesInput = z.infer<typeof listThemesSchema>;

/** Line breaks and tabs are fine in longer texts; other control characters are not. */
const multilineText = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

const noteSchema = z
  .string("validation.required")
  .trim()
  .min(3, "themes.validation.noteRequired")
  .max(2000, "validation.textTooLong")
  .regex(multilineText, "validation.controlCharacters")
  .refine(isWellFormedText, "validation.brokenCharacter");

export const transitionThemeSchema = z
  .object({ themeId: idSchema, to: z.enum(themeStatuses, "validation.choose"), note: noteSchema })
  .strict();
export type TransitionThemeInput = z.infer<typeof transitionThemeSchema>;

export const setThemeUrgencySchema = z.object({ themeId: idSchema, urgency: z.enum(themeUrgencies, "validation.choose") }).strict();
export type SetThemeUrgencyInput = z.infer<typeof setThemeUrgencySchema>;

export const mergeThemesSchema = z
  .object({
    targetThemeId: idSchema,
    mergedThemeId: idSchema,
    note: z
      .string("validation.required")
      .trim()
      .max(2000, "validation.textTooLong")
      .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
      .refine(isWellFormedText, "validation.brokenCharacter")
      .default(""),
  })
  .strict()
  .refine((input) => input.targetThemeId !== input.mergedThemeId, { message: "themes.validation.mergeSelf", path: ["mergedThemeId"] });
export type MergeThemesInput = z.infer<typeof mergeThemesSchema>;

export const undoMergeSchema = z.object({ mergeId: idSchema }).strict();
export type UndoMergeInput = z.infer<typeof undoMergeSchema>;

export const splitThemeSchema = z
  .object({
    themeId: idSchema,
    sourceIds: z.array(idSchema, "validation.required").min(1, "themes.validation.pickSources").max(500, "themes.validation.pickSources"),
    title: z
      .string("validation.required")
      .trim()
      .min(3, "themes.validation.titleLength")
      .max(200, "themes.validation.titleLength")
      .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
      .refine(isWellFormedText, "validation.brokenCharacter")
      .refine(hasNoBidiControls, "validation.bidiControls"),
    description: z
      .string("validation.required")
      .trim()
      .max(5000, "validation.textTooLong")
      .regex(multilineText, "validation.controlCharacters")
      .refine(isWellFormedText, "validation.brokenCharacter")
      .default(""),
  })
  .strict();
export type SplitThemeInput = z.infer<typeof splitThemeSchema>;

export const annualReportSchema = z
  .object({
    year: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(2000, "themes.validation.year")
      .max(2100, "themes.validation.year"),
  })
  .strict();
export type AnnualReportInput = z.infer<typeof annualReportSchema>;
