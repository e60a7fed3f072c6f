import { recordAuditEvent } from "../audit/record-audit-event";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { formDrafts } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { DraftKeyInput, SaveDraftInput } from "../schemas/cases";
import { decryptIdentity, encryptIdentity } from "./identity-crypto";
import { getIdentityKeys } from "./identity-keys";
import { requireCase } from "./policy";

// The draft's form key is bound into the ciphertext, so a draft cannot be replayed into another form.
const associatedData = (caseId: string, formKey: string) => `${caseId}:draft:${formKey}`;

export async function getDraft(db: Database, actor: Actor, input: DraftKeyInput) {
  await requireCase(db, actor, input.caseId, "write");
  const [row] = await db
    .select()
    .from(formDrafts)
    .where(and(eq(formDrafts.caseId, input.caseId), eq(formDrafts.userId, actor.userId), eq(formDrafts.formKey, input.formKey)));
  if (!row) return null;
  const fields = JSON.parse(decryptIdentity(getIdentityKeys(), associatedData(input.caseId, input.formKey), row.ciphertext)) as Record<
    string,
    string[]
  >;
  // A draft of the Aktendeckblatt is identifying data: reading it is audited like the record itself.
  if (input.formKey === "identity") {
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.identity_read",
      target: { type: "case", id: input.caseId },
      details: { source: "draft" },
    });
  }
  return { fields, updatedAt: row.updatedAt };
}

export async function saveDraft(db: Database, actor: Actor, input: SaveDraftInput) {
  await requireCase(db, actor, input.caseId, "write");
  const ciphertext = encryptIdentity(getIdentityKeys(), associatedData(input.caseId, input.formKey), JSON.stringify(input.fields));
  await db
    .insert(formDrafts)
    .values({ caseId: input.caseId, userId: actor.userId, formKey: input.formKey, ciphertext })
    .onConflictDoUpdate({ target: [formDrafts.caseId, formDrafts.userId, formDrafts.formKey], set: { ciphertext, updatedAt: new Date() } });
  return { savedAt: new Date() };
}

export async function discardDraft(db: Database, actor: Actor, input: DraftKeyInput) {
  await requireCase(db, actor, input.caseId, "readContent");
  await db
    .delete(formDrafts)
    .where(and(eq(formDrafts.caseId, input.caseId), eq(formDrafts.userId, actor.userId), eq(formDrafts.formKey, input.formKey)));
  return { ok: true as const };
}
