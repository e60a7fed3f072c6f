import { meetingPseudonym } from "../conferences/meeting-pseudonym";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { workPackages } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor } from "../auth/policy";
import { consentScopesOf, scopeCovers } from "../cases/consent-scope";
import { AppError } from "../errors";
import { type ReportByTrackingLinkInput } from "../schemas/work-packages";
import { consumeLinkBudget } from "../secret-links/link-budget";
import { createLinkSecret, lookupHashOf } from "../secret-links/secret-links";
import { isOverdue, selectWorkPackages, updatesOf } from "./work-package-views";
import { requireWorkPackage, recordReport } from "./report-work-package";

const trackingLinkDays = 90;
const trackingGraceDaysAfterDue = 30;
const dayMs = 86_400_000;

/**
 * A link lives 90 days, or until 30 days after the due date when that is later, so the responsible
 * actor can still report "done" after a late finish.
 */
export function trackingLinkExpiry(dueDate: string, now = new Date()): Date {
  const afterDue = new Date(`${dueDate}T23:59:59Z`).getTime() + trackingGraceDaysAfterDue * dayMs;
  return new Date(Math.max(now.getTime() + trackingLinkDays * dayMs, afterDue));
}

/**
 * A personal link for the responsible actor to report progress without an account. A new link
 * replaces the previous one; the raw token leaves the server once, in this answer.
 */
export async function createTrackingLink(db: Database, actor: Actor, workPackageId: string) {
  const { workPackage, abilities } = await requireWorkPackage(db, actor, workPackageId);
  if (!abilities.createTrackingLink) throw new AppError("FORBIDDEN", "workPackages.errors.mayNotCreateLink");
  const secret = createLinkSecret("tracking", trackingLinkExpiry(workPackage.dueDate));
  const { expiresAt } = secret;
  await db.transaction(async (tx) => {
    await tx
      .update(workPackages)
      .set({ trackingTokenHash: secret.tokenHash, trackingTokenExpiresAt: expiresAt })
      .where(eq(workPackages.id, workPackage.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.work_package_link_created",
      target: { type: "conference", id: workPackage.conferenceId },
      details: { workPackageId: workPackage.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { link: secret.link, expiresAt };
}

/**
 * The package behind an open link, or null. A case's package also needs the responsible
 * organisation to be still covered by the case's consent, for the package's life area if it has one:
 * a revocation ends the link at once.
 */
async function findByTrackingToken(db: Executor, token: string) {
  const tokenHash = lookupHashOf(token);
  if (!tokenHash) return null;
  const [row] = await selectWorkPackages(db)
    .where(and(eq(workPackages.trackingTokenHash, tokenHash), gt(workPackages.trackingTokenExpiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (row.caseId) {
    const scopes = await consentScopesOf(db, row.caseId);
    const organisationId = row.responsibleOrganisationId;
    if (!organisationId) return null;
    if (!scopeCovers(scopes.get(organisationId), row.lifeArea) && organisationId !== row.caseResponsibleOrganisationId) return null;
  }
  return row;
}

/** What the public page shows: the task, due date and history of this one package; of a case only its pseudonym. */
export async function getWorkPackageByTrackingToken(db: Database, token: string, address?: string) {
  if (address !== undefined) await consumeLinkBudget(db, "tracking", "lookup", address);
  const row = await findByTrackingToken(db, token);
  if (!row) return null;
  const updates = (await updatesOf(db, [row.id])).get(row.id) ?? [];
  return {
    task: row.task,
    casePseudonym: row.caseId ? meetingPseudonym(row.caseId, row.conferenceId) : null,
    responsibleOrganisationName: row.responsibleOrganisationName ?? null,
    responsiblePerson: row.responsiblePerson || row.responsibleUserName || "",
    dueDate: row.dueDate,
    status: row.status,
    isOverdue: isOverdue(row.dueDate, row.status),
    updates: updates.map((u) => ({ id: u.id, status: u.status, note: u.note, authorName: u.authorName, createdAt: u.createdAt })),
  };
}

/** A report through the link: the token is the authorisation, the reporter gives their name. */
export async function reportByTrackingLink(db: Database, input: ReportByTrackingLinkInput, address: string) {
  await consumeLinkBudget(db, "tracking", "report", address);
  return db.transaction(async (tx) => {
    const row = await findByTrackingToken(tx, input.token);
    if (!row) throw new AppError("NOT_FOUND", "workPackages.errors.invalidLink");
    // The row lock orders concurrent reports on one package.
    const [workPackage] = await tx.select().from(workPackages).where(eq(workPackages.id, row.id)).for("update");
    await recordReport(tx, workPackage!, { status: input.status, note: input.note, authorUserId: null, authorName: input.name });
    return { ok: true as const };
  });
}
