import { and, eq, max } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, conferenceCases } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { rejectIdentityLeaks } from "../cases/identity-leaks";
import { requireCase } from "../cases/policy";
import { AppError, isUniqueViolation } from "../errors";
import type { ConferenceCaseInput } from "../schemas/conference-planning";
import { requireParticipation } from "./conferences";
import { agendaCaseIds, meetingCaseId } from "./meeting-case-ids";
import { consentGate } from "./case-release";
import { latestSummaries, listAttachedCases, listParticipants } from "./conference-views";

/** The responsible case manager puts one of their cases, with its latest Falldarstellung, on the agenda. */
export async function addConferenceCase(db: Database, actor: Actor, input: ConferenceCaseInput) {
  const { conference } = await requireParticipation(db, actor, input.conferenceId);
  if (conference.status === "finished") throw new AppError("CONFLICT", "conferences.errors.finished");
  const caseRow = await requireCase(db, actor, input.caseId, "write");
  const summary = (await latestSummaries(db, [caseRow.id])).get(caseRow.id);
  if (!summary) throw new AppError("CONFLICT", "conferences.errors.caseWithoutSummary", "caseId");
  // The title is on every invitation and in the protocol: it must not name the person of a case on the agenda.
  await rejectIdentityLeaks(db, [caseRow.id], [conference.title], { message: "conferences.errors.titleContainsIdentity", field: "caseId" });
  try {
    return await db.transaction(async (tx) => {
      // The row lock serialises concurrent additions, so positions stay distinct.
      await requireParticipation(tx, actor, input.conferenceId, { lock: true });
      const [last] = await tx
        .select({ position: max(conferenceCases.position) })
        .from(conferenceCases)
        .where(eq(conferenceCases.conferenceId, input.conferenceId));
      const [row] = await tx
        .insert(conferenceCases)
        .values({ conferenceId: input.conferenceId, caseId: caseRow.id, summaryId: summary.id, position: (last?.position ?? -1) + 1 })
        .returning();
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "conferences.case_added",
        target: { type: "conference", id: input.conferenceId },
        details: { caseId: caseRow.id },
      });
      return { caseId: row!.caseId, position: row!.position };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "conferences.errors.caseAlreadyAttached", "caseId");
    throw error;
  }
}

/**
 * Takes a case off the agenda: its responsible case manager or the conference's moderator. The
 * case is named by its meeting id, as the conference shows it.
 */
export async function removeConferenceCase(db: Database, actor: Actor, input: ConferenceCaseInput) {
  const { abilities } = await requireParticipation(db, actor, input.conferenceId);
  const caseId = (await agendaCaseIds(db, input.conferenceId)).get(input.caseId);
  if (!caseId) throw new AppError("NOT_FOUND", "errors.notFound");
  const [attached] = await db
    .select({ responsibleUserId: cases.responsibleUserId })
    .from(conferenceCases)
    .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
    .where(and(eq(conferenceCases.conferenceId, input.conferenceId), eq(conferenceCases.caseId, caseId)));
  if (!attached) throw new AppError("NOT_FOUND", "errors.notFound");
  if (!abilities.removeAnyCase && attached.responsibleUserId !== actor.userId) throw new AppError("FORBIDDEN", "errors.forbidden");
  await db.transaction(async (tx) => {
    await tx.delete(conferenceCases).where(and(eq(conferenceCases.conferenceId, input.conferenceId), eq(conferenceCases.caseId, caseId)));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.case_removed",
      target: { type: "conference", id: input.conferenceId },
      details: { caseId },
    });
  });
  return { ok: true as const };
}

/**
 * Per attached case, the participants who will not see its Falldarstellung because no valid
 * Schweigepflichtentbindung covers their organisation. The moderator sees this for every case,
 * a case manager for their own cases.
 */
export async function listConsentConflicts(db: Database, actor: Actor, conferenceId: string) {
  const { abilities } = await requireParticipation(db, actor, conferenceId);
  const attached = (await listAttachedCases(db, conferenceId)).filter((c) => abilities.moderate || c.responsibleUserId === actor.userId);
  if (attached.length === 0) return [];
  const participants = await listParticipants(db, conferenceId);
  const result = [];
  for (const row of attached) {
    const mayRead = await consentGate(db, conferenceId, row);
    const uncovered = participants
      .filter((participant) => !mayRead(participant))
      .map((p) => ({ userId: p.userId, displayName: p.displayName, organisationName: p.organisationName ?? null }));
    result.push({ caseId: meetingCaseId(conferenceId, row.caseId), pseudonym: row.pseudonym, uncovered });
  }
  return result;
}
