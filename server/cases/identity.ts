import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { caseIdentities } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { identitySchema, type IdentityInput } from "../schemas/cases";
import { blindIndexOf, decryptIdentity, encryptIdentity } from "./identity-crypto";
import { getIdentityKeys } from "./identity-keys";
import { requireCase } from "./policy";

/** Decrypts without auditing: only for server-side checks that never return the values. */
export async function readIdentityUnaudited(db: Executor, caseId: string): Promise<IdentityInput | null> {
  const [row] = await db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId));
  if (!row) return null;
  return identitySchema.parse(JSON.parse(decryptIdentity(getIdentityKeys(), caseId, row.ciphertext)));
}

/** The Aktendeckblatt for the responsible case manager; every read leaves an audit row. */
export async function getIdentity(db: Database, actor: Actor, caseId: string) {
  await requireCase(db, actor, caseId, "readIdentity");
  const identity = await readIdentityUnaudited(db, caseId);
  if (!identity) throw new AppError("NOT_FOUND", "errors.notFound");
  await recordAuditEvent(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: "cases.identity_read",
    target: { type: "case", id: caseId },
  });
  return identity;
}

export async function saveIdentity(db: Database, actor: Actor, caseId: string, identity: IdentityInput) {
  await requireCase(db, actor, caseId, "write");
  const keys = getIdentityKeys();
  await db.transaction(async (tx) => {
    await tx
      .update(caseIdentities)
      .set({
        ciphertext: encryptIdentity(keys, caseId, JSON.stringify(identity)),
        blindIndex: blindIndexOf(keys, actor.tenantId, identity),
      })
      .where(eq(caseIdentities.caseId, caseId));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.identity_updated",
      target: { type: "case", id: caseId },
    });
  });
  return { ok: true as const };
}
