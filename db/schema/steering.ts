import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  agendaItemKinds,
  bodySessionStatuses,
  decisionOutcomes,
  followUpStatuses,
  proposalStatuses,
  sourceMoveReasons,
  vorlageStatuses,
} from "../../server/schemas/steering-kinds";
import { bodies } from "./bodies";
import { createdAt, id, updatedAt } from "./columns";
import { organisations, tenants } from "./tenancy";
import { themes, themeSources } from "./themes";
import { users } from "./users";

export const sourceMoveReason = pgEnum("source_move_reason", sourceMoveReasons);
export const bodySessionStatus = pgEnum("body_session_status", bodySessionStatuses);
export const agendaItemKind = pgEnum("agenda_item_kind", agendaItemKinds);
export const proposalStatus = pgEnum("proposal_status", proposalStatuses);
export const vorlageStatus = pgEnum("vorlage_status", vorlageStatuses);
export const decisionOutcome = pgEnum("decision_outcome", decisionOutcomes);
export const followUpStatus = pgEnum("follow_up_status", followUpStatuses);

type RichText = Record<string, unknown>;

/**
 * A merge of one theme into another. The moved sources are listed in theme_source_moves under this
 * merge, so undoing it moves exactly those back.
 */
export const themeMerges = pgTable(
  "theme_merges",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    targetThemeId: uuid("target_theme_id")
      .notNull()
      .references(() => themes.id),
    mergedThemeId: uuid("merged_theme_id")
      .notNull()
      .references(() => themes.id),
    note: text("note").notNull().default(""),
    mergedByUserId: uuid("merged_by_user_id")
      .notNull()
      .references(() => users.id),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneByUserId: uuid("undone_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("theme_merges_target_idx").on(t.targetThemeId)],
);

/** Every move of a source from one theme to another (merge, split, undo): provenance is never lost. */
export const themeSourceMoves = pgTable(
  "theme_source_moves",
  {
    id: id(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => themeSources.id),
    fromThemeId: uuid("from_theme_id")
      .notNull()
      .references(() => themes.id),
    toThemeId: uuid("to_theme_id")
      .notNull()
      .references(() => themes.id),
    reason: sourceMoveReason("reason").notNull(),
    mergeId: uuid("merge_id").references(() => themeMerges.id),
    actorUserId: uuid("actor_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("theme_source_moves_source_idx").on(t.sourceId), index("theme_source_moves_merge_idx").on(t.mergeId)],
);

/** A body's member from outside the platform (no account): named, with their organisation. */
export const bodyExternalMembers = pgTable(
  "body_external_members",
  {
    id: id(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    name: text("name").notNull(),
    organisationName: text("organisation_name").notNull().default(""),
    function: text("function").notNull().default(""),
    /** Set when they leave the body; they stay on the attendance lists of sessions they attended. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("body_external_members_body_idx").on(t.bodyId)],
);

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

/** A solution proposal a working group drafts on a theme assigned to it. */
export const proposals = pgTable(
  "proposals",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    title: text("title").notNull(),
    body: jsonb("body").$type<RichText>().notNull(),
    status: proposalStatus("status").notNull().default("draft"),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("proposals_theme_idx").on(t.themeId)],
);

/** The coordination's Vorlage for the Lenkungsgruppe, kept in versions. */
export const vorlagen = pgTable(
  "vorlagen",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id),
    proposalId: uuid("proposal_id").references(() => proposals.id),
    title: text("title").notNull(),
    status: vorlageStatus("status").notNull().default("draft"),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("vorlagen_theme_idx").on(t.themeId)],
);

export const vorlageVersions = pgTable(
  "vorlage_versions",
  {
    id: id(),
    vorlageId: uuid("vorlage_id")
      .notNull()
      .references(() => vorlagen.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: jsonb("body").$type<RichText>().notNull(),
    /** Plain text of the body, for the visible diff between versions. */
    bodyText: text("body_text").notNull(),
    /** The evidence pack as generated from the registry when this version was saved. */
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("vorlage_versions_version_idx").on(t.vorlageId, t.version)],
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

/** What the Lenkungsgruppe (or another body) decided on an agenda item. */
export const decisions = pgTable(
  "decisions",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => bodySessions.id),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id),
    themeId: uuid("theme_id").references(() => themes.id),
    vorlageId: uuid("vorlage_id").references(() => vorlagen.id),
    outcome: decisionOutcome("outcome").notNull(),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    votesAbstain: integer("votes_abstain"),
    text: text("text").notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("decisions_agenda_item_idx").on(t.agendaItemId)],
);

/** A task a decision gives a group, due by a date, reported on until done. */
export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    themeId: uuid("theme_id").references(() => themes.id),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    task: text("task").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: followUpStatus("status").notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("assignments_body_idx").on(t.bodyId, t.dueDate)],
);

/** A recommendation to an administration or service, with who is responsible and by when. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    themeId: uuid("theme_id").references(() => themes.id),
    addressee: text("addressee").notNull(),
    responsibleOrganisationId: uuid("responsible_organisation_id").references(() => organisations.id),
    text: text("text").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: followUpStatus("status").notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("recommendations_theme_idx").on(t.themeId)],
);

/** Status reports on an assignment or a recommendation; the last one's status is theirs. */
export const followUpReports = pgTable(
  "follow_up_reports",
  {
    id: id(),
    assignmentId: uuid("assignment_id").references(() => assignments.id),
    recommendationId: uuid("recommendation_id").references(() => recommendations.id),
    status: followUpStatus("status").notNull(),
    note: text("note").notNull().default(""),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("follow_up_reports_assignment_idx").on(t.assignmentId),
    index("follow_up_reports_recommendation_idx").on(t.recommendationId),
  ],
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
