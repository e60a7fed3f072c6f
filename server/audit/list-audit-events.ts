import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { ListAuditEventsInput } from "../schemas/audit";
import { findUnsealedAuditEvents } from "./audit-chain";
import { requireAuditRead } from "./policy";

/** The tenant's audit log, newest first, for whoever may read it. */
export async function listAuditEvents(db: Executor, actor: Actor, input: ListAuditEventsInput) {
  requireAuditRead(actor);
  const tenantId = actor.tenantId;
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorName: users.displayName,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        input.action ? eq(auditEvents.action, input.action) : undefined,
        input.cursor ? lt(auditEvents.id, input.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(input.limit + 1);
  const hasMore = rows.length > input.limit;
  const events = rows.slice(0, input.limit);
  return { events, nextCursor: hasMore ? events[events.length - 1]!.id : null };
}

/**
 * Ids of rows whose digest or mac no longer matches their content or their predecessor: empty when
 * intact. The digests catch a careless edit; the mac (keyed outside the database) also one whose
 * author recomputed the digests.
 */
export async function findTamperedAuditEvents(db: Executor, tenantId: string): Promise<number[]> {
  const [byDigest, byMac] = await Promise.all([findBrokenDigests(db, tenantId), findUnsealedAuditEvents(db, tenantId)]);
  return [...new Set([...byDigest, ...byMac])].sort((a, b) => a - b);
}

async function findBrokenDigests(db: Executor, tenantId: string): Promise<number[]> {
  const result = await db.execute<{ id: string | number }>(sql`
    SELECT id FROM (
      SELECT e.id, e.digest, e.previous_digest,
             lag(e.digest) OVER (ORDER BY e.id) AS expected_previous,
             audit_event_digest(e.previous_digest, e) AS recomputed
      FROM audit_events e WHERE e.tenant_id = ${tenantId}
    ) chain
    WHERE digest IS DISTINCT FROM recomputed OR previous_digest IS DISTINCT FROM expected_previous
    ORDER BY id`);
  const rows = Array.isArray(result) ? result : (result as { rows: { id: string | number }[] }).rows;
  return rows.map((row) => Number(row.id));
}
