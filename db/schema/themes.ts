import { index, integer, jsonb, pgEnum, pgTable, text, uuid, timestamp } from "drizzle-orm/pg-core";
import { themeUrgencies, sourceMoveReasons } from "../../server/schemas/steering-kinds";
import { themeSourceKinds, themeStatuses } from "../../server/schemas/theme-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { kommunen, tenants } from "./tenancy";
import { users } from "./users";
import { gapReports } from "./case-plans";
import { cases, lifeArea } from "./cases";
import { conferences } from "./conferences";

export const themeStatus = pgEnum("theme_status", themeStatuses);
export const themeSourceKind = pgEnum("theme_source_kind", themeSourceKinds);
export const themeUrgency = pgEnum("theme_urgency", themeUrgencies);

/**
 * A generative theme: a problem that recurs across cases. It carries no identifying data; how many
 * cases stand behind it is counted from its sources.
 */
export const themes = pgTable(
  "themes",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    title: text("title").notNull(),
    /** Rich text (ProseMirror JSON), validated against the editor's schema before it is stored. */
    description: jsonb("description").$type<Record<string, unknown>>().notNull(),
    /** The description as plain text, for search and duplicate suggestions. */
    descriptionText: text("description_text").notNull().default(""),
    lifeAreas: text("life_areas").array().notNull().default([]),
    tags: text("tags").array().notNull().default([]),
    status: themeStatus("status").notNull().default("identified"),
    urgency: themeUrgency("urgency").notNull().default("medium"),
    /** Set while the theme is merged into another; it is then shown only through that one. */
    mergedIntoThemeId: uuid("merged_into_theme_id"),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("themes_tenant_status_idx").on(t.tenantId, t.status)],
);

/** Where a theme was seen; the distinct case ids among a theme's sources are its case count. */
export const themeSources = pgTable(
  "theme_sources",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kind: themeSourceKind("kind").notNull(),
    conferenceId: uuid("conference_id").references(() => conferences.id),
    cardId: uuid("card_id"),
    caseId: uuid("case_id").references(() => cases.id),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    gapReportId: uuid("gap_report_id").references(() => gapReports.id),
    /** The life area of the card or gap report, kept here because a card may be deleted from the board later. */
    lifeArea: lifeArea("life_area"),
    /** The card's or report's wording, pseudonymised like everything on a board. */
    excerpt: text("excerpt").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("theme_sources_theme_idx").on(t.themeId), index("theme_sources_case_idx").on(t.caseId)],
);

/** Frozen wordings of a theme: the conference's agreed text first, later revisions after it. */
export const themeVersions = pgTable(
  "theme_versions",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    description: jsonb("description").$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("theme_versions_theme_idx").on(t.themeId, t.version)],
);

/** Every step of a theme along the steering path, with who took it and why. */
export const themeStatusChanges = pgTable(
  "theme_status_changes",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => themes.id),
    fromStatus: themeStatus("from_status"),
    toStatus: themeStatus("to_status").notNull(),
    note: text("note").notNull().default(""),
    actorUserId: uuid("actor_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("theme_status_changes_theme_idx").on(t.themeId, t.createdAt)],
);

export const sourceMoveReason = pgEnum("source_move_reason", sourceMoveReasons);

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
