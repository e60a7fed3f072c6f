import { z } from "zod";
import { attainmentLevels, cmRoles, handoverModes, lifeAreas, referralStatuses } from "./case-kinds";
import { dateSchema } from "./cases";
import { idSchema, optionalIdSchema, isWellFormedText, hasNoBidiControls } from "./common";

/** Free text: line breaks are fine, NUL is not (PostgreSQL refuses it). */
const text = (max = 4000) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");
const requiredText = (max = 300) => text(max).min(1, "validation.required");
const optionalDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), dateSchema.nullable());
const optionalLifeArea = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(lifeAreas, "validation.choose").nullable());

export const maxGoals = 3;
export const maxStepsPerGoal = 20;

/** A sub-goal or action (Teilziel, Handlungsziel, Aktivität) with responsibility and due date. */
export const goalStepSchema = z
  .object({
    action: requiredText(500),
    responsible: text(200).default(""),
    dueOn: optionalDate.default(null),
  })
  .strict();
export type GoalStepInput = z.infer<typeof goalStepSchema>;

/** One goal, framed SMART: what (title), why (explanation), how measured, by when, in which life area. */
export const goalSchema = z
  .object({
    /** An existing goal of this agreement keeps its id (and its measures) when edited. */
    id: idSchema.optional(),
    priority: z
      .number("plans.validation.priority")
      .int("plans.validation.priority")
      .min(1, "plans.validation.priority")
      .max(maxGoals, "plans.validation.priority"),
    lifeArea: optionalLifeArea.default(null),
    title: requiredText(300).refine(hasNoBidiControls, "validation.bidiControls"),
    explanation: text(4000).default(""),
    measurable: text(1000).default(""),
    dueOn: dateSchema,
    steps: z.array(goalStepSchema).max(maxStepsPerGoal, "plans.validation.tooManySteps").default([]),
    nextStep: text(1000).default(""),
  })
  .strict();
export type GoalInput = z.infer<typeof goalSchema>;

/** The Zielerreichungsbogen: up to three goals in priority order, agreed (or not) between client and CM. */
export const saveGoalAgreementSchema = z
  .object({
    caseId: idSchema,
    /** Null starts a new agreement (Fortschreibung); an id edits that agreement. */
    agreementId: optionalIdSchema.default(null),
    agreedOn: dateSchema,
    nextReviewOn: dateSchema,
    participants: text(1000).default(""),
    isAgreed: z.boolean("plans.validation.chooseAgreed"),
    deviations: text(4000).default(""),
    goals: z
      .array(goalSchema, "plans.validation.atLeastOneGoal")
      .min(1, "plans.validation.atLeastOneGoal")
      .max(maxGoals, "plans.validation.tooManyGoals"),
  })
  .strict()
  .superRefine((agreement, ctx) => {
    if (agreement.nextReviewOn < agreement.agreedOn) {
      ctx.addIssue({ code: "custom", message: "plans.validation.reviewBeforeAgreement", path: ["nextReviewOn"] });
    }
    if (!agreement.isAgreed && agreement.deviations.length === 0) {
      ctx.addIssue({ code: "custom", message: "plans.validation.deviationsRequired", path: ["deviations"] });
    }
    const seenPriorities = new Set<number>();
    const seenIds = new Set<string>();
    agreement.goals.forEach((goal, index) => {
      if (seenPriorities.has(goal.priority)) {
        ctx.addIssue({ code: "custom", message: "plans.validation.duplicatePriority", path: ["goals", index, "priority"] });
      }
      seenPriorities.add(goal.priority);
      if (goal.id && seenIds.has(goal.id)) {
        ctx.addIssue({ code: "custom", message: "plans.validation.duplicateGoal", path: ["goals", index, "id"] });
      }
      if (goal.id) seenIds.add(goal.id);
      if (goal.dueOn < agreement.agreedOn) {
        ctx.addIssue({ code: "custom", message: "plans.validation.dueBeforeAgreement", path: ["goals", index, "dueOn"] });
      }
    });
  });
export type SaveGoalAgreementInput = z.infer<typeof saveGoalAgreementSchema>;

/** Überprüfung der Planung: per goal the degree reached, with an explanation. */
export const reviewGoalsSchema = z
  .object({
    caseId: idSchema,
    agreementId: idSchema,
    reviewedOn: dateSchema,
    goals: z
      .array(
        z
          .object({
            goalId: idSchema,
            attainment: z.enum(attainmentLevels, "plans.validation.chooseAttainment"),
            attainmentNote: text(2000).default(""),
          })
          .strict(),
      )
      .min(1, "plans.validation.atLeastOneGoal")
      .max(maxGoals, "plans.validation.tooManyGoals"),
  })
  .strict()
  .superRefine((review, ctx) => {
    const seen = new Set<string>();
    review.goals.forEach((goal, index) => {
      if (seen.has(goal.goalId))
        ctx.addIssue({ code: "custom", message: "plans.validation.duplicateGoal", path: ["goals", index, "goalId"] });
      seen.add(goal.goalId);
    });
  });
export type ReviewGoalsInput = z.infer<typeof reviewGoalsSchema>;

/**
 * A help plan measure: the provider comes from the offer database or is an organisation of the
 * tenant (or nobody, for the client's own part). A missing offer is described and reported as a gap.
 */
export const saveMeasureSchema = z
  .object({
    caseId: idSchema,
    /** Null adds a measure; an id edits it. */
    measureId: optionalIdSchema.default(null),
    goalId: optionalIdSchema.default(null),
    offerId: optionalIdSchema.default(null),
    providerOrganisationId: optionalIdSchema.default(null),
    role: text(300).default(""),
    task: requiredText(1000),
    responsibility: text(300).default(""),
    timeframe: text(300).default(""),
    isMissingOffer: z.boolean("validation.choose").default(false),
    missingOfferDescription: text(2000).default(""),
    missingOfferLifeArea: optionalLifeArea.default(null),
  })
  .strict()
  .superRefine((measure, ctx) => {
    if (measure.offerId && measure.providerOrganisationId) {
      ctx.addIssue({ code: "custom", message: "plans.validation.oneProvider", path: ["offerId"] });
    }
    if (measure.isMissingOffer && measure.missingOfferDescription.length === 0) {
      ctx.addIssue({ code: "custom", message: "plans.validation.missingOfferDescriptionRequired", path: ["missingOfferDescription"] });
    }
    if (measure.isMissingOffer && !measure.missingOfferLifeArea) {
      ctx.addIssue({ code: "custom", message: "plans.validation.missingOfferLifeAreaRequired", path: ["missingOfferLifeArea"] });
    }
  });
export type SaveMeasureInput = z.infer<typeof saveMeasureSchema>;

export const removeMeasureSchema = z.object({ caseId: idSchema, measureId: idSchema }).strict();

/** Leistungsvermittlung: a referral to an organisation, allowed only within a Schweigepflichtentbindung. */
export const createReferralSchema = z
  .object({
    caseId: idSchema,
    organisationId: idSchema,
    measureId: optionalIdSchema.default(null),
    status: z.enum(referralStatuses, "validation.choose").default("planned"),
    cmRole: z.enum(cmRoles, "validation.choose"),
    mode: z.enum(handoverModes, "validation.choose"),
    referredOn: dateSchema,
    note: text(2000).default(""),
    /** Break-glass only: why the referral cannot wait for a Schweigepflichtentbindung. */
    consentOverrideReason: z
      .preprocess((v) => (v === "" || v === undefined ? null : v), text(1000).min(20, "plans.validation.overrideReasonTooShort").nullable())
      .default(null),
  })
  .strict();
export type CreateReferralInput = z.infer<typeof createReferralSchema>;

/** The state of a referral as the case manager learns it; the note is replaced only when given. */
export const updateReferralSchema = z
  .object({
    caseId: idSchema,
    referralId: idSchema,
    status: z.enum(referralStatuses, "validation.choose"),
    cmRole: z.enum(cmRoles, "validation.choose").optional(),
    mode: z.enum(handoverModes, "validation.choose").optional(),
    note: text(2000).optional(),
  })
  .strict();
export type UpdateReferralInput = z.infer<typeof updateReferralSchema>;
