import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { cases, tenants } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { logger } from "../config/logger";
import { AppError } from "../errors";
import { todayInBerlin } from "../schemas/calendar-days";
import type { EraseCaseInput } from "../schemas/cases";
import { loadErasureContext } from "./erasure-shared";
import { erasureSteps } from "./erasure-tables";
import { readIdentityUnaudited } from "./identity";
import { caseAbilities, requireCase } from "./policy";

/** Rows touched per table; table names only, never content. */
export type ErasedTables = Record<string, number>;

export interface ErasureReport {
  erased: { caseId: string; pseudonym: string; tables: ErasedTables }[];
  failed: { caseId: string; pseudonym: string; reason: string }[];
}

/**
 * Erases the identity record and every free text of one case, inside the caller's transaction:
 * the case stays as a statistics shell (pseudonym, statuses, dates, counts, scales, choices).
 */
async function eraseCaseContent(tx: Executor, caseRow: { id: string; tenantId: string; pseudonym: string }): Promise<ErasedTables> {
  const identity = await readIdentityUnaudited(tx, caseRow.id);
  const context = await loadErasureContext(tx, caseRow, identity);
  const tables: ErasedTables = {};
  for (const step of erasureSteps) {
    const count = await step.erase(tx, context);
    if (count > 0) tables[step.table] = count;
  }
  await tx.update(cases).set({ identityErasedAt: new Date() }).where(eq(cases.id, caseRow.id));
  return tables;
}

/** Locks the case row until the transaction ends and tells whether it was erased meanwhile. */
async function isErasedUnderLock(tx: Executor, caseId: string): Promise<boolean> {
  const [locked] = await tx.select({ identityErasedAt: cases.identityErasedAt }).from(cases).where(eq(cases.id, caseId)).for("update");
  return !locked || locked.identityErasedAt !== null;
}

/**
 * Why one case's erasure failed, without any value from the database: a PostgreSQL error code and
 * constraint name, or the error's kind.
 */
function failureReason(error: unknown): string {
  let current: unknown = error;
  while (current && typeof current === "object") {
    const driverError = current as { code?: unknown; constraint_name?: string; constraint?: string; cause?: unknown };
    if (typeof driverError.code === "string" && /^[0-9A-Z]{5}$/.test(driverError.code)) {
      const constraint = driverError.constraint_name ?? driverError.constraint;
      return constraint ? `${driverError.code} ${constraint}` : driverError.code;
    }
    current = driverError.cause;
  }
  return error instanceof Error ? error.name : "unknown";
}

/**
 * Erases the cases closed longer than their tenant's retention period. Each case is erased in a
 * transaction of its own, so one that fails is reported and the others are still erased; the run
 * is tried again the next day for the failed ones.
 */
export async function eraseExpiredCases(db: Database, today = todayInBerlin()): Promise<ErasureReport> {
  const due = await db
    .select({ id: cases.id, tenantId: cases.tenantId, pseudonym: cases.pseudonym })
    .from(cases)
    .innerJoin(tenants, eq(tenants.id, cases.tenantId))
    .where(
      and(
        eq(cases.status, "closed"),
        isNotNull(cases.closedOn),
        isNull(cases.identityErasedAt),
        lt(sql`${cases.closedOn} + ${tenants.identityRetentionDays}`, sql`${today}::date`),
      ),
    );
  const report: ErasureReport = { erased: [], failed: [] };
  for (const caseRow of due) {
    try {
      const tables = await db.transaction(async (tx) => {
        // The lock keeps a request for erasure of the same case from running at the same time.
        if (await isErasedUnderLock(tx, caseRow.id)) return null;
        const erased = await eraseCaseContent(tx, caseRow);
        await recordAuditEvent(tx, {
          tenantId: caseRow.tenantId,
          actorUserId: null,
          action: "cases.identity_erased",
          target: { type: "case", id: caseRow.id },
          details: { reason: "retention", tables: erased },
        });
        return erased;
      });
      if (tables) report.erased.push({ caseId: caseRow.id, pseudonym: caseRow.pseudonym, tables });
    } catch (error) {
      report.failed.push({ caseId: caseRow.id, pseudonym: caseRow.pseudonym, reason: failureReason(error) });
    }
  }
  if (report.failed.length) logger.error({ erasure: report }, "some cases could not be erased after the retention period");
  else if (report.erased.length) logger.info({ erasure: report }, "cases erased after the retention period");
  return report;
}

/**
 * Erasure on request (Art. 17 GDPR), by the coordination, for a closed case: the same erasure as
 * after the retention period, at once. The pseudonym typed again confirms the case.
 */
export async function eraseCaseOnRequest(db: Database, actor: Actor, input: EraseCaseInput) {
  const caseRow = await requireCase(db, actor, input.caseId, "readMetadata");
  if (!caseAbilities(actor, caseRow).erase) {
    if (caseRow.identityErasedAt && can(actor, "cases.erase", caseRow))
      throw new AppError("CONFLICT", "cases.erasure.errors.alreadyErased");
    if (caseRow.status !== "closed") throw new AppError("CONFLICT", "cases.erasure.errors.notClosed");
    throw new AppError("NOT_FOUND", "errors.notFound");
  }
  if (input.confirmation.trim() !== caseRow.pseudonym)
    throw new AppError("INVALID_INPUT", "cases.erasure.errors.confirmation", "confirmation");
  const tables = await db.transaction(async (tx) => {
    // The lock keeps the daily run and a second request from erasing the case at the same time.
    if (await isErasedUnderLock(tx, caseRow.id)) throw new AppError("CONFLICT", "cases.erasure.errors.alreadyErased");
    const erased = await eraseCaseContent(tx, caseRow);
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.erased_on_request",
      target: { type: "case", id: caseRow.id },
      details: { tables: erased },
    });
    return erased;
  });
  return { tables };
}
