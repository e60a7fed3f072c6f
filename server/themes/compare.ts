import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { kommunen } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { countViewFor } from "../aggregates/count-view";
import type { ShownCount } from "../aggregates/shown-count";
import { shownGroup } from "../aggregates/shown-group";
import { distinctCases, groupBy, listThemes, sourcesOf } from "./registry";

/**
 * Which themes recur in how many cases per Kommune: one row per visible theme with its distinct
 * cases in each Kommune where it was seen, plus urgency, age and trend.
 */
export async function compareThemesAcrossKommunen(db: Database, actor: Actor) {
  const listed = await listThemes(db, actor);
  const view = await countViewFor(db, actor);
  const sources = await sourcesOf(
    db,
    actor.tenantId,
    listed.map((t) => t.id),
  );
  const kommuneIds = [...new Set(sources.map((s) => s.kommuneId).filter((id): id is string => !!id))];
  const places = kommuneIds.length
    ? await db
        .select({ id: kommunen.id, name: kommunen.name })
        .from(kommunen)
        .where(and(eq(kommunen.tenantId, actor.tenantId), inArray(kommunen.id, kommuneIds)))
        .orderBy(asc(kommunen.name))
    : [];
  const byTheme = groupBy(sources, (s) => s.themeId);
  const rows = listed.map((theme) => {
    const own = byTheme.get(theme.id) ?? [];
    const cases: Record<string, number> = {};
    for (const [kommuneId, rowsOfKommune] of groupBy(
      own.filter((s) => !!s.kommuneId),
      (s) => s.kommuneId!,
    )) {
      cases[kommuneId] = distinctCases(rowsOfKommune);
    }
    // The total beside the Kommunen must not give a withheld Kommune's count away by subtraction.
    const shown = shownGroup(view, cases, distinctCases(own));
    const perKommune: Record<string, ShownCount> = shown.cells;
    return {
      id: theme.id,
      title: theme.title,
      status: theme.status,
      urgency: theme.urgency,
      caseCount: shown.total,
      kommuneCount: theme.kommuneCount,
      ageDays: theme.ageDays,
      trend: theme.trend,
      perKommune,
    };
  });
  return { kommunen: places, minimumGroupSize: view.exact ? null : view.minimumGroupSize, rows };
}
