import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { auditChainKey, auditMac, lastMacOfTenant } from "./audit-chain";
import type { AuditEventInput } from "./events";

/** Writes one audit row; pass the transaction of the change so both commit or neither does. */
export async function recordAuditEvent(db: Executor, event: AuditEventInput): Promise<void> {
  const content = {
    tenantId: event.tenantId,
    actorUserId: event.actorUserId,
    action: event.action,
    outcome: event.outcome ?? "success",
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    // As the jsonb column gives it back (dates as strings, no undefined), so the mac verifies later.
    details: JSON.parse(JSON.stringify(event.details ?? {})) as Record<string, unknown>,
    createdAt: new Date(),
  };
  const key = auditChainKey();
  // Inside the caller's transaction this is a savepoint: the lock then lasts until the change commits.
  await db.transaction(async (tx) => {
    const previousMac = await lastMacOfTenant(tx, content.tenantId);
    await tx.insert(auditEvents).values({ ...content, mac: auditMac(key, previousMac, content) });
  });
}
