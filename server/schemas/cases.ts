import { z } from "zod";
import { todayInBerlin } from "./calendar-days";
import {
  accessChannels,
  closingTypes,
  consentKinds,
  contactChannels,
  contactKinds,
  indicationCriteria,
  intakeDecisions,
  lifeAreas,
  reviewAreas,
  attainmentLevels,
  screeningVerdicts,
  situationChanges,
} from "./case-kinds";
import { idSchema, optionalIdSchema, isWellFormedText, hasNoBidiControls } from "./common";

const text = (max = 4000) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");
const requiredText = (max = 200) => text(max).min(1, "validation.required");
/** ISO date (yyyy-mm-dd) from a date input. */
export const dateSchema = z.iso
  .date("validation.date")
  .refine((value) => value >= "1900-01-01" && value <= "2100-12-31", "validation.date");
const optionalDate = z.preprocess((v) => (v === "" ? null : v), dateSchema.nullable());

export const authorityKinds = [
  "sozialamt_asylblg",
  "sozialamt_sgb12",
  "jugendamt",
  "jobcenter",
  "agentur_fuer_arbeit",
  "employer",
  "doctors",
  "insurance",
  "other",
] as const;

/** The Aktendeckblatt: every identifying field of the seed form. */
export const identitySchema = z
  .object({
    lastName: requiredText().refine(hasNoBidiControls, "validation.bidiControls"),
    firstName: requiredText().refine(hasNoBidiControls, "validation.bidiControls"),
    birthName: text(200).refine(hasNoBidiControls, "validation.bidiControls").default(""),
    birthDate: dateSchema,
    birthPlace: text(200).default(""),
    nationalities: text(200).default(""),
    residenceTitle: text(200).default(""),
    gender: text(50).default(""),
    countryOfOrigin: text(100).default(""),
    maritalStatus: text(100).default(""),
    householdType: text(100).default(""),
    childrenInHousehold: text(200).default(""),
    street: text(200).default(""),
    town: text(200).default(""),
    phone: text(100).default(""),
    email: text(200).default(""),
    alsoReachableAt: text(300).default(""),
    relatives: text(1000).default(""),
    legalAdviser: text(500).default(""),
    previousCounselling: text(1000).default(""),
    otherReferencePersons: text(1000).default(""),
    authorityContacts: z
      .array(
        z
          .object({
            authority: z.enum(authorityKinds, "validation.choose"),
            contactPerson: text(200).default(""),
            fileNumber: text(100).default(""),
          })
          .strict(),
      )
      .max(20)
      .default([]),
  })
  .strict();
export type IdentityInput = z.infer<typeof identitySchema>;

export const screeningSchema = z
  .object({
    screenedOn: dateSchema,
    problemsByArea: z.partialRecord(z.enum(lifeAreas), text(2000)).default({}),
    otherProblems: text(2000).default(""),
    involvedServices: text(2000).default(""),
    urgentConcern: text(2000).default(""),
    verdict: z.enum(screeningVerdicts, "validation.choose"),
  })
  .strict();
export type ScreeningInput = z.infer<typeof screeningSchema>;

export const createCaseSchema = z
  .object({
    accessChannel: z.enum(accessChannels, "validation.choose"),
    kommuneId: optionalIdSchema,
    referringOrganisationId: optionalIdSchema.default(null),
    identity: identitySchema,
    screening: screeningSchema.nullable().default(null),
    /** First contact, if it was earlier than today (e.g. when entering a paper file). */
    openedOn: optionalDate.default(null),
  })
  .strict()
  .refine((c) => !c.openedOn || c.openedOn <= todayInBerlin(), {
    message: "cases.validation.openedInFuture",
    path: ["openedOn"],
  });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const caseIdSchema = z.object({ caseId: idSchema }).strict();

export const saveScreeningSchema = z.object({ caseId: idSchema, screening: screeningSchema }).strict();
export const saveIdentitySchema = z.object({ caseId: idSchema, identity: identitySchema }).strict();

export const saveIntakeSchema = z
  .object({
    caseId: idSchema,
    conductedOn: dateSchema,
    criteria: z.array(z.enum(indicationCriteria)).max(indicationCriteria.length).default([]),
    decision: z.enum(intakeDecisions, "validation.choose"),
    reason: text(4000).default(""),
  })
  .strict();
export type SaveIntakeInput = z.infer<typeof saveIntakeSchema>;

export const addConsentSchema = z
  .object({
    caseId: idSchema,
    kind: z.enum(consentKinds, "validation.choose"),
    organisationIds: z.array(idSchema).max(100).default([]),
    lifeAreas: z.array(z.enum(lifeAreas)).max(lifeAreas.length).default([]),
    grantedOn: dateSchema,
    validUntil: optionalDate.default(null),
    scopeNote: text(1000).default(""),
  })
  .strict()
  .refine((c) => c.kind !== "confidentiality_release" || c.organisationIds.length > 0, {
    message: "cases.validation.releaseNeedsOrganisation",
    path: ["organisationIds"],
  });
export type AddConsentInput = z.infer<typeof addConsentSchema>;

export const revokeConsentSchema = z.object({ caseId: idSchema, consentId: idSchema }).strict();

export const addContactSchema = z
  .object({
    caseId: idSchema,
    contactOn: dateSchema,
    channel: z.enum(contactChannels, "validation.choose"),
    kind: z.enum(contactKinds, "validation.choose").default("counselling"),
    durationMinutes: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(1, "validation.durationRange")
      .max(600, "validation.durationRange"),
    topic: requiredText(500),
    lifeAreas: z.array(z.enum(lifeAreas)).max(lifeAreas.length).default([]),
  })
  .strict();
export type AddContactInput = z.infer<typeof addContactSchema>;

/** Attainment per area worked on; the form's "not worked on" ("" or no choice) is left out. */
const attainmentByArea = z
  .partialRecord(z.enum(reviewAreas), z.enum([...attainmentLevels, ""], "validation.choose").nullish())
  .transform(
    (byArea) =>
      Object.fromEntries(Object.entries(byArea).filter(([, level]) => level)) as Partial<
        Record<(typeof reviewAreas)[number], (typeof attainmentLevels)[number]>
      >,
  )
  .default({});

export const addInterimReviewSchema = z
  .object({
    caseId: idSchema,
    reviewedOn: dateSchema,
    topic: text(500).default(""),
    situationChange: z.enum(situationChanges, "validation.choose"),
    attainmentByArea,
    cooperation: text().default(""),
    suitability: text().default(""),
    reflection: text().default(""),
  })
  .strict();
export type AddInterimReviewInput = z.infer<typeof addInterimReviewSchema>;

/** Run the closing-type checks even while other fields are wrong, so the form shows every problem at once. */
function hasClosingType(payload: { value: unknown }): boolean {
  const value = payload.value as { closingType?: unknown; handedOverTo?: unknown; otherReason?: unknown } | null;
  return (
    typeof value?.closingType === "string" &&
    typeof (value.handedOverTo ?? "") === "string" &&
    typeof (value.otherReason ?? "") === "string"
  );
}

export const closeCaseSchema = z
  .object({
    caseId: idSchema,
    closedOn: dateSchema,
    closingType: z.enum(closingTypes, "validation.choose"),
    handedOverTo: text(300).default(""),
    otherReason: text(1000).default(""),
    situationChange: z.enum(situationChanges, "validation.choose"),
    attainmentByArea,
    cooperation: text().default(""),
    suitability: text().default(""),
    reflection: text().default(""),
  })
  .strict()
  .refine((c) => c.closingType !== "agreed_handed_over" || String(c.handedOverTo ?? "").trim().length > 0, {
    message: "cases.validation.handedOverToRequired",
    path: ["handedOverTo"],
    when: hasClosingType,
  })
  .refine((c) => c.closingType !== "other" || String(c.otherReason ?? "").trim().length > 0, {
    message: "cases.validation.otherReasonRequired",
    path: ["otherReason"],
    when: hasClosingType,
  });
export type CloseCaseInput = z.infer<typeof closeCaseSchema>;

export const listCasesSchema = z
  .object({
    status: z.enum(["screening", "intake", "active", "not_admitted", "closed"]).optional(),
    kommuneId: idSchema.optional(),
    search: z.string().trim().max(50).optional(),
  })
  .strict()
  .default({});
export type ListCasesInput = z.infer<typeof listCasesSchema>;

/** One life area's part of a Falldarstellung: only recipients whose consent covers the area get it. */
const summarySectionSchema = z.object({ lifeArea: z.enum(lifeAreas, "validation.choose"), text: text(5000) }).strict();

export const saveSummarySchema = z
  .object({
    caseId: idSchema,
    title: requiredText(200).refine(hasNoBidiControls, "validation.bidiControls"),
    body: requiredText(20000),
    sections: z
      .array(summarySectionSchema)
      .max(lifeAreas.length)
      .default([])
      .refine((sections) => new Set(sections.map((s) => s.lifeArea)).size === sections.length, "cases.validation.sectionAreaTwice")
      // The form sends a text per life area; an area left empty is no section.
      .transform((sections) => sections.filter((section) => section.text !== "")),
  })
  .strict();
export type SaveSummaryInput = z.infer<typeof saveSummarySchema>;

export const addWaitingListEntrySchema = z
  .object({
    reference: requiredText(60),
    kommuneId: optionalIdSchema.default(null),
    lifeAreas: z.array(z.enum(lifeAreas)).max(lifeAreas.length).default([]),
    isUrgent: z.boolean().default(false),
    referringOrganisationId: optionalIdSchema.default(null),
    note: text(1000).default(""),
    addedOn: dateSchema,
  })
  .strict();
export type AddWaitingListEntryInput = z.infer<typeof addWaitingListEntrySchema>;

export const resolveWaitingListEntrySchema = z
  .object({ id: idSchema, status: z.enum(["assigned", "withdrawn"], "validation.choose"), assignedUserId: optionalIdSchema.default(null) })
  .strict()
  .refine((r) => r.status !== "assigned" || r.assignedUserId, { message: "cases.validation.assigneeRequired", path: ["assignedUserId"] });
export type ResolveWaitingListEntryInput = z.infer<typeof resolveWaitingListEntrySchema>;

export const transferCaseSchema = z.object({ caseId: idSchema, toUserId: idSchema, reason: requiredText(1000) }).strict();
export type TransferCaseInput = z.infer<typeof transferCaseSchema>;

/** Erasure on request: the case's pseudonym, typed again, confirms which case goes. */
export const eraseCaseSchema = z
  .object({ caseId: idSchema, confirmation: z.string().trim().min(1, "validation.required").max(40, "validation.textTooLong") })
  .strict();
export type EraseCaseInput = z.infer<typeof eraseCaseSchema>;

export const draftFormKeys = ["screening", "intake", "consent", "identity", "contact", "interim-review", "closure", "summary"] as const;

export const draftKeySchema = z.object({ caseId: idSchema, formKey: z.enum(draftFormKeys, "validation.choose") }).strict();
export type DraftKeyInput = z.infer<typeof draftKeySchema>;

/** A form's fields as the browser's FormData gives them: each name with its values. */
export const saveDraftSchema = draftKeySchema
  .extend({
    fields: z
      .record(z.string().max(100), z.array(z.string().max(20_000)).max(50))
      .refine((fields) => Object.keys(fields).length <= 200, "validation.textTooLong"),
  })
  .strict();
export type SaveDraftInput = z.infer<typeof saveDraftSchema>;
