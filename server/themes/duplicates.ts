import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { requireThemesManage } from "./registry";

/** A theme's own words as a German full-text document. */
function documentOf(table: { title: AnyPgColumn; descriptionText: AnyPgColumn }) {
  return sql`to_tsvector('german', ${table.title} || ' ' || ${table.descriptionText})`;
}

/**
 * Pairs of visible themes that may be the same problem, ranked by PostgreSQL's German full-text
 * search: each theme's stemmed words, ORed into a query, ranked against the other's document. A
 * pair needs at least two shared word stems, so one common word ("Familien") is not enough.
 */
export async function suggestDuplicateThemes(db: Database, actor: Actor, limit = 20) {
  requireThemesManage(actor);
  const other = alias(themes, "other_theme");
  const ownLexemes = sql`tsvector_to_array(${documentOf(themes)})`;
  const otherLexemes = sql`tsvector_to_array(${documentOf(other)})`;
  // Lexemes are already normalised; those with punctuation are dropped so the quoted list is valid tsquery input.
  // Without any usable word the query is null and matches nothing.
  const query = sql`nullif(array_to_string(array(select '''' || l || '''' from unnest(${ownLexemes}) as l where l !~ '[[:punct:][:space:]]'), ' | '), '')::tsquery`;
  const rank = sql<number>`ts_rank(${documentOf(other)}, ${query})`;
  const shared = sql<number>`cardinality(array(select unnest(${ownLexemes}) intersect select unnest(${otherLexemes})))`;
  const rows = await db
    .select({ themeId: themes.id, themeTitle: themes.title, otherId: other.id, otherTitle: other.title, rank, shared })
    .from(themes)
    .innerJoin(other, and(eq(other.tenantId, themes.tenantId), lt(themes.id, other.id), isNull(other.mergedIntoThemeId)))
    .where(
      and(
        eq(themes.tenantId, actor.tenantId),
        isNull(themes.mergedIntoThemeId),
        sql`${documentOf(other)} @@ ${query}`,
        sql`${shared} >= 2`,
      ),
    )
    .orderBy(desc(shared), desc(rank))
    .limit(limit);
  return rows.map((row) => ({
    themes: [
      { id: row.themeId, title: row.themeTitle },
      { id: row.otherId, title: row.otherTitle },
    ] as const,
    sharedWords: Number(row.shared),
    rank: Number(row.rank),
  }));
}
