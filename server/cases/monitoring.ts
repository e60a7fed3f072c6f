import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, closures, contacts, formDrafts, interimReviews } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { AddContactInput, AddInterimReviewInput, CloseCaseInput } from "../schemas/cases";
import { requireCase } from "./policy";

export async function getMonitoringFile(db: Database, actor: Actor, caseId: string) {
  await requireCase(db, actor, caseId, "readContent");
  const contactRows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.caseId, caseId))
    .orderBy(desc(contacts.contactOn), desc(contacts.createdAt));
  const reviews = await db.select().from(interimReviews).where(eq(interimReviews.caseId, caseId)).orderBy(desc(interimReviews.reviewedOn));
  const [closure] = await db.select().from(closures).where(eq(closures.caseId, caseId));
  return { contacts: contactRows, interimReviews: reviews, closure: closure ?? null };
}

export async function addContact(db: Database, actor: Actor, input: AddContactInput) {
  const caseRow = await requireCase(db, actor, input.caseId, "write");
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .insert(contacts)
      .values({ ...input, tenantId: actor.tenantId, userId: actor.userId })
      .returning();
    if (input.contactOn > (caseRow.lastContactOn ?? "")) {
      await tx.update(cases).set({ lastContactOn: input.contactOn }).where(eq(cases.id, input.caseId));
    }
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.contact_added",
      target: { type: "case", id: input.caseId },
    });
    return contact!;
  });
}

export async function addInterimReview(db: Database, actor: Actor, input: AddInterimReviewInput) {
  const caseRow = await requireCase(db, actor, input.caseId, "write");
  if (caseRow.status !== "active") throw new AppError("CONFLICT", "cases.errors.notActive");
  return db.transaction(async (tx) => {
    const [review] = await tx.insert(interimReviews).values(input).returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.interim_review_added",
      target: { type: "case", id: input.caseId },
    });
    return review!;
  });
}

/** Closes an active case with the Abschlussbogen; the pseudonymised evaluation is then visible to the coordination. */
export async function closeCase(db: Database, actor: Actor, input: CloseCaseInput) {
  const caseRow = await requireCase(db, actor, input.caseId, "write");
  if (caseRow.status !== "active") throw new AppError("CONFLICT", "cases.errors.notActive");
  if (caseRow.admittedOn && input.closedOn < caseRow.admittedOn) {
    throw new AppError("INVALID_INPUT", "cases.errors.closedBeforeAdmission", "closedOn");
  }
  await db.transaction(async (tx) => {
    await tx.insert(closures).values(input);
    await tx.update(cases).set({ status: "closed", closedOn: input.closedOn, nextReviewOn: null }).where(eq(cases.id, input.caseId));
    // A closed case is not edited any more: drafts left in its forms are dropped with it.
    await tx.delete(formDrafts).where(eq(formDrafts.caseId, input.caseId));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.case_closed",
      target: { type: "case", id: input.caseId },
      details: { closingType: input.closingType },
    });
  });
  return { ok: true as const };
}
