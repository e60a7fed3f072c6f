import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { kommunen } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError, isUniqueViolation } from "../errors";
import type { CreateKommuneInput, UpdateKommuneInput } from "../schemas/tenancy";
import { assertCanManageTenancy } from "./policy";

export function listKommunen(db: Database, actor: Actor) {
  return db.select().from(kommunen).where(eq(kommunen.tenantId, actor.tenantId)).orderBy(asc(kommunen.name));
}

export async function createKommune(db: Database, actor: Actor, input: CreateKommuneInput) {
  assertCanManageTenancy(actor);
  return db
    .transaction(async (tx) => {
      const [kommune] = await tx
        .insert(kommunen)
        .values({ ...input, tenantId: actor.tenantId })
        .returning();
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "tenancy.kommune_created",
        target: { type: "kommune", id: kommune!.id },
        details: { name: input.name },
      });
      return kommune!;
    })
    .catch(rethrowDuplicateName);
}

export async function updateKommune(db: Database, actor: Actor, input: UpdateKommuneInput) {
  assertCanManageTenancy(actor);
  const { id, ...values } = input;
  return db
    .transaction(async (tx) => {
      const [kommune] = await tx
        .update(kommunen)
        .set(values)
        .where(and(eq(kommunen.id, id), eq(kommunen.tenantId, actor.tenantId)))
        .returning();
      if (!kommune) throw new AppError("NOT_FOUND", "errors.notFound");
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "tenancy.kommune_updated",
        target: { type: "kommune", id },
        details: values,
      });
      return kommune;
    })
    .catch(rethrowDuplicateName);
}

export function rethrowDuplicateName(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", "errors.duplicateName", "name");
  throw error;
}

/** Resolves a Kommune of the actor's tenant, or fails as if it did not exist. */
export async function requireKommuneInTenant(db: Database, tenantId: string, kommuneId: string) {
  const [kommune] = await db
    .select({ id: kommunen.id })
    .from(kommunen)
    .where(and(eq(kommunen.id, kommuneId), eq(kommunen.tenantId, tenantId)));
  if (!kommune) throw new AppError("INVALID_INPUT", "errors.unknownKommune", "kommuneId");
}
