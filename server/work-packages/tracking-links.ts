import { meetingPseudonym } from "../conferences/meeting-pseudonym";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Database, Executor } from "@/db";
import { workPackages } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor } from "../auth/policy";
import { organisationsCoveredByConsent } from "../cases/intake";
import { AppError } from "../errors";
import { trackingTokenPattern, type ReportByTrackingLinkInput } from "../schemas/work-packages";
import { isOverdue, selectWorkPackages, updatesOf } from "./work-package-views";
import { requireWorkPackage, recordReport } from "./report-work-package";

/** Only this hash is stored: a copy of the database does not contain a usable link. */
export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

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
  const token = randomBytes(32).toString("base64url");
  const expiresAt = trackingLinkExpiry(workPackage.dueDate);
  await db.transaction(async (tx) => {
    await tx
      .update(workPackages)
      .set({ trackingTokenHash: hashTrackingToken(token), trackingTokenExpiresAt: expiresAt })
      .where(eq(workPackages.id, workPackage.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.work_package_link_created",
      target: { type: "conference", id: workPackage.conferenceId },
      details: { workPackageId: workPackage.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { link: `/arbeitspaket/${token}`, expiresAt };
}

/** Reports per address and window through tracking links, counted before the token is looked at. */
export const trackingReportsPerWindow = 20;
const trackingWindowSeconds = 15 * 60;

/** Page views of tracking links per address and window. */
export const trackingLookupsPerWindow = 60;

type GlobalWithLimiters = typeof globalThis & { __kimTrackingLimiters?: Record<"report" | "lookup", RateLimiterMemory> };

/** Counted before the token is looked at, so nobody can try links faster than the budget allows. */
async function consumeTrackingBudget(kind: "report" | "lookup", address: string) {
  const g = globalThis as GlobalWithLimiters;
  g.__kimTrackingLimiters ??= {
    report: new RateLimiterMemory({
      keyPrefix: "work-package-report-address",
      points: trackingReportsPerWindow,
      duration: trackingWindowSeconds,
    }),
    lookup: new RateLimiterMemory({
      keyPrefix: "work-package-lookup-address",
      points: trackingLookupsPerWindow,
      duration: trackingWindowSeconds,
    }),
  };
  try {
    await g.__kimTrackingLimiters[kind].consume(address);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", "workPackages.errors.rateLimited");
    throw error;
  }
}

/**
 * The package behind an open link, or null. A case's package also needs the responsible
 * organisation to be still covered by the case's consent: a revocation ends the link at once.
 */
async function findByTrackingToken(db: Executor, token: string) {
  if (!trackingTokenPattern.test(token)) return null;
  const [row] = await selectWorkPackages(db)
    .where(and(eq(workPackages.trackingTokenHash, hashTrackingToken(token)), gt(workPackages.trackingTokenExpiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (row.caseId) {
    const covered = await organisationsCoveredByConsent(db, row.caseId);
    const organisationId = row.responsibleOrganisationId;
    if (!organisationId || (!covered.has(organisationId) && organisationId !== row.caseResponsibleOrganisationId)) return null;
  }
  return row;
}

/** What the public page shows: the task, due date and history of this one package; of a case only its pseudonym. */
export async function getWorkPackageByTrackingToken(db: Executor, token: string, address?: string) {
  if (address !== undefined) await consumeTrackingBudget("lookup", address);
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
  await consumeTrackingBudget("report", address);
  return db.transaction(async (tx) => {
    const row = await findByTrackingToken(tx, input.token);
    if (!row) throw new AppError("NOT_FOUND", "workPackages.errors.invalidLink");
    // The row lock orders concurrent reports on one package.
    const [workPackage] = await tx.select().from(workPackages).where(eq(workPackages.id, row.id)).for("update");
    await recordReport(tx, workPackage!, { status: input.status, note: input.note, authorUserId: null, authorName: input.name });
    return { ok: true as const };
  });
}
