import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { conferenceStatuses, conferenceTypes, participantRoles } from "../../server/schemas/conference-kinds";
import { cases, caseSummaries } from "./cases";
import { createdAt, id, updatedAt } from "./columns";
import { kommunen, tenants } from "./tenancy";
import { users } from "./users";

export const conferenceType = pgEnum("conference_type", conferenceTypes);
export const conferenceStatus = pgEnum("conference_status", conferenceStatuses);
export const participantRole = pgEnum("participant_role", participantRoles);

/** A moderated meeting; `lastSeq` numbers its board operations, advanced under a row lock. */
export const conferences = pgTable(
  "conferences",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    type: conferenceType("type").notNull(),
    title: text("title").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    isOnline: boolean("is_online").notNull().default(false),
    status: conferenceStatus("status").notNull().default("planned"),
    phaseIndex: integer("phase_index").notNull().default(0),
    isLocked: boolean("is_locked").notNull().default(false),
    lastSeq: integer("last_seq").notNull().default(0),
    createdByUserId: uuid("created_by_user_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("conferences_tenant_scheduled_idx").on(t.tenantId, t.scheduledAt)],
);

export const conferenceParticipants = pgTable(
  "conference_participants",
  {
    id: id(),
    conferenceId: uuid("conference_id").notNull().references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id),
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
    conferenceId: uuid("conference_id").notNull().references(() => conferences.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    summaryId: uuid("summary_id").references(() => caseSummaries.id),
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
    conferenceId: uuid("conference_id").notNull().references(() => conferences.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    clientOpId: text("client_op_id").notNull(),
    actorUserId: uuid("actor_user_id").notNull().references(() => users.id),
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
    conferenceId: uuid("conference_id").notNull().references(() => conferences.id, { onDelete: "cascade" }),
    lane: text("lane").notNull(),
    text: text("text").notNull(),
    orderKey: text("order_key").notNull(),
    authorUserId: uuid("author_user_id").notNull().references(() => users.id),
    updatedSeq: integer("updated_seq").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("board_cards_conference_idx").on(t.conferenceId)],
);
