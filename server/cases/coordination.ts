import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { auditEvents, cases, caseTransfers, roleAssignments, users, waitingListEntries } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { AddWaitingListEntryInput, ResolveWaitingListEntryInput, TransferCaseInput } from "../schemas/cases";
import { todayInBerlin } from "../schemas/calendar-days";
import { requireKommuneInTenant } from "../tenancy/kommunen";
import { requireOrganisationInTenant } from "../tenancy/organisations";

function assertCoordinates(actor: Actor) {
  if (!can(actor, "cases.coordinate", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
}

/** An active case manager of the tenant, or the answer "unknown" for anyone else. */
async function requireCaseManager(db: Database, tenantId: string, userId: string, field: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId), eq(users.isActive, true), eq(roleAssignments.role, "case_manager")))
    .limit(1);
  if (!row) throw new AppError("INVALID_INPUT", "cases.errors.unknownCaseManager", field);
}

export async function listCaseManagers(db: Database, actor: Actor) {
  assertCoordinates(actor);
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.isActive, true), eq(roleAssignments.role, "case_manager")))
    .orderBy(asc(users.displayName));
}

export async function listWaitingList(db: Database, actor: Actor) {
  assertCoordinates(actor);
  return db
    .select()
    .from(waitingListEntries)
    .where(eq(waitingListEntries.tenantId, actor.tenantId))
    .orderBy(desc(waitingListEntries.isUrgent), asc(waitingListEntries.addedOn));
}

export async function addWaitingListEntry(db: Database, actor: Actor, input: AddWaitingListEntryInput) {
  assertCoordinates(actor);
  if (input.kommuneId) await requireKommuneInTenant(db, actor.tenantId, input.kommuneId);
  if (input.referringOrganisationId) await requireOrganisationInTenant(db, actor.tenantId, input.referringOrganisationId);
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(waitingListEntries)
      .values({ ...input, tenantId: actor.tenantId })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.waiting_list_changed",
      details: { change: "added" },
    });
    return entry!;
  });
}

export async function resolveWaitingListEntry(db: Database, actor: Actor, input: ResolveWaitingListEntryInput) {
  assertCoordinates(actor);
  if (input.assignedUserId) await requireCaseManager(db, actor.tenantId, input.assignedUserId, "assignedUserId");
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .update(waitingListEntries)
      .set({ status: input.status, assignedUserId: input.assignedUserId, resolvedOn: todayInBerlin() })
      .where(
        and(eq(waitingListEntries.id, input.id), eq(waitingListEntries.tenantId, actor.tenantId), eq(waitingListEntries.status, "waiting")),
      )
      .returning();
    if (!entry) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.waiting_list_changed",
      details: { change: input.status },
    });
    return entry;
  });
}

/**
 * Hands a case to another case manager. The identity record needs no copying: it belongs to the
 * case and is readable by whoever is responsible, so from now on only the new case manager sees it.
 */
export async function transferCase(db: Database, actor: Actor, input: TransferCaseInput) {
  const [caseRow] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, input.caseId), eq(cases.tenantId, actor.tenantId)));
  if (!caseRow || !can(actor, "cases.coordinate", { tenantId: caseRow.tenantId, kommuneId: caseRow.kommuneId })) {
    throw new AppError("NOT_FOUND", "errors.notFound");
  }
  if (caseRow.status === "closed") throw new AppError("CONFLICT", "cases.errors.closed");
  if (caseRow.responsibleUserId === input.toUserId) throw new AppError("INVALID_INPUT", "cases.errors.sameCaseManager", "toUserId");
  await requireCaseManager(db, actor.tenantId, input.toUserId, "toUserId");
  await db.transaction(async (tx) => {
    await tx.update(cases).set({ responsibleUserId: input.toUserId }).where(eq(cases.id, input.caseId));
    await tx.insert(caseTransfers).values({
      caseId: input.caseId,
      fromUserId: caseRow.responsibleUserId,
      toUserId: input.toUserId,
      reason: input.reason,
      transferredByUserId: actor.userId,
    });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.case_transferred",
      target: { type: "case", id: input.caseId },
      details: { from: caseRow.responsibleUserId, to: input.toUserId },
    });
  });
  return { ok: true as const };
}

export async function listCaseTransfers(db: Database, actor: Actor, caseId: string) {
  const [caseRow] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.tenantId, actor.tenantId)));
  const mayRead =
    caseRow &&
    (can(actor, "cases.coordinate", { tenantId: caseRow.tenantId, kommuneId: caseRow.kommuneId }) ||
      caseRow.responsibleUserId === actor.userId);
  if (!mayRead) throw new AppError("NOT_FOUND", "errors.notFound");
  return db
    .select({
      id: caseTransfers.id,
      fromUserId: caseTransfers.fromUserId,
      toUserId: caseTransfers.toUserId,
      reason: caseTransfers.reason,
      createdAt: caseTransfers.createdAt,
    })
    .from(caseTransfers)
    .where(eq(caseTransfers.caseId, caseId))
    .orderBy(desc(caseTransfers.createdAt));
}

/**
 * Attempts to open a case for a person already in an open case (found by the blind index), for the
 * coordination to settle: who tried, when, and which case exists, by pseudonym only.
 */
export async function listDuplicateAttempts(db: Database, actor: Actor) {
  assertCoordinates(actor);
  const attempts = await db
    .select({ id: auditEvents.id, at: auditEvents.createdAt, existingCaseId: auditEvents.targetId, attemptedBy: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.tenantId, actor.tenantId), eq(auditEvents.action, "cases.duplicate_person_detected")))
    .orderBy(desc(auditEvents.id))
    .limit(100);
  const caseIds = [...new Set(attempts.map((a) => a.existingCaseId).filter((id): id is string => !!id))];
  const responsible = alias(users, "responsible");
  const existing = caseIds.length
    ? await db
        .select({ id: cases.id, pseudonym: cases.pseudonym, status: cases.status, responsibleName: responsible.displayName })
        .from(cases)
        .leftJoin(responsible, eq(responsible.id, cases.responsibleUserId))
        .where(and(eq(cases.tenantId, actor.tenantId), inArray(cases.id, caseIds)))
    : [];
  const byId = new Map(existing.map((c) => [c.id, c]));
  return attempts.flatMap((attempt) => {
    const existingCase = attempt.existingCaseId ? byId.get(attempt.existingCaseId) : undefined;
    return existingCase ? [{ id: attempt.id, at: attempt.at, attemptedBy: attempt.attemptedBy, existingCase }] : [];
  });
}
