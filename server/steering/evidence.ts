import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferences, themeSources, themeStatusChanges } from "@/db/schema";
import { shownCount, type CountView, type ShownCount } from "../aggregates/shown-count";
import { shownGroup } from "../aggregates/shown-group";
import { calendarDayOf } from "../schemas/calendar-days";
import type { ConferenceType } from "../schemas/conference-kinds";
import type { ThemeStatus } from "../schemas/theme-kinds";

/**
 * What the registry says about a theme when a Vorlage version is saved, frozen with the version:
 * counts, origins and the theme's path so far. Never case ids and never card wording, so the
 * pack can go to the Lenkungsgruppe as it is (after the small counts are coarsened).
 */
export interface EvidencePack {
  generatedAt: string;
  caseCount: number;
  kommuneCount: number;
  sourceCount: number;
  conferences: { title: string; type: ConferenceType; date: string; sources: number }[];
  /** Sources per calendar quarter ("2026-Q1"), oldest first: how the theme developed. */
  quarters: { quarter: string; sources: number }[];
  statusHistory: { from: ThemeStatus | null; to: ThemeStatus; at: string }[];
}

export interface ShownEvidencePack {
  generatedAt: string;
  caseCount: ShownCount;
  kommuneCount: ShownCount;
  sourceCount: ShownCount;
  conferences: { title: string; type: ConferenceType; date: string; sources: ShownCount }[];
  quarters: { quarter: string; sources: ShownCount }[];
  statusHistory: EvidencePack["statusHistory"];
}

function quarterOf(date: Date): string {
  const [year, month] = calendarDayOf(date).split("-").map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export async function buildEvidencePack(db: Executor, tenantId: string, themeId: string, now = new Date()): Promise<EvidencePack> {
  const sources = await db
    .select({
      caseId: themeSources.caseId,
      kommuneId: themeSources.kommuneId,
      createdAt: themeSources.createdAt,
      conferenceId: conferences.id,
      conferenceTitle: conferences.title,
      conferenceType: conferences.type,
      conferenceDate: conferences.scheduledAt,
    })
    .from(themeSources)
    .leftJoin(conferences, and(eq(conferences.id, themeSources.conferenceId), eq(conferences.tenantId, tenantId)))
    .where(and(eq(themeSources.themeId, themeId), eq(themeSources.tenantId, tenantId)))
    .orderBy(asc(themeSources.createdAt), asc(themeSources.id));
  const byConference = new Map<string, EvidencePack["conferences"][number]>();
  const byQuarter = new Map<string, number>();
  for (const source of sources) {
    if (source.conferenceId && source.conferenceTitle && source.conferenceType && source.conferenceDate) {
      const entry = byConference.get(source.conferenceId) ?? {
        title: source.conferenceTitle,
        type: source.conferenceType,
        date: source.conferenceDate.toISOString(),
        sources: 0,
      };
      entry.sources += 1;
      byConference.set(source.conferenceId, entry);
    }
    // A source counts in the quarter it was seen: the meeting's date where there is one.
    const quarter = quarterOf(source.conferenceDate ?? source.createdAt);
    byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + 1);
  }
  const history = await db
    .select({ from: themeStatusChanges.fromStatus, to: themeStatusChanges.toStatus, at: themeStatusChanges.createdAt })
    .from(themeStatusChanges)
    .where(eq(themeStatusChanges.themeId, themeId))
    .orderBy(asc(themeStatusChanges.createdAt), asc(themeStatusChanges.id));
  return {
    generatedAt: now.toISOString(),
    caseCount: new Set(sources.map((s) => s.caseId).filter(Boolean)).size,
    kommuneCount: new Set(sources.map((s) => s.kommuneId).filter(Boolean)).size,
    sourceCount: sources.length,
    conferences: [...byConference.values()].sort((a, b) => a.date.localeCompare(b.date)),
    quarters: [...byQuarter.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([quarter, count]) => ({ quarter, sources: count })),
    statusHistory: history.map((step) => ({ from: step.from, to: step.to, at: step.at.toISOString() })),
  };
}

/**
 * The pack for one viewer. The coordination sees exact counts; body members see aggregates only
 * (security item 10), so every count below the tenant's k becomes "fewer than k".
 */
export function showEvidencePack(pack: EvidencePack, view: CountView): ShownEvidencePack {
  const count = (value: number): ShownCount => shownCount(view, value);
  // Sources per conference and per quarter stand beside the number of sources: neither list may
  // give a withheld count away by subtraction.
  const byConference = shownGroup(view, Object.fromEntries(pack.conferences.map((c, index) => [index, c.sources])), pack.sourceCount);
  const byQuarter = shownGroup(view, Object.fromEntries(pack.quarters.map((q) => [q.quarter, q.sources])), pack.sourceCount);
  const sourceCount = [byConference.total, byQuarter.total].find((total) => typeof total !== "number") ?? count(pack.sourceCount);
  return {
    generatedAt: pack.generatedAt,
    caseCount: count(pack.caseCount),
    kommuneCount: count(pack.kommuneCount),
    sourceCount,
    conferences: pack.conferences.map((c, index) => ({ ...c, sources: byConference.cells[index] ?? count(c.sources) })),
    quarters: pack.quarters.map((q) => ({ ...q, sources: byQuarter.cells[q.quarter] ?? count(q.sources) })),
    statusHistory: pack.statusHistory,
  };
}
