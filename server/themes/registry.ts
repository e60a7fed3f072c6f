import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, conferences, kommunen, themes, themeSources, themeStatusChanges, themeVersions, users } from "@/db/schema";
import { rolesGranting } from "../auth/permissions";
import { canSomewhere, type Actor } from "../auth/policy";
import { organisationsCoveredByConsent } from "../cases/intake";
import { AppError } from "../errors";
import type { RichTextDoc } from "../rich-text/validate";
import type { ConferenceType } from "../schemas/conference-kinds";
import type { ThemeSourceKind } from "../schemas/theme-kinds";

/**
 * Members of a steering body see the registry as aggregates only: how many cases and Kommunen
 * stand behind a theme and where it was seen, never card wording (free text from cases) or case
 * references. Whoever holds the permission through another role sees the sources too.
 */
export function seesSourcesOfThemes(actor: Actor): boolean {
  const viewing: readonly string[] = rolesGranting("themes.view");
  return actor.grants.some((grant) => grant.role !== "body_member" && viewing.includes(grant.role));
}

function requireThemesView(actor: Actor) {
  if (!canSomewhere(actor, "themes.view")) throw new AppError("FORBIDDEN", "errors.forbidden");
}

type SourceRow = {
  themeId: string;
  kind: ThemeSourceKind;
  caseId: string | null;
  kommuneId: string | null;
  conferenceId: string | null;
  conferenceTitle: string | null;
  conferenceType: ConferenceType | null;
  conferenceDate: Date | null;
};

async function sourcesOf(db: Database, tenantId: string, themeIds: string[]): Promise<SourceRow[]> {
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
    })
    .from(themeSources)
    .leftJoin(conferences, and(eq(conferences.id, themeSources.conferenceId), eq(conferences.tenantId, tenantId)))
    .where(and(eq(themeSources.tenantId, tenantId), inArray(themeSources.themeId, themeIds)))
    .orderBy(asc(conferences.scheduledAt));
}

/** Counts and origins of a theme's sources: the aggregate everyone with access may see. */
function aggregate(rows: SourceRow[]) {
  const caseIds = new Set(rows.map((r) => r.caseId).filter((id): id is string => !!id));
  const kommuneIds = new Set(rows.map((r) => r.kommuneId).filter((id): id is string => !!id));
  const origins = new Map<string, { kind: ThemeSourceKind; title: string | null; date: Date | null; cards: number }>();
  for (const row of rows) {
    const key = row.conferenceId ?? row.kind;
    const origin = origins.get(key) ?? { kind: row.kind, title: row.conferenceTitle, date: row.conferenceDate, cards: 0 };
    origin.cards += 1;
    origins.set(key, origin);
  }
  return { caseCount: caseIds.size, kommuneCount: kommuneIds.size, origins: [...origins.values()] };
}

/** The tenant's generative themes, newest first, with how many cases and Kommunen show them. */
export async function listThemes(db: Database, actor: Actor) {
  requireThemesView(actor);
  const rows = await db
    .select({ id: themes.id, title: themes.title, status: themes.status, createdAt: themes.createdAt })
    .from(themes)
    .where(eq(themes.tenantId, actor.tenantId))
    .orderBy(desc(themes.createdAt), asc(themes.id));
  const sources = await sourcesOf(db, actor.tenantId, rows.map((r) => r.id));
  return rows.map((theme) => ({ ...theme, ...aggregate(sources.filter((s) => s.themeId === theme.id)) }));
}

/**
 * One theme with its frozen wording, its steps so far and its provenance. A card about a case shows
 * its wording only to whom the case is released (the responsible case manager, or an organisation
 * a valid Schweigepflichtentbindung names), as on the board.
 */
export async function getTheme(db: Database, actor: Actor, themeId: string) {
  requireThemesView(actor);
  const [theme] = await db.select().from(themes).where(and(eq(themes.id, themeId), eq(themes.tenantId, actor.tenantId)));
  if (!theme) throw new AppError("NOT_FOUND", "errors.notFound");
  const [latest] = await db
    .select({ version: themeVersions.version, createdAt: themeVersions.createdAt })
    .from(themeVersions)
    .where(eq(themeVersions.themeId, theme.id))
    .orderBy(desc(themeVersions.version))
    .limit(1);
  const steps = await db
    .select({ fromStatus: themeStatusChanges.fromStatus, toStatus: themeStatusChanges.toStatus, note: themeStatusChanges.note, actorName: users.displayName, createdAt: themeStatusChanges.createdAt })
    .from(themeStatusChanges)
    .innerJoin(users, eq(users.id, themeStatusChanges.actorUserId))
    .where(eq(themeStatusChanges.themeId, theme.id))
    .orderBy(asc(themeStatusChanges.createdAt));
  const sourceRows = await sourcesOf(db, actor.tenantId, [theme.id]);
  const summary = {
    id: theme.id,
    title: theme.title,
    status: theme.status,
    description: theme.description as RichTextDoc,
    version: latest?.version ?? 1,
    createdAt: theme.createdAt,
    steps,
    ...aggregate(sourceRows),
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
    ? new Map((await db.select({ id: cases.id, responsibleUserId: cases.responsibleUserId }).from(cases).where(inArray(cases.id, caseIds))).map((c) => [c.id, c.responsibleUserId]))
    : new Map<string, string | null>();
  const released = new Set<string>();
  for (const caseId of caseIds) {
    const covered = await organisationsCoveredByConsent(db, caseId);
    if (responsible.get(caseId) === actor.userId || (!!actor.organisationId && covered.has(actor.organisationId))) released.add(caseId);
  }
  // No case ids leave the server: only whether a source belongs to a case and whether it is shown.
  return rows.map((row) => {
    const withheld = !!row.caseId && !released.has(row.caseId);
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
