import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import type { AuditEventInput } from "./events";

/** Writes one audit row; pass the transaction of the change so both commit or neither does. */
export async function recordAuditEvent(db: Executor, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    tenantId: event.tenantId,
    actorUserId: event.actorUserId,
    action: event.action,
    outcome: event.outcome ?? "success",
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    details: event.details ?? {},
  });
}
