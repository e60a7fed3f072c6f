import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { BoardMeta } from "../../server/schemas/board";
import {
  conferenceStatuses,
  conferenceTypes,
  consentVotes,
  formulationStatuses,
  participantRoles,
  type PhaseDefinition,
} from "../../server/schemas/conference-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { sharedDocuments } from "./shared-documents";
import { kommunen, tenants } from "./tenancy";
import { users } from "./users";
import { cases, caseSummaries, lifeArea } from "./cases";

export const conferenceType = pgEnum("conference_type", conferenceTypes);
export const conferenceStatus = pgEnum("conference_status", conferenceStatuses);
export const participantRole = pgEnum("participant_role", participantRoles);
export const consentVote = pgEnum("consent_vote", consentVotes);
export const formulationStatus = pgEnum("formulation_status", formulationStatuses);

/**
 * A moderated meeting; `lastSeq` numbers its board operations, advanced under a row lock. `phases`
 * is the Ablaufplan copied from the tenant's template when the meeting was planned; `boardMeta` is
 * the board's state beside its cards (phase, timer, lock, clusters, votes, ...), written in the same
 * transaction as the operation that changed it.
 */
export const conferences = pgTable(
  "conferences",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    type: conferenceType("type").notNull(),
    title: text("title").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    isOnline: boolean("is_online").notNull().default(false),
    status: conferenceStatus("status").notNull().default("planned"),
    phases: jsonb("phases").$type<PhaseDefinition[]>().notNull().default([]),
    boardMeta: jsonb("board_meta")
      .$type<BoardMeta>()
      .notNull()
      .default({} as BoardMeta),
    /** Dots each person may place in the voting phase. */
    voteBudget: integer("vote_budget").notNull().default(3),
    /** The meeting this one follows up; its open work packages become the first agenda item. */
    previousConferenceId: uuid("previous_conference_id"),
    lastSeq: integer("last_seq").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("conferences_tenant_scheduled_idx").on(t.tenantId, t.scheduledAt)],
);

export const conferenceParticipants = pgTable(
  "conference_participants",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: participantRole("role").notNull().default("participant"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conference_participants_user_idx").on(t.conferenceId, t.userId)],
);

/** The cases a conference discusses, shown through their pseudonymised Falldarstellung only. */
export const conferenceCases = pgTable(
  "conference_cases",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** Null once the Falldarstellung was erased with the case's free text; the agenda entry stays for the statistics. */
    summaryId: uuid("summary_id").references(() => caseSummaries.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conference_cases_case_idx").on(t.conferenceId, t.caseId)],
);

/**
 * Every accepted board operation in order. It is written before it is acknowledged or broadcast;
 * the client's operation id makes a retried operation count once.
 */
export const boardOperations = pgTable(
  "board_operations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    clientOpId: text("client_op_id").notNull(),
    actorUserId: uuid("actor_user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("board_operations_seq_idx").on(t.conferenceId, t.seq),
    uniqueIndex("board_operations_client_op_idx").on(t.conferenceId, t.clientOpId),
  ],
);

/** The board's current state, kept in step with the operations in the same transaction. */
export const boardCards = pgTable(
  "board_cards",
  {
    id: uuid("id").primaryKey(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    lane: text("lane").notNull(),
    text: text("text").notNull(),
    orderKey: text("order_key").notNull(),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    /** The case a card belongs to; its text is shown only to those the case's consent covers. */
    caseId: uuid("case_id").references(() => cases.id),
    /** Reconstruction grid column: an organisation's id, or "klient" for the client's perspective. */
    perspective: text("perspective"),
    /** The life area a case card is about; it reaches only those whose consent covers that area. */
    lifeArea: lifeArea("life_area"),
    clusterId: uuid("cluster_id"),
    /** Written while anonymous writing was on: its text and author stay hidden until revealed. */
    isHidden: boolean("is_hidden").notNull().default(false),
    /** Marked by the moderator as a solution idea rather than a theme; it goes to the parking area. */
    isSolution: boolean("is_solution").notNull().default(false),
    /** Fallrekonstruktion timeline: the month ("YYYY-MM") the card stands at on the time axis; null when undated. */
    month: text("month"),
    updatedSeq: integer("updated_seq").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("board_cards_conference_idx").on(t.conferenceId),
    check("board_cards_month_format", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** A tenant's Ablaufplan per conference type; new conferences copy it. */
export const conferencePhaseTemplates = pgTable(
  "conference_phase_templates",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    type: conferenceType("type").notNull(),
    phases: jsonb("phases").$type<PhaseDefinition[]>().notNull(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("conference_phase_templates_type_idx").on(t.tenantId, t.type)],
);

/**
 * An external guest invited by a personal, expiring link. The guest signs in as a user of their
 * own without roles, who is a participant of this one conference only.
 */
export const conferenceGuests = pgTable(
  "conference_guests",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the link's secret; the secret itself is shown once to the inviting person. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    invitedName: text("invited_name").notNull(),
    organisationName: text("organisation_name").notNull().default(""),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** SHA-256 of the device secret of the first browser that confirmed the link; null until then or after a reset. */
    deviceHash: text("device_hash"),
    invitedByUserId: uuid("invited_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conference_guests_token_idx").on(t.tokenHash), uniqueIndex("conference_guests_user_idx").on(t.userId)],
);

/**
 * The responsible case manager's confirmation that one guest is covered by one case's
 * Schweigepflichtentbindung. A guest sees nothing of an agenda case without it, whatever organisation
 * the inviting moderator gave them; withdrawing the confirmation deletes the row.
 */
export const guestCaseReleases = pgTable(
  "guest_case_releases",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    guestUserId: uuid("guest_user_id")
      .notNull()
      .references(() => users.id),
    confirmedByUserId: uuid("confirmed_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("guest_case_releases_guest_case_idx").on(t.conferenceId, t.caseId, t.guestUserId)],
);

/** The consensual formulation of one generative theme from a cluster of the plenum board. */
export const themeFormulations = pgTable(
  "theme_formulations",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    clusterId: uuid("cluster_id").notNull(),
    title: text("title").notNull(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => sharedDocuments.id),
    status: formulationStatus("status").notNull().default("drafting"),
    /** The agreed wording, frozen at finalisation (ProseMirror JSON, validated). */
    finalText: jsonb("final_text").$type<Record<string, unknown>>(),
    themeId: uuid("theme_id"),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("theme_formulations_cluster_idx").on(t.conferenceId, t.clusterId)],
);

/** Each participant's consent check on a formulation; a new wording resets nothing silently. */
export const formulationConsents = pgTable(
  "formulation_consents",
  {
    id: id(),
    formulationId: uuid("formulation_id")
      .notNull()
      .references(() => themeFormulations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    vote: consentVote("vote").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("formulation_consents_user_idx").on(t.formulationId, t.userId)],
);

/** The protocol of a conference, generated from its board and kept as it was when generated. */
export const conferenceProtocols = pgTable(
  "conference_protocols",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conference_protocols_version_idx").on(t.conferenceId, t.version)],
);
