import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { boardCards, themeSources, themes } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { ClusterRecurrenceInput, ClusterRefInput } from "../schemas/theme-matching";
import { boardMetaOf } from "./board";
import { requireParticipation } from "./conferences";

/** The moderator, who may also read the registry, working on a cluster of this board. */
async function requireModeratorWithRegistry(db: Database, actor: Actor, conferenceId: string, clusterId: string) {
  const { conference, abilities } = await requireParticipation(db, actor, conferenceId);
  if (!abilities.matchThemes) throw new AppError("FORBIDDEN", "conferences.board.moderatorOnly");
  const cluster = boardMetaOf(conference).clusters[clusterId];
  if (!cluster) throw new AppError("NOT_FOUND", "conferences.board.clusterGone");
  const cards = await db
    .select({ id: boardCards.id, text: boardCards.text, caseId: boardCards.caseId, lifeArea: boardCards.lifeArea })
    .from(boardCards)
    .where(
      and(
        eq(boardCards.conferenceId, conferenceId),
        eq(boardCards.clusterId, clusterId),
        eq(boardCards.isHidden, false),
        eq(boardCards.isSolution, false),
      ),
    );
  return { conference, cluster, cards };
}

/** The distinct words of the texts (letters and digits only), at most `maxSearchWords`. */
const maxSearchWords = 200;
function searchWords(texts: string[]): string[] {
  const words = texts
    .join(" ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((word) => word.length > 1))].slice(0, maxSearchWords);
}

/**
 * Existing themes that a cluster's problem may be another sighting of ("this recurs"), ranked by
 * PostgreSQL's German full-text search over the theme's title and wording.
 */
export async function suggestRecurringThemes(db: Database, actor: Actor, input: ClusterRefInput) {
  const { cluster, cards } = await requireModeratorWithRegistry(db, actor, input.conferenceId, input.clusterId);
  const words = searchWords([cluster.title, ...cards.map((c) => c.text)]);
  if (words.length === 0) return [];
  const document = sql`to_tsvector('german', ${themes.title} || ' ' || ${themes.descriptionText})`;
  // Any shared word counts: the query ORs the cluster's words instead of requiring all of them.
  // Each word is a bound parameter turned into a query by plainto_tsquery, which accepts any text
  // (a URL, "&", "!", quotes): card text never becomes query syntax.
  const query = sql`(${sql.join(
    words.map((word) => sql`plainto_tsquery('german', ${word})`),
    sql` || `,
  )})`;
  const rank = sql<number>`ts_rank(${document}, ${query})`;
  const rows = await db
    .select({ id: themes.id, title: themes.title, status: themes.status, rank })
    .from(themes)
    .where(and(eq(themes.tenantId, actor.tenantId), sql`${document} @@ ${query}`))
    .orderBy(desc(rank))
    .limit(5);
  return rows.map(({ id, title, status }) => ({ id, title, status }));
}

/**
 * Records the cluster's cards as another source of an existing theme: its case count grows by the
 * cases behind them, and the theme's page shows this meeting among its origins.
 */
export async function recordRecurrence(db: Database, actor: Actor, input: ClusterRecurrenceInput) {
  const { conference, cards } = await requireModeratorWithRegistry(db, actor, input.conferenceId, input.clusterId);
  const [theme] = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.id, input.themeId), eq(themes.tenantId, actor.tenantId)));
  if (!theme) throw new AppError("NOT_FOUND", "errors.notFound", "themeId");
  if (cards.length === 0) throw new AppError("CONFLICT", "conferences.recurrence.emptyCluster");
  return db.transaction(async (tx) => {
    const known = await tx
      .select({ cardId: themeSources.cardId })
      .from(themeSources)
      .where(
        and(
          eq(themeSources.themeId, theme.id),
          inArray(
            themeSources.cardId,
            cards.map((c) => c.id),
          ),
        ),
      );
    const fresh = cards.filter((card) => !known.some((k) => k.cardId === card.id));
    if (fresh.length > 0) {
      await tx.insert(themeSources).values(
        fresh.map((card) => ({
          themeId: theme.id,
          tenantId: conference.tenantId,
          kind: conference.type === "fallrekonstruktion" ? ("reconstruction" as const) : ("conference" as const),
          conferenceId: conference.id,
          cardId: card.id,
          caseId: card.caseId,
          lifeArea: card.lifeArea,
          kommuneId: conference.kommuneId,
          excerpt: card.text,
        })),
      );
    }
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.recurrence_recorded",
      target: { type: "conference", id: conference.id },
      details: { themeId: theme.id, sources: fresh.length },
    });
    return { added: fresh.length };
  });
}
