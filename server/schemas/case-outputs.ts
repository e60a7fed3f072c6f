import { z } from "zod";
import {
  accessChannels,
  caseStatuses,
  closingTypes,
  consentKinds,
  contactChannels,
  contactKinds,
  intakeDecisions,
  lifeAreas,
  screeningVerdicts,
  situationChanges,
} from "./case-kinds";
import { authorityKinds } from "./cases";
import { conferenceStatuses, conferenceTypes, workPackageStatuses } from "./conference-kinds";
import { themeSourceKinds } from "./theme-kinds";
import { areaTexts, attainmentByAreaSchema, day, id, okSchema, optionalDay, timestamp } from "./output-fields";
import {
  assessmentRecordSchema,
  goalAgreementRecordSchema,
  goalRecordSchema,
  measureRecordSchema,
  referralRecordSchema,
} from "./plan-outputs";

/**
 * What the case procedures may answer, field by field (checklist A4). Every object is strict, so
 * a field a service starts returning without being listed here fails the call on the server
 * instead of reaching the browser. Grouped by audience: the pseudonymised views that the
 * coordination shares with case managers never contain an identity field; only the responsible
 * case manager's procedures carry case content, and only two carry the Aktendeckblatt.
 */

export const okOutputSchema = okSchema;

// Pseudonymised: the coordination and the responsible case manager.

/** One case as lists show it: pseudonym, stage, Kommune, dates, responsible case manager. */
export const pseudonymisedCaseSchema = z.strictObject({
  id,
  pseudonym: z.string(),
  status: z.enum(caseStatuses),
  kommuneId: id.nullable(),
  kommuneName: z.string().nullable(),
  responsibleUserId: id.nullable(),
  responsibleName: z.string().nullable(),
  openedOn: day,
  admittedOn: optionalDay,
  closedOn: optionalDay,
  lastContactOn: optionalDay,
  nextReviewOn: optionalDay,
});

export const caseListOutputSchema = z.array(pseudonymisedCaseSchema);

export const caseAbilitiesSchema = z.strictObject({
  readMetadata: z.boolean(),
  readContent: z.boolean(),
  readIdentity: z.boolean(),
  write: z.boolean(),
  transfer: z.boolean(),
  erase: z.boolean(),
});

/** The structured part of the Abschlussbogen; its free text stays with the case manager. */
export const closureEvaluationSchema = z.strictObject({
  closingType: z.enum(closingTypes),
  situationChange: z.enum(situationChanges),
  attainmentByArea: attainmentByAreaSchema,
});

export const caseOverviewOutputSchema = pseudonymisedCaseSchema.extend({
  accessChannel: z.enum(accessChannels),
  abilities: caseAbilitiesSchema,
  evaluation: closureEvaluationSchema.nullable(),
  /** When the identity and free text were erased (after the retention period or on request). */
  erasedAt: timestamp.nullable(),
});

/** Per table, how many rows of the case were erased: names and counts, never content. */
export const eraseCaseOutputSchema = z.strictObject({ tables: z.record(z.string(), z.number()) });

export const caseloadOutputSchema = z.array(
  z.strictObject({ userId: id, displayName: z.string(), caseload: z.number(), key: z.number(), utilisation: z.number() }),
);

export const caseTransfersOutputSchema = z.array(
  z.strictObject({ id, fromUserId: id.nullable(), toUserId: id, reason: z.string(), createdAt: timestamp }),
);

// Coordination only: case managers, waiting list (references, never names), duplicate attempts.

export const caseManagersOutputSchema = z.array(z.strictObject({ id, displayName: z.string() }));

export const waitingListEntrySchema = z.strictObject({
  id,
  tenantId: id,
  reference: z.string(),
  kommuneId: id.nullable(),
  lifeAreas: z.array(z.string()),
  isUrgent: z.boolean(),
  referringOrganisationId: id.nullable(),
  note: z.string(),
  addedOn: day,
  status: z.enum(["waiting", "assigned", "withdrawn"]),
  assignedUserId: id.nullable(),
  resolvedOn: optionalDay,
  createdAt: timestamp,
});

export const waitingListOutputSchema = z.array(waitingListEntrySchema);

export const duplicateAttemptsOutputSchema = z.array(
  z.strictObject({
    id: z.number(),
    at: timestamp,
    attemptedBy: z.string().nullable(),
    existingCase: z.strictObject({ id, pseudonym: z.string(), status: z.enum(caseStatuses), responsibleName: z.string().nullable() }),
  }),
);

// The responsible case manager: case content.

export const createCaseOutputSchema = z.strictObject({ id, pseudonym: z.string() });

export const caseProgressOutputSchema = z.strictObject({
  screening: z.number(),
  intake: z.number(),
  consents: z.number(),
  assessments: z.number(),
  goalAgreements: z.number(),
  measures: z.number(),
  referrals: z.number(),
  contacts: z.number(),
  interimReviews: z.number(),
  closure: z.number(),
  summaries: z.number(),
});

export const caseRemindersOutputSchema = z.strictObject({
  reviewsDue: z.array(z.strictObject({ id, pseudonym: z.string(), dueOn: optionalDay })),
  withoutContact: z.array(z.strictObject({ id, pseudonym: z.string(), lastContactOn: optionalDay })),
  monthlyReportDue: z.string().nullable(),
});

export const screeningRecordSchema = z.strictObject({
  caseId: id,
  screenedOn: day,
  problemsByArea: areaTexts,
  otherProblems: z.string(),
  involvedServices: z.string(),
  urgentConcern: z.string(),
  verdict: z.enum(screeningVerdicts),
  updatedAt: timestamp,
});

export const intakeRecordSchema = z.strictObject({
  caseId: id,
  conductedOn: day,
  criteria: z.array(z.string()),
  decision: z.enum(intakeDecisions),
  reason: z.string(),
  updatedAt: timestamp,
});

export const consentRecordSchema = z.strictObject({
  id,
  tenantId: id,
  caseId: id,
  kind: z.enum(consentKinds),
  organisationIds: z.array(id),
  lifeAreas: z.array(z.string()),
  grantedOn: day,
  validUntil: optionalDay,
  scopeNote: z.string(),
  revokedAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const intakeFileOutputSchema = z.strictObject({
  screening: screeningRecordSchema.nullable(),
  intake: intakeRecordSchema.nullable(),
  consents: z.array(consentRecordSchema),
});

// The service computes the status as a plain string; the pipe checks it is a real status.
export const saveIntakeOutputSchema = z.strictObject({ status: z.string().pipe(z.enum(caseStatuses)) });

export const contactRecordSchema = z.strictObject({
  id,
  caseId: id,
  tenantId: id,
  userId: id,
  contactOn: day,
  channel: z.enum(contactChannels),
  kind: z.enum(contactKinds),
  durationMinutes: z.number(),
  topic: z.string(),
  lifeAreas: z.array(z.string()),
  createdAt: timestamp,
});

const reviewFields = {
  situationChange: z.enum(situationChanges),
  attainmentByArea: attainmentByAreaSchema,
  cooperation: z.string(),
  suitability: z.string(),
  reflection: z.string(),
  createdAt: timestamp,
};

/** Zwischenstandsbogen. */
export const interimReviewRecordSchema = z.strictObject({ id, caseId: id, reviewedOn: day, topic: z.string(), ...reviewFields });

/** Abschlussbogen. */
export const closureRecordSchema = z.strictObject({
  caseId: id,
  closedOn: day,
  closingType: z.enum(closingTypes),
  handedOverTo: z.string(),
  otherReason: z.string(),
  ...reviewFields,
});

export const monitoringFileOutputSchema = z.strictObject({
  contacts: z.array(contactRecordSchema),
  interimReviews: z.array(interimReviewRecordSchema),
  closure: closureRecordSchema.nullable(),
});

export const caseSummaryRecordSchema = z.strictObject({
  id,
  caseId: id,
  tenantId: id,
  title: z.string(),
  body: z.string(),
  sections: z.array(z.strictObject({ lifeArea: z.enum(lifeAreas), text: z.string() })),
  createdByUserId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const caseSummariesOutputSchema = z.array(caseSummaryRecordSchema);

/** A restored form draft: the fields as the browser's FormData gave them. */
export const draftOutputSchema = z.strictObject({ fields: z.record(z.string(), z.array(z.string())), updatedAt: timestamp }).nullable();
export const saveDraftOutputSchema = z.strictObject({ savedAt: timestamp });

// Screening invitations: the inviting case manager's list; the raw link leaves the server once.

export const screeningInvitationsOutputSchema = z.array(
  z.strictObject({
    id,
    organisationName: z.string(),
    kommuneName: z.string().nullable(),
    note: z.string(),
    createdAt: timestamp,
    expiresAt: timestamp,
    usedAt: timestamp.nullable(),
    status: z.enum(["open", "used", "expired"]),
    caseId: id.nullable(),
    casePseudonym: z.string().nullable(),
  }),
);

export const createScreeningInvitationOutputSchema = z.strictObject({ id, link: z.string(), expiresAt: timestamp });

// The responsible case manager alone: the Aktendeckblatt and the Art. 15 export.

/** Every identifying field; no other procedure's answer may contain any of these names. */
export const identityRecordSchema = z.strictObject({
  lastName: z.string(),
  firstName: z.string(),
  birthName: z.string(),
  birthDate: day,
  birthPlace: z.string(),
  nationalities: z.string(),
  residenceTitle: z.string(),
  gender: z.string(),
  countryOfOrigin: z.string(),
  maritalStatus: z.string(),
  householdType: z.string(),
  childrenInHousehold: z.string(),
  street: z.string(),
  town: z.string(),
  phone: z.string(),
  email: z.string(),
  alsoReachableAt: z.string(),
  relatives: z.string(),
  legalAdviser: z.string(),
  previousCounselling: z.string(),
  otherReferencePersons: z.string(),
  authorityContacts: z.array(z.strictObject({ authority: z.enum(authorityKinds), contactPerson: z.string(), fileNumber: z.string() })),
});

export const identityFieldNames = Object.keys(identityRecordSchema.shape);

export const personDataExportOutputSchema = z.strictObject({
  exportedAt: z.string(),
  case: z.strictObject({
    pseudonym: z.string(),
    status: z.enum(caseStatuses),
    openedOn: day,
    admittedOn: optionalDay,
    closedOn: optionalDay,
    accessChannel: z.enum(accessChannels),
  }),
  identity: identityRecordSchema.nullable(),
  screening: screeningRecordSchema.nullable(),
  intake: intakeRecordSchema.nullable(),
  consents: z.array(consentRecordSchema.extend({ organisations: z.array(z.string()) })),
  assessments: z.array(assessmentRecordSchema),
  goalAgreements: z.array(goalAgreementRecordSchema.extend({ goals: z.array(goalRecordSchema) })),
  helpPlanMeasures: z.array(measureRecordSchema),
  referrals: z.array(referralRecordSchema.extend({ organisation: z.string() })),
  contacts: z.array(contactRecordSchema),
  interimReviews: z.array(interimReviewRecordSchema),
  closure: closureRecordSchema.nullable(),
  caseSummaries: z.array(caseSummaryRecordSchema),
  transfers: z.array(
    z.strictObject({
      id,
      caseId: id,
      fromUserId: id.nullable(),
      toUserId: id,
      reason: z.string(),
      transferredByUserId: id,
      createdAt: timestamp,
    }),
  ),
  recipients: z.array(z.string()),
  conferenceDisclosures: z.array(
    z.strictObject({
      title: z.string(),
      type: z.enum(conferenceTypes),
      scheduledAt: timestamp,
      status: z.enum(conferenceStatuses),
      onAgenda: z.boolean(),
      disclosedTo: z.array(z.strictObject({ name: z.string(), organisation: z.string().nullable() })),
      events: z.array(z.strictObject({ at: timestamp, action: z.string(), by: z.string().nullable() })),
    }),
  ),
  boardCards: z.array(
    z.strictObject({
      conference: z.string().nullable(),
      lane: z.string(),
      text: z.string(),
      /** The month a timeline card dates, `YYYY-MM`. */
      month: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
  workPackages: z.array(
    z.strictObject({
      conference: z.string().nullable(),
      task: z.string(),
      responsibleOrganisation: z.string().nullable(),
      responsiblePerson: z.string(),
      dueDate: day,
      status: z.enum(workPackageStatuses),
      createdAt: timestamp,
      updates: z.array(z.strictObject({ status: z.enum(workPackageStatuses), note: z.string(), at: timestamp })),
    }),
  ),
  themeSources: z.array(z.strictObject({ theme: z.string(), kind: z.enum(themeSourceKinds), excerpt: z.string(), createdAt: timestamp })),
  pollAnswers: z.array(z.strictObject({ question: z.string(), answer: z.string(), updatedAt: timestamp })),
  accessLog: z.array(z.strictObject({ at: timestamp, action: z.string(), by: z.string().nullable() })),
});
