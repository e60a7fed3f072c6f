import { z } from "zod";
import { attainmentLevels, cmRoles, handoverModes, lifeAreas, referralStatuses } from "./case-kinds";
import { areaTexts, day, id, optionalDay, timestamp } from "./output-fields";

/** What the assessment and plan procedures may answer; strict like every case output (checklist A4). */
// Assessments.

export const assessmentRecordSchema = z.strictObject({
  id,
  caseId: id,
  lifeArea: z.enum(lifeAreas),
  isReassessment: z.boolean(),
  assessedOn: day,
  participants: z.string(),
  answers: areaTexts,
  resources: z.string(),
  wishes: z.string(),
  residenceStatus: z.string().nullable(),
  scales: z.record(z.string(), z.strictObject({ rating: z.number().nullable(), remark: z.string() }).optional()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const assessmentListOutputSchema = z.array(assessmentRecordSchema.extend({ isLatestOfArea: z.boolean() }));

export const saveAssessmentOutputSchema = z.strictObject({ assessment: assessmentRecordSchema, created: z.boolean() });

const assessmentRefSchema = z.strictObject({ assessmentId: id, assessedOn: day, isReassessment: z.boolean() });

export const assessmentComparisonOutputSchema = z.array(
  z.strictObject({
    lifeArea: z.enum(lifeAreas),
    scaleItems: z.array(z.string()).readonly(),
    series: z.array(assessmentRefSchema.extend({ ratings: z.record(z.string(), z.number().nullable()), average: z.number().nullable() })),
    comparison: z
      .strictObject({
        previous: assessmentRefSchema,
        current: assessmentRefSchema,
        scales: z.array(
          z.strictObject({
            item: z.string(),
            previous: z.number().nullable(),
            current: z.number().nullable(),
            delta: z.number().nullable(),
            previousRemark: z.string(),
            currentRemark: z.string(),
          }),
        ),
        changes: z.array(
          z.strictObject({
            field: z.enum(["participants", "answer", "resources", "wishes", "residenceStatus"]),
            question: z.string().nullable(),
            previous: z.string().nullable(),
            current: z.string().nullable(),
          }),
        ),
      })
      .nullable(),
  }),
);

// Goals, help plan and linking.

export const goalAgreementRecordSchema = z.strictObject({
  id,
  caseId: id,
  agreedOn: day,
  nextReviewOn: day,
  participants: z.string(),
  isAgreed: z.boolean(),
  deviations: z.string(),
  reviewedOn: optionalDay,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const goalRecordSchema = z.strictObject({
  id,
  agreementId: id,
  caseId: id,
  priority: z.number(),
  lifeArea: z.enum(lifeAreas).nullable(),
  title: z.string(),
  explanation: z.string(),
  measurable: z.string(),
  dueOn: optionalDay,
  steps: z.array(z.strictObject({ action: z.string(), responsible: z.string(), dueOn: optionalDay })),
  nextStep: z.string(),
  attainment: z.enum(attainmentLevels).nullable(),
  attainmentNote: z.string(),
});

export const measureRecordSchema = z.strictObject({
  id,
  caseId: id,
  goalId: id.nullable(),
  offerId: id.nullable(),
  providerOrganisationId: id.nullable(),
  role: z.string(),
  task: z.string(),
  responsibility: z.string(),
  timeframe: z.string(),
  isMissingOffer: z.boolean(),
  missingOfferDescription: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const referralRecordSchema = z.strictObject({
  id,
  caseId: id,
  organisationId: id,
  measureId: id.nullable(),
  status: z.enum(referralStatuses),
  cmRole: z.enum(cmRoles),
  mode: z.enum(handoverModes),
  referredOn: day,
  note: z.string(),
  consentOverrideReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const planFileOutputSchema = z.strictObject({
  canWrite: z.boolean(),
  nextReviewOn: optionalDay,
  agreements: z.array(goalAgreementRecordSchema.extend({ goals: z.array(goalRecordSchema) })),
  measures: z.array(
    measureRecordSchema.extend({
      offerTitle: z.string().nullable(),
      providerName: z.string().nullable(),
      gap: z.strictObject({ lifeArea: z.enum(lifeAreas).nullable(), description: z.string() }).nullable(),
    }),
  ),
  referrals: z.array(referralRecordSchema.extend({ organisationName: z.string(), isCoveredByConsent: z.boolean() })),
  organisations: z.array(z.strictObject({ id, name: z.string(), isCoveredByConsent: z.boolean() })),
  offers: z.array(z.strictObject({ id, title: z.string(), providerName: z.string().nullable(), lifeAreas: z.array(z.string()) })),
});

export const saveGoalAgreementOutputSchema = z.strictObject({ agreementId: id, nextReviewOn: day });
