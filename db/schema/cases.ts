import {
  boolean,
  customType,
  date,
  index,
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
  caseStatuses,
  consentKinds,
  intakeDecisions,
  lifeAreas,
  screeningVerdicts,
  type SummarySection,
} from "../../server/schemas/case-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { kommunen, organisations, tenants } from "./tenancy";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const caseStatus = pgEnum("case_status", caseStatuses);
export const accessChannel = pgEnum("access_channel", accessChannels);
export const lifeArea = pgEnum("life_area", lifeAreas);
export const screeningVerdict = pgEnum("screening_verdict", screeningVerdicts);
export const intakeDecision = pgEnum("intake_decision", intakeDecisions);
export const consentKind = pgEnum("consent_kind", consentKinds);

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
    /** Life areas the consent releases; empty means every area (as for consents recorded before areas were asked). */
    lifeAreas: text("life_areas").array().notNull().default([]),
    grantedOn: date("granted_on").notNull(),
    validUntil: date("valid_until"),
    scopeNote: text("scope_note").notNull().default(""),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("consents_case_idx").on(t.caseId)],
);

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
  /** The general part, released only to recipients whose consent covers every life area. */
  body: text("body").notNull(),
  /** One section per life area, each released to recipients whose consent covers that area. */
  sections: jsonb("sections").$type<SummarySection[]>().notNull().default([]),
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
