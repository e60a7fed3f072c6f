import { and, asc, desc, eq, exists, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, conferences, kommunen, themeMerges, themes, themeSources, themeStatusChanges, themeVersions, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { requireThemesManage, requireThemesView, themeRegistryAbilities } from "./policy";
import { consentScopesOf, scopeCovers, type LifeAreaScope } from "../cases/consent-scope";
import { AppError } from "../errors";
import type { RichTextDoc } from "../rich-text/validate";
import type { ConferenceType } from "../schemas/conference-kinds";
import type { ThemeSourceKind } from "../schemas/theme-kinds";
import type { ListThemesInput } from "../schemas/themes";
import { countViewFor } from "../aggregates/count-view";
import { shownCount, type CountView, type ShownCount } from "../aggregates/shown-count";
import { seesSourcesOfThemes } from "./aggregates";
import { manualThemeTransitions } from "./status";

const day = 86_400_000;
/** The trend compares sources of the last 90 days with the 90 days before. */
const trendWindow = 90 * day;

export { requireThemesManage, requireThemesView };

export type SourceRow = {
  themeId: string;
  kind: ThemeSourceKind;
  caseId: string | null;
  kommuneId: string | null;
  conferenceId: string | null;
  conferenceTitle: string | null;
  conferenceType: ConferenceType | null;
  conferenceDate: Date | null;
  createdAt: Date;
};

export async function sourcesOf(db: Database, tenantId: string, themeIds: string[]): Promise<SourceRow[]> {
  if (themeIds.length === 0) return [];
  return db
    .select({
      themeId: themeSources.themeId,
      kind: themeSources.kind,
      caseId: themeSources.caseId,
      kommuneId: themeSources.kommuneId,
      conferenceId: themeSources.conferenceId,
      conferenceTitle: conferences.title,
      conferenceType: conferences.type,
      conferenceDate: conferences.scheduledAt,
      createdAt: themeSources.createdAt,
    })
    .from(themeSources)
    .leftJoin(conferences, and(eq(conferences.id, themeSources.conferenceId), eq(conferences.tenantId, tenantId)))
    .where(and(eq(themeSources.tenantId, tenantId), inArray(themeSources.themeId, themeIds)))
    .orderBy(asc(conferences.scheduledAt), asc(themeSources.createdAt));
}

/** Distinct cases among source rows: a case seen on three cards counts once. */
export function distinctCases(rows: Pick<SourceRow, "caseId">[]): number {
  return new Set(rows.map((r) => r.caseId).filter((id): id is string => !!id)).size;
}

export type TrendDirection = "rising" | "falling" | "steady";

/** Counts, reach, age, trend and origins of a theme's sources, as this viewer may see them. */
export function summarise(rows: SourceRow[], view: CountView, themeCreatedAt: Date, now = new Date()) {
  const kommuneIds = new Set(rows.map((r) => r.kommuneId).filter((id): id is string => !!id));
  const origins = new Map<string, { kind: ThemeSourceKind; title: string | null; date: Date | null; cards: number }>();
  for (const row of rows) {
    const key = row.conferenceId ?? row.kind;
    const origin = origins.get(key) ?? { kind: row.kind, title: row.conferenceTitle, date: row.conferenceDate, cards: 0 };
    origin.cards += 1;
    origins.set(key, origin);
  }
  const firstSeenAt = rows.reduce((first, row) => (row.createdAt < first ? row.createdAt : first), themeCreatedAt);
  const recent = rows.filter((r) => now.getTime() - r.createdAt.getTime() < trendWindow).length;
  const previous = rows.filter((r) => {
    const age = now.getTime() - r.createdAt.getTime();
    return age >= trendWindow && age < 2 * trendWindow;
  }).length;
  const direction: TrendDirection = recent > previous ? "rising" : recent < previous ? "falling" : "steady";
  return {
    caseCount: shownCount(view, distinctCases(rows)),
    // Kommunen are places, not people: their number stays exact for every viewer.
    kommuneCount: kommuneIds.size,
    firstSeenAt,
    ageDays: Math.max(0, Math.floor((now.getTime() - firstSeenAt.getTime()) / day)),
    trend: { direction, recentSources: shownCount(view, recent), previousSources: shownCount(view, previous) },
    originKinds: [...new Set(rows.map((r) => r.kind))],
    origins: [...origins.values()].map((o) => ({ ...o, cards: shownCount(view, o.cards) })),
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The theme's own words (title and agreed wording, never card text) matched by German full-text search. */
export function themeTextMatches(search: string): SQL {
  const document = sql`to_tsvector('german', ${themes.title} || ' ' || ${themes.descriptionText})`;
  return sql`(${document} @@ websearch_to_tsquery('german', ${search}) or ${themes.title} ilike ${`%${escapeLike(search)}%`})`;
}

/**
 * The registry: the tenant's visible generative themes (merged ones live inside their target),
 * newest first, filtered as asked, with how many cases and Kommunen show them.
 */
export async function listThemes(db: Database, actor: Actor, filters: ListThemesInput = {}) {
  requireThemesView(actor);
  const view = await countViewFor(db, actor);
  const conditions: SQL[] = [eq(themes.tenantId, actor.tenantId), isNull(themes.mergedIntoThemeId)];
  if (filters?.status) conditions.push(eq(themes.status, filters.status));
  if (filters?.urgency) conditions.push(eq(themes.urgency, filters.urgency));
  if (filters?.lifeArea) conditions.push(sql`${filters.lifeArea} = any(${themes.lifeAreas})`);
  if (filters?.search) conditions.push(themeTextMatches(filters.search));
  if (filters?.kommuneId) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(themeSources)
          .where(
            and(
              eq(themeSources.themeId, themes.id),
              eq(themeSources.tenantId, actor.tenantId),
              eq(themeSources.kommuneId, filters.kommuneId),
            ),
          ),
      ),
    );
  }
  const rows = await db
    .select({
      id: themes.id,
      title: themes.title,
      status: themes.status,
      urgency: themes.urgency,
      lifeAreas: themes.lifeAreas,
      createdAt: themes.createdAt,
    })
    .from(themes)
    .where(and(...conditions))
    .orderBy(desc(themes.createdAt), asc(themes.id));
  const sources = await sourcesOf(
    db,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  const byTheme = groupBy(sources, (s) => s.themeId);
  const now = new Date();
  return rows.map((theme) => ({ ...theme, ...summarise(byTheme.get(theme.id) ?? [], view, theme.createdAt, now) }));
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * One theme with its frozen wording, its steps so far and its provenance. A card about a case shows
 * its wording only to whom the case is released (the responsible case manager, or an organisation
 * a valid Schweigepflichtentbindung names, for the card's life area if it has one), as on the board.
 */
export async function getTheme(db: Database, actor: Actor, themeId: string) {
  requireThemesView(actor);
  const view = await countViewFor(db, actor);
  const [theme] = await db
    .select()
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.tenantId, actor.tenantId)));
  if (!theme) throw new AppError("NOT_FOUND", "errors.notFound");
  const [latest] = await db
    .select({ version: themeVersions.version, createdAt: themeVersions.createdAt })
    .from(themeVersions)
    .where(eq(themeVersions.themeId, theme.id))
    .orderBy(desc(themeVersions.version))
    .limit(1);
  const steps = await db
    .select({
      fromStatus: themeStatusChanges.fromStatus,
      toStatus: themeStatusChanges.toStatus,
      note: themeStatusChanges.note,
      actorName: users.displayName,
      createdAt: themeStatusChanges.createdAt,
    })
    .from(themeStatusChanges)
    .innerJoin(users, eq(users.id, themeStatusChanges.actorUserId))
    .where(eq(themeStatusChanges.themeId, theme.id))
    .orderBy(asc(themeStatusChanges.createdAt), asc(themeStatusChanges.id));
  const mergedInto = theme.mergedIntoThemeId
    ? ((
        await db
          .select({ id: themes.id, title: themes.title })
          .from(themes)
          .where(and(eq(themes.id, theme.mergedIntoThemeId), eq(themes.tenantId, actor.tenantId)))
      )[0] ?? null)
    : null;
  const merges = await db
    .select({ mergeId: themeMerges.id, themeId: themes.id, title: themes.title, note: themeMerges.note, createdAt: themeMerges.createdAt })
    .from(themeMerges)
    .innerJoin(themes, eq(themes.id, themeMerges.mergedThemeId))
    .where(and(eq(themeMerges.targetThemeId, theme.id), eq(themeMerges.tenantId, actor.tenantId), isNull(themeMerges.undoneAt)))
    .orderBy(asc(themeMerges.createdAt));
  const sourceRows = await sourcesOf(db, actor.tenantId, [theme.id]);
  const mayManage = themeRegistryAbilities(actor).manage;
  const summary = {
    id: theme.id,
    title: theme.title,
    status: theme.status,
    urgency: theme.urgency,
    lifeAreas: theme.lifeAreas,
    tags: theme.tags,
    description: theme.description as RichTextDoc,
    version: latest?.version ?? 1,
    createdAt: theme.createdAt,
    steps,
    mergedInto,
    merges,
    abilities: {
      manage: mayManage,
      // A merged theme moves only with its target.
      transitions: mayManage && !theme.mergedIntoThemeId ? manualThemeTransitions[theme.status] : [],
    },
    ...summarise(sourceRows, view, theme.createdAt),
  };
  if (!seesSourcesOfThemes(actor)) return { ...summary, sources: null };
  return { ...summary, sources: await sourceDetails(db, actor, theme.id) };
}

async function sourceDetails(db: Database, actor: Actor, themeId: string) {
  const rows = await db
    .select({
      id: themeSources.id,
      kind: themeSources.kind,
      caseId: themeSources.caseId,
      excerpt: themeSources.excerpt,
      lifeArea: themeSources.lifeArea,
      conferenceTitle: conferences.title,
      conferenceDate: conferences.scheduledAt,
      kommuneName: kommunen.name,
    })
    .from(themeSources)
    .leftJoin(conferences, and(eq(conferences.id, themeSources.conferenceId), eq(conferences.tenantId, actor.tenantId)))
    .leftJoin(kommunen, and(eq(kommunen.id, themeSources.kommuneId), eq(kommunen.tenantId, actor.tenantId)))
    .where(and(eq(themeSources.themeId, themeId), eq(themeSources.tenantId, actor.tenantId)))
    .orderBy(asc(conferences.scheduledAt), asc(themeSources.createdAt), asc(themeSources.id));
  const caseIds = [...new Set(rows.map((r) => r.caseId).filter((id): id is string => !!id))];
  const responsible = caseIds.length
    ? new Map(
        (await db.select({ id: cases.id, responsibleUserId: cases.responsibleUserId }).from(cases).where(inArray(cases.id, caseIds))).map(
          (c) => [c.id, c.responsibleUserId],
        ),
      )
    : new Map<string, string | null>();
  const scopes = new Map<string, LifeAreaScope | undefined>();
  for (const caseId of caseIds) {
    if (responsible.get(caseId) === actor.userId) scopes.set(caseId, "all");
    else if (actor.organisationId) scopes.set(caseId, (await consentScopesOf(db, caseId)).get(actor.organisationId));
  }
  // No case ids leave the server: only whether a source belongs to a case and whether it is shown.
  return rows.map((row) => {
    // A source without a life area follows the rule of an untagged case card: any released area will do.
    const withheld = !!row.caseId && !scopeCovers(scopes.get(row.caseId), row.lifeArea);
    return {
      id: row.id,
      kind: row.kind,
      conferenceTitle: row.conferenceTitle,
      conferenceDate: row.conferenceDate,
      kommuneName: row.kommuneName,
      fromCase: !!row.caseId,
      excerpt: withheld ? null : row.excerpt,
    };
  });
}

export type { ShownCount };
