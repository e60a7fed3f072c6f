import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  accessChannels,
  attainmentLevels,
  caseStatuses,
  closingTypes,
  cmRoles,
  consentKinds,
  contactChannels,
  contactKinds,
  handoverModes,
  intakeDecisions,
  lifeAreas,
  referralStatuses,
  screeningVerdicts,
  situationChanges,
} from "../../server/schemas/case-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { offers } from "./offers";
import { kommunen, organisations, tenants } from "./tenancy";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const caseStatus = pgEnum("case_status", caseStatuses);
export const accessChannel = pgEnum("access_channel", accessChannels);
export const lifeArea = pgEnum("life_area", lifeAreas);
export const screeningVerdict = pgEnum("screening_verdict", screeningVerdicts);
export const intakeDecision = pgEnum("intake_decision", intakeDecisions);
export const consentKind = pgEnum("consent_kind", consentKinds);
export const attainmentLevel = pgEnum("attainment_level", attainmentLevels);
export const situationChange = pgEnum("situation_change", situationChanges);
export const closingType = pgEnum("closing_type", closingTypes);
export const contactChannel = pgEnum("contact_channel", contactChannels);
export const contactKind = pgEnum("contact_kind", contactKinds);
export const referralStatus = pgEnum("referral_status", referralStatuses);
export const cmRole = pgEnum("cm_role", cmRoles);
export const handoverMode = pgEnum("handover_mode", handoverModes);

/**
 * A case: pseudonymised content only. Who the person is lives in `case_identities`, encrypted,
 * readable by the responsible case manager alone.
 */
export const cases = pgTable(
  "cases",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    pseudonym: text("pseudonym").notNull(),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    status: caseStatus("status").notNull().default("screening"),
    accessChannel: accessChannel("access_channel").notNull(),
    referringOrganisationId: uuid("referring_organisation_id").references(() => organisations.id),
    openedOn: date("opened_on").notNull(),
    admittedOn: date("admitted_on"),
    closedOn: date("closed_on"),
    lastContactOn: date("last_contact_on"),
    nextReviewOn: date("next_review_on"),
    /** Set when the identity record was erased after the retention period; statistics remain. */
    identityErasedAt: timestamp("identity_erased_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("cases_tenant_pseudonym_idx").on(t.tenantId, t.pseudonym),
    index("cases_tenant_status_idx").on(t.tenantId, t.status),
    index("cases_responsible_idx").on(t.responsibleUserId, t.status),
    // The case lists sort newest first; these let PostgreSQL read the first page in order.
    index("cases_tenant_opened_idx").on(t.tenantId, t.openedOn.desc().nullsFirst(), t.pseudonym.desc().nullsFirst()),
    index("cases_responsible_opened_idx").on(t.responsibleUserId, t.openedOn.desc().nullsFirst(), t.pseudonym.desc().nullsFirst()),
  ],
);

/** The Aktendeckblatt, encrypted with AES-256-GCM; the blind index finds the same person without revealing them. */
export const caseIdentities = pgTable(
  "case_identities",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    ciphertext: bytea("ciphertext").notNull(),
    keyVersion: smallint("key_version").notNull().default(1),
    blindIndex: text("blind_index").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index("case_identities_blind_index_idx").on(t.tenantId, t.blindIndex)],
);

export const screenings = pgTable("screenings", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  screenedOn: date("screened_on").notNull(),
  problemsByArea: jsonb("problems_by_area").$type<Partial<Record<string, string>>>().notNull().default({}),
  otherProblems: text("other_problems").notNull().default(""),
  involvedServices: text("involved_services").notNull().default(""),
  urgentConcern: text("urgent_concern").notNull().default(""),
  verdict: screeningVerdict("verdict").notNull(),
  updatedAt: updatedAt(),
});

export const intakes = pgTable("intakes", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  conductedOn: date("conducted_on").notNull(),
  criteria: jsonb("criteria").$type<string[]>().notNull().default([]),
  decision: intakeDecision("decision").notNull(),
  reason: text("reason").notNull().default(""),
  updatedAt: updatedAt(),
});

export const consents = pgTable(
  "consents",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: consentKind("kind").notNull(),
    /** Organisations covered by a Schweigepflichtentbindung. */
    organisationIds: uuid("organisation_ids").array().notNull().default([]),
    lifeAreas: text("life_areas").array().notNull().default([]),
    grantedOn: date("granted_on").notNull(),
    validUntil: date("valid_until"),
    scopeNote: text("scope_note").notNull().default(""),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("consents_case_idx").on(t.caseId)],
);

export const assessments = pgTable(
  "assessments",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    lifeArea: lifeArea("life_area").notNull(),
    isReassessment: boolean("is_reassessment").notNull(),
    assessedOn: date("assessed_on").notNull(),
    participants: text("participants").notNull().default(""),
    answers: jsonb("answers").$type<Partial<Record<string, string>>>().notNull().default({}),
    resources: text("resources").notNull().default(""),
    wishes: text("wishes").notNull().default(""),
    residenceStatus: text("residence_status"),
    /** Per scale item: the client's rating 1-10 and the case manager's remark. */
    scales: jsonb("scales").$type<Partial<Record<string, { rating: number | null; remark: string }>>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("assessments_case_area_idx").on(t.caseId, t.lifeArea, t.assessedOn)],
);

export interface GoalStep {
  action: string;
  responsible: string;
  dueOn: string | null;
}

export const goalAgreements = pgTable("goal_agreements", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  agreedOn: date("agreed_on").notNull(),
  nextReviewOn: date("next_review_on").notNull(),
  participants: text("participants").notNull().default(""),
  isAgreed: boolean("is_agreed").notNull(),
  deviations: text("deviations").notNull().default(""),
  reviewedOn: date("reviewed_on"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const goals = pgTable(
  "goals",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => goalAgreements.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    priority: smallint("priority").notNull(),
    lifeArea: lifeArea("life_area"),
    title: text("title").notNull(),
    explanation: text("explanation").notNull().default(""),
    measurable: text("measurable").notNull().default(""),
    dueOn: date("due_on"),
    steps: jsonb("steps").$type<GoalStep[]>().notNull().default([]),
    nextStep: text("next_step").notNull().default(""),
    attainment: attainmentLevel("attainment"),
    attainmentNote: text("attainment_note").notNull().default(""),
  },
  (t) => [uniqueIndex("goals_agreement_priority_idx").on(t.agreementId, t.priority)],
);

export const helpPlanMeasures = pgTable("help_plan_measures", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  goalId: uuid("goal_id").references(() => goals.id, { onDelete: "set null" }),
  offerId: uuid("offer_id").references(() => offers.id),
  providerOrganisationId: uuid("provider_organisation_id").references(() => organisations.id),
  role: text("role").notNull().default(""),
  task: text("task").notNull(),
  responsibility: text("responsibility").notNull().default(""),
  timeframe: text("timeframe").notNull().default(""),
  isMissingOffer: boolean("is_missing_offer").notNull().default(false),
  missingOfferDescription: text("missing_offer_description").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A missing offer, reported to the coordination without anything that identifies the person. */
export const gapReports = pgTable(
  "gap_reports",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    lifeArea: lifeArea("life_area"),
    description: text("description").notNull(),
    measureId: uuid("measure_id").references(() => helpPlanMeasures.id, { onDelete: "set null" }),
    reportedByUserId: uuid("reported_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("gap_reports_tenant_idx").on(t.tenantId, t.createdAt)],
);

export const referrals = pgTable("referrals", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  measureId: uuid("measure_id").references(() => helpPlanMeasures.id, { onDelete: "set null" }),
  status: referralStatus("status").notNull().default("planned"),
  cmRole: cmRole("cm_role").notNull(),
  mode: handoverMode("mode").notNull(),
  referredOn: date("referred_on").notNull(),
  note: text("note").notNull().default(""),
  /** Set when the referral was made without consent under break-glass; the reason is also audited. */
  consentOverrideReason: text("consent_override_reason"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    contactOn: date("contact_on").notNull(),
    channel: contactChannel("channel").notNull(),
    kind: contactKind("kind").notNull().default("counselling"),
    durationMinutes: integer("duration_minutes").notNull(),
    topic: text("topic").notNull(),
    lifeAreas: text("life_areas").array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("contacts_case_idx").on(t.caseId, t.contactOn), index("contacts_user_month_idx").on(t.userId, t.contactOn)],
);

/** Zwischenstandsbogen. */
export const interimReviews = pgTable("interim_reviews", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  reviewedOn: date("reviewed_on").notNull(),
  topic: text("topic").notNull().default(""),
  situationChange: situationChange("situation_change").notNull(),
  attainmentByArea: jsonb("attainment_by_area").$type<Partial<Record<string, string>>>().notNull().default({}),
  cooperation: text("cooperation").notNull().default(""),
  suitability: text("suitability").notNull().default(""),
  reflection: text("reflection").notNull().default(""),
  createdAt: createdAt(),
});

/** Abschlussbogen. */
export const closures = pgTable("closures", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  closedOn: date("closed_on").notNull(),
  closingType: closingType("closing_type").notNull(),
  handedOverTo: text("handed_over_to").notNull().default(""),
  otherReason: text("other_reason").notNull().default(""),
  situationChange: situationChange("situation_change").notNull(),
  attainmentByArea: jsonb("attainment_by_area").$type<Partial<Record<string, string>>>().notNull().default({}),
  cooperation: text("cooperation").notNull().default(""),
  suitability: text("suitability").notNull().default(""),
  reflection: text("reflection").notNull().default(""),
  createdAt: createdAt(),
});

/** Falldarstellung for conferences: built from case content, checked against the identity before saving. */
export const caseSummaries = pgTable("case_summaries", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id),
  title: text("title").notNull(),
  body: text("body").notNull(),
  createdByUserId: uuid("created_by_user_id").references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const waitingListStatuses = ["waiting", "assigned", "withdrawn"] as const;
export const waitingListStatus = pgEnum("waiting_list_status", waitingListStatuses);

/** People waiting for a case manager, kept by the coordination under a reference, never a name. */
export const waitingListEntries = pgTable(
  "waiting_list_entries",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    reference: text("reference").notNull(),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    lifeAreas: text("life_areas").array().notNull().default([]),
    isUrgent: boolean("is_urgent").notNull().default(false),
    referringOrganisationId: uuid("referring_organisation_id").references(() => organisations.id),
    note: text("note").notNull().default(""),
    addedOn: date("added_on").notNull(),
    status: waitingListStatus("status").notNull().default("waiting"),
    assignedUserId: uuid("assigned_user_id").references(() => users.id),
    resolvedOn: date("resolved_on"),
    createdAt: createdAt(),
  },
  (t) => [index("waiting_list_tenant_status_idx").on(t.tenantId, t.status)],
);

/** A change of responsible case manager, made by the coordination and kept for the record. */
export const caseTransfers = pgTable("case_transfers", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  fromUserId: uuid("from_user_id").references(() => users.id),
  toUserId: uuid("to_user_id")
    .notNull()
    .references(() => users.id),
  reason: text("reason").notNull(),
  transferredByUserId: uuid("transferred_by_user_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** The monthly pseudonymised documentation of one case manager, once submitted. */
export const monthlyReports = pgTable(
  "monthly_reports",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    month: date("month").notNull(),
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    note: text("note").notNull().default(""),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("monthly_reports_user_month_idx").on(t.userId, t.month)],
);

/**
 * A personal, expiring link with which a network actor fills the Screening form for a person who
 * consented; the case goes to the inviting case manager. Only a hash of the token is stored.
 */
export const screeningInvitations = pgTable(
  "screening_invitations",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    invitedByUserId: uuid("invited_by_user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    note: text("note").notNull().default(""),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("screening_invitations_token_idx").on(t.tokenHash)],
);

/**
 * Unfinished case forms, kept on the server (never in the browser's storage) and encrypted like the
 * identity, since a draft may hold anything the case manager typed.
 */
export const formDrafts = pgTable(
  "form_drafts",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    formKey: text("form_key").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("form_drafts_case_user_form_idx").on(t.caseId, t.userId, t.formKey)],
);
