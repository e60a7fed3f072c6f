import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { bodies } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { CreateBodyInput } from "../schemas/bodies";
import { rethrowDuplicateName } from "../tenancy/kommunen";

export function listBodies(db: Database, actor: Actor) {
  return db.select().from(bodies).where(eq(bodies.tenantId, actor.tenantId)).orderBy(asc(bodies.name));
}

export async function createBody(db: Database, actor: Actor, input: CreateBodyInput) {
  if (!can(actor, "bodies.manage", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  if (input.parentBodyId) await requireBodyInTenant(db, actor.tenantId, input.parentBodyId, "parentBodyId");
  return db
    .transaction(async (tx) => {
      const [body] = await tx
        .insert(bodies)
        .values({ ...input, tenantId: actor.tenantId })
        .returning();
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "bodies.body_created",
        target: { type: "body", id: body!.id },
        details: { name: input.name, kind: input.kind },
      });
      return body!;
    })
    .catch(rethrowDuplicateName);
}

export async function requireBodyInTenant(db: Database, tenantId: string, bodyId: string, field: string) {
  const [body] = await db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), eq(bodies.tenantId, tenantId)));
  if (!body) throw new AppError("INVALID_INPUT", "errors.unknownBody", field);
}
