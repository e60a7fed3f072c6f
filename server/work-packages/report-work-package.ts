import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { cases, conferenceParticipants, conferences, workPackages, workPackageUpdates } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { rejectAgendaIdentity } from "../conferences/agenda-identity";
import { AppError } from "../errors";
import type { WorkPackageStatus } from "../schemas/conference-kinds";
import { type ReportWorkPackageInput } from "../schemas/work-packages";
import { workPackageAbilities } from "./policy";
import { type WorkPackageRow } from "./work-package-views";

/**
 * Loads a work package with the actor's abilities, or NOT_FOUND for anyone who may not see it
 * (also across tenants), so the answer reveals nothing about other packages.
 */
export async function requireWorkPackage(db: Executor, actor: Actor, workPackageId: string) {
  const [row] = await db
    .select({
      workPackage: workPackages,
      caseResponsibleUserId: cases.responsibleUserId,
      caseKommuneId: cases.kommuneId,
      conferenceKommuneId: conferences.kommuneId,
      role: conferenceParticipants.role,
    })
    .from(workPackages)
    .innerJoin(conferences, eq(conferences.id, workPackages.conferenceId))
    .leftJoin(cases, eq(cases.id, workPackages.caseId))
    .leftJoin(
      conferenceParticipants,
      and(eq(conferenceParticipants.conferenceId, workPackages.conferenceId), eq(conferenceParticipants.userId, actor.userId)),
    )
    .where(and(eq(workPackages.id, workPackageId), eq(workPackages.tenantId, actor.tenantId)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const abilities = workPackageAbilities({
    // Guests and colleagues who lost the role no longer count as participants.
    conferenceRole:
      row.role && can(actor, "conferences.take_part", { tenantId: actor.tenantId, kommuneId: row.conferenceKommuneId }) ? row.role : null,
    isResponsibleCaseManager:
      !!row.workPackage.caseId &&
      row.caseResponsibleUserId === actor.userId &&
      can(actor, "cases.work", { tenantId: actor.tenantId, kommuneId: row.caseKommuneId }),
    isResponsibleUser: row.workPackage.responsibleUserId === actor.userId,
  });
  if (!abilities.view) throw new AppError("NOT_FOUND", "errors.notFound");
  return { workPackage: row.workPackage, abilities };
}

export async function recordReport(
  tx: Executor,
  workPackage: WorkPackageRow,
  report: { status: WorkPackageStatus; note: string; authorUserId: string | null; authorName: string },
) {
  // The note is read by the conference and in the protocol, also when it comes in through the link.
  await rejectAgendaIdentity(tx, workPackage.conferenceId, [report.note], {
    message: "workPackages.errors.noteContainsIdentity",
    field: "note",
  });
  await tx.update(workPackages).set({ status: report.status, updatedAt: new Date() }).where(eq(workPackages.id, workPackage.id));
  const [update] = await tx
    .insert(workPackageUpdates)
    .values({ workPackageId: workPackage.id, ...report })
    .returning({ id: workPackageUpdates.id, createdAt: workPackageUpdates.createdAt });
  await recordAuditEvent(tx, {
    tenantId: workPackage.tenantId,
    actorUserId: report.authorUserId,
    action: "conferences.work_package_reported",
    target: { type: "conference", id: workPackage.conferenceId },
    details: { workPackageId: workPackage.id, status: report.status, viaLink: report.authorUserId === null },
  });
  return { id: update!.id, status: report.status, createdAt: update!.createdAt };
}

/** A status report by a moderator, the responsible case manager or the responsible person. */
export async function reportWorkPackage(db: Database, actor: Actor, input: ReportWorkPackageInput) {
  const { workPackage, abilities } = await requireWorkPackage(db, actor, input.workPackageId);
  if (!abilities.report) throw new AppError("FORBIDDEN", "workPackages.errors.mayNotReport");
  return db.transaction((tx) =>
    recordReport(tx, workPackage, { status: input.status, note: input.note, authorUserId: actor.userId, authorName: actor.displayName }),
  );
}
