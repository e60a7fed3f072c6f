import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { caseSummaries } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { SaveSummaryInput } from "../schemas/cases";
import { findIdentityLeaksInCases, leakedFieldNames } from "./identity-leaks";
import { requireCase } from "./policy";

export async function listSummaries(db: Database, actor: Actor, caseId: string) {
  await requireCase(db, actor, caseId, "readContent");
  return db.select().from(caseSummaries).where(eq(caseSummaries.caseId, caseId)).orderBy(desc(caseSummaries.createdAt));
}

/** Saves a pseudonymised case summary only after checking it against the identity record. */
export async function saveSummary(db: Database, actor: Actor, input: SaveSummaryInput) {
  await requireCase(db, actor, input.caseId, "write");
  const leaks = await findIdentityLeaksInCases(
    db,
    [input.caseId],
    [input.title, input.body, ...input.sections.map((section) => section.text)],
  );
  if (leaks.length > 0) {
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.summary_rejected",
      outcome: "failure",
      target: { type: "case", id: input.caseId },
      details: { fields: leaks },
    });
    throw new AppError("INVALID_INPUT", "cases.errors.summaryContainsIdentity", "body", { fields: leakedFieldNames(leaks) });
  }
  return db.transaction(async (tx) => {
    const [summary] = await tx
      .insert(caseSummaries)
      .values({ ...input, tenantId: actor.tenantId, createdByUserId: actor.userId })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.summary_saved",
      target: { type: "case", id: input.caseId },
    });
    return summary!;
  });
}
