import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { decisionOutcomes, followUpStatuses, proposalStatuses, vorlageStatuses } from "../../server/schemas/steering-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { organisations, tenants } from "./tenancy";
import { users } from "./users";
import { themes } from "./themes";
import { bodySessions, agendaItems } from "./sessions";
import { bodies } from "./bodies";

export const proposalStatus = pgEnum("proposal_status", proposalStatuses);
export const vorlageStatus = pgEnum("vorlage_status", vorlageStatuses);
export const decisionOutcome = pgEnum("decision_outcome", decisionOutcomes);
export const followUpStatus = pgEnum("follow_up_status", followUpStatuses);

type RichText = Record<string, unknown>;

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
