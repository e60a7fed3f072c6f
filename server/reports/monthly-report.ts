import { and, asc, count, eq, gte, inArray, lt, sql, sum } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, closures, contacts, monthlyReports, roleAssignments, tenants, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, canSomewhere, type Actor } from "../auth/policy";
import { AppError, violatedUniqueConstraint } from "../errors";
import { addMonths, endOfMonth, todayInBerlin } from "../schemas/calendar-days";
import type { MonthlyReportInput, SubmitMonthlyReportInput } from "../schemas/reports";

export function monthRange(month: string) {
  const first = `${month}-01`;
  const next = addMonths(first, 1);
  return { first, next };
}

/** Whose report may the actor see: their own, or any case manager's of the tenant as coordination. */
async function resolveReportSubject(db: Database, actor: Actor, userId: string | undefined) {
  const subjectId = userId ?? actor.userId;
  if (subjectId !== actor.userId && !can(actor, "cases.coordinate", { tenantId: actor.tenantId })) {
    throw new AppError("NOT_FOUND", "errors.notFound");
  }
  const [subject] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, subjectId), eq(users.tenantId, actor.tenantId)));
  if (!subject) throw new AppError("NOT_FOUND", "errors.notFound");
  return subject;
}

/**
 * The monthly pseudonymised documentation of one case manager: appointments, topics and key
 * figures. Cases appear only by pseudonym; no identity field is read.
 */
export async function getMonthlyReport(db: Database, actor: Actor, input: MonthlyReportInput) {
  const subject = await resolveReportSubject(db, actor, input.userId);
  const { first, next } = monthRange(input.month);
  const inMonth = and(eq(contacts.userId, subject.id), gte(contacts.contactOn, first), lt(contacts.contactOn, next));

  const byKind = await db
    .select({ kind: contacts.kind, n: count(), minutes: sum(contacts.durationMinutes) })
    .from(contacts)
    .where(inMonth)
    .groupBy(contacts.kind);
  const byChannel = await db.select({ channel: contacts.channel, n: count() }).from(contacts).where(inMonth).groupBy(contacts.channel);
  const topicRows = await db
    .select({ area: sql<string>`unnest(${contacts.lifeAreas})`.as("area"), n: count() })
    .from(contacts)
    .where(inMonth)
    .groupBy(sql`1`);
  const perCase = await db
    .select({ pseudonym: cases.pseudonym, status: cases.status, contacts: count(contacts.id), minutes: sum(contacts.durationMinutes) })
    .from(contacts)
    .innerJoin(cases, eq(cases.id, contacts.caseId))
    .where(inMonth)
    .groupBy(cases.pseudonym, cases.status)
    .orderBy(asc(cases.pseudonym));
  const own = and(eq(cases.tenantId, actor.tenantId), eq(cases.responsibleUserId, subject.id));
  const [opened] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(own, gte(cases.openedOn, first), lt(cases.openedOn, next)));
  const [admitted] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(own, gte(cases.admittedOn, first), lt(cases.admittedOn, next)));
  const closed = await db
    .select({ closingType: closures.closingType, n: count() })
    .from(closures)
    .innerJoin(cases, eq(cases.id, closures.caseId))
    .where(and(own, gte(closures.closedOn, first), lt(closures.closedOn, next)))
    .groupBy(closures.closingType);
  const [openAtEnd] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(own, eq(cases.status, "active"), lt(cases.admittedOn, next)));
  const [submitted] = await db
    .select({ submittedAt: monthlyReports.submittedAt })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.userId, subject.id), eq(monthlyReports.month, first)));

  const contactsTotal = byKind.reduce((total, row) => total + row.n, 0);
  const minutesTotal = byKind.reduce((total, row) => total + Number(row.minutes ?? 0), 0);
  return {
    month: input.month,
    caseManager: subject,
    submittedAt: submitted?.submittedAt ?? null,
    keyFigures: {
      contacts: contactsTotal,
      minutes: minutesTotal,
      casesWithContact: perCase.length,
      opened: opened?.n ?? 0,
      admitted: admitted?.n ?? 0,
      closed: closed.reduce((total, row) => total + row.n, 0),
      activeAtMonthEnd: openAtEnd?.n ?? 0,
      shortReferrals: byKind.find((row) => row.kind === "short_referral")?.n ?? 0,
    },
    contactsByKind: byKind.map((row) => ({ kind: row.kind, count: row.n, minutes: Number(row.minutes ?? 0) })),
    contactsByChannel: byChannel.map((row) => ({ channel: row.channel, count: row.n })),
    topics: topicRows.map((row) => ({ lifeArea: row.area, count: row.n })).sort((a, b) => b.count - a.count),
    closingTypes: closed.map((row) => ({ closingType: row.closingType, count: row.n })),
    cases: perCase.map((row) => ({
      pseudonym: row.pseudonym,
      status: row.status,
      contacts: row.contacts,
      minutes: Number(row.minutes ?? 0),
    })),
  };
}

export type MonthlyReport = Awaited<ReturnType<typeof getMonthlyReport>>;

export async function submitMonthlyReport(db: Database, actor: Actor, input: SubmitMonthlyReportInput) {
  if (!can(actor, "cases.work", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  const report = await getMonthlyReport(db, actor, { month: input.month });
  try {
    await db.transaction(async (tx) => {
      await tx.insert(monthlyReports).values({
        tenantId: actor.tenantId,
        userId: actor.userId,
        month: `${input.month}-01`,
        figures: report as unknown as Record<string, unknown>,
        note: input.note,
      });
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "reports.monthly_submitted",
        details: { month: input.month },
      });
    });
  } catch (error) {
    if (violatedUniqueConstraint(error)) throw new AppError("CONFLICT", "reports.errors.alreadySubmitted");
    throw error;
  }
  return { ok: true as const };
}

/**
 * Who has submitted the month's report, and whose is overdue: due at month end, with the tenant's
 * deadline day in the following month.
 */
export async function listReportStatus(db: Database, actor: Actor, month: string, today = todayInBerlin()) {
  if (!canSomewhere(actor, "cases.coordinate")) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { first, next } = monthRange(month);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
  const deadline = `${next.slice(0, 8)}${String(tenant!.monthlyReportDeadlineDay).padStart(2, "0")}`;
  const caseManagers = await db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.isActive, true), eq(roleAssignments.role, "case_manager")))
    .orderBy(asc(users.displayName));
  const submitted = caseManagers.length
    ? await db
        .select({ userId: monthlyReports.userId, submittedAt: monthlyReports.submittedAt })
        .from(monthlyReports)
        .where(
          and(
            eq(monthlyReports.month, first),
            inArray(
              monthlyReports.userId,
              caseManagers.map((c) => c.id),
            ),
          ),
        )
    : [];
  return {
    month,
    dueOn: endOfMonth(first),
    deadline,
    caseManagers: caseManagers.map((cm) => {
      const submission = submitted.find((s) => s.userId === cm.id);
      const state = submission ? "submitted" : today > deadline ? "overdue" : today >= endOfMonth(first) ? "due" : "open";
      return { ...cm, submittedAt: submission?.submittedAt ?? null, state };
    }),
  };
}
