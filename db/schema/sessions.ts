import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agendaItemKinds, bodySessionStatuses } from "../../server/schemas/steering-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { tenants } from "./tenancy";
import { users } from "./users";
import { themes } from "./themes";
import { bodies, bodyExternalMembers } from "./bodies";
import { vorlagen } from "./steering";

type RichText = Record<string, unknown>;

export const bodySessionStatus = pgEnum("body_session_status", bodySessionStatuses);
export const agendaItemKind = pgEnum("agenda_item_kind", agendaItemKinds);

/** A session (Sitzung) of a body, with its minutes drafted from what was recorded in it. */
export const bodySessions = pgTable(
  "body_sessions",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    title: text("title").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    status: bodySessionStatus("status").notNull().default("planned"),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    /**
     * The approved minutes, frozen from the shared document (key "minutes") the coordination
     * writes together; null until they are approved.
     */
    minutes: jsonb("minutes").$type<RichText>(),
    /** Minutes are approved at a later session of the same body. */
    minutesApprovedInSessionId: uuid("minutes_approved_in_session_id"),
    minutesApprovedAt: timestamp("minutes_approved_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("body_sessions_body_idx").on(t.bodyId, t.scheduledAt)],
);

export const sessionAttendance = pgTable(
  "session_attendance",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => bodySessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id),
    externalMemberId: uuid("external_member_id").references(() => bodyExternalMembers.id),
    present: boolean("present").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("session_attendance_session_idx").on(t.sessionId)],
);

/** An item on a session's agenda: a theme, a Vorlage, a report due, or a free item. */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => bodySessions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: agendaItemKind("kind").notNull(),
    title: text("title").notNull(),
    themeId: uuid("theme_id").references(() => themes.id),
    vorlageId: uuid("vorlage_id").references(() => vorlagen.id),
    assignmentId: uuid("assignment_id"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_items_session_idx").on(t.sessionId, t.position)],
);

/** The coordination asks the case managers for observations on a group's themes before it meets. */
export const casePolls = pgTable(
  "case_polls",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    sessionId: uuid("session_id").references(() => bodySessions.id),
    question: text("question").notNull(),
    themeIds: uuid("theme_ids").array().notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("case_polls_body_idx").on(t.bodyId)],
);

/** One case manager's pseudonymised observation on one theme of a poll. */
export const casePollAnswers = pgTable(
  "case_poll_answers",
  {
    id: id(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => casePolls.id, { onDelete: "cascade" }),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    answer: text("answer").notNull(),
    caseCount: integer("case_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("case_poll_answers_author_idx").on(t.pollId, t.themeId, t.authorUserId)],
);
