import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { assignments, bodies, bodySessions, decisions, followUpReports, organisations, recommendations, themes, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { todayInBerlin } from "../schemas/calendar-days";
import type { ReportFollowUpInput } from "../schemas/decisions";
import type { FollowUpStatus } from "../schemas/steering-kinds";
import { mayReportOn, steeringViewerOf } from "./policy";
import { advanceTheme } from "./theme-progress";

const openStatuses: readonly FollowUpStatus[] = ["open", "in_progress"];

export const today = () => todayInBerlin();

export function isOverdue(dueDate: string, status: FollowUpStatus, onDay = today()): boolean {
  return openStatuses.includes(status) && dueDate < onDay;
}

async function reportsOf(db: Executor, column: "assignmentId" | "recommendationId", ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      assignmentId: followUpReports.assignmentId,
      recommendationId: followUpReports.recommendationId,
      status: followUpReports.status,
      note: followUpReports.note,
      authorName: users.displayName,
      createdAt: followUpReports.createdAt,
    })
    .from(followUpReports)
    .innerJoin(users, eq(users.id, followUpReports.authorUserId))
    .where(inArray(followUpReports[column], ids))
    .orderBy(asc(followUpReports.createdAt), asc(followUpReports.id));
}

/**
 * Assignments and recommendations with their due dates and reports. The coordination sees all;
 * a body member sees the assignments of their own bodies.
 */
export async function listFollowUps(db: Database, actor: Actor, includeDone: boolean) {
  const viewer = steeringViewerOf(actor);
  if (!viewer.isCoordination && viewer.memberBodyIds.size === 0) return [];
  const statusFilter = includeDone ? [] : [inArray(assignments.status, [...openStatuses])];
  const assignmentRows = await db
    .select({
      id: assignments.id,
      themeId: assignments.themeId,
      themeTitle: themes.title,
      sessionTitle: bodySessions.title,
      bodyId: assignments.bodyId,
      bodyName: bodies.name,
      text: assignments.task,
      dueDate: assignments.dueDate,
      status: assignments.status,
    })
    .from(assignments)
    .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
    .innerJoin(bodySessions, eq(bodySessions.id, decisions.sessionId))
    .innerJoin(bodies, eq(bodies.id, assignments.bodyId))
    .leftJoin(themes, eq(themes.id, assignments.themeId))
    .where(
      and(
        eq(assignments.tenantId, actor.tenantId),
        ...statusFilter,
        ...(viewer.isCoordination ? [] : [inArray(assignments.bodyId, [...viewer.memberBodyIds])]),
      ),
    )
    .orderBy(asc(assignments.dueDate), asc(assignments.id));
  const recommendationRows = viewer.isCoordination
    ? await db
        .select({
          id: recommendations.id,
          themeId: recommendations.themeId,
          themeTitle: themes.title,
          sessionTitle: bodySessions.title,
          addressee: recommendations.addressee,
          organisationName: organisations.name,
          text: recommendations.text,
          dueDate: recommendations.dueDate,
          status: recommendations.status,
        })
        .from(recommendations)
        .innerJoin(decisions, eq(decisions.id, recommendations.decisionId))
        .innerJoin(bodySessions, eq(bodySessions.id, decisions.sessionId))
        .leftJoin(organisations, eq(organisations.id, recommendations.responsibleOrganisationId))
        .leftJoin(themes, eq(themes.id, recommendations.themeId))
        .where(
          and(eq(recommendations.tenantId, actor.tenantId), ...(includeDone ? [] : [inArray(recommendations.status, [...openStatuses])])),
        )
        .orderBy(asc(recommendations.dueDate), asc(recommendations.id))
    : [];
  const assignmentReports = await reportsOf(
    db,
    "assignmentId",
    assignmentRows.map((r) => r.id),
  );
  const recommendationReports = await reportsOf(
    db,
    "recommendationId",
    recommendationRows.map((r) => r.id),
  );
  const strip = (report: (typeof assignmentReports)[number]) => ({
    status: report.status,
    note: report.note,
    authorName: report.authorName,
    createdAt: report.createdAt,
  });
  const items = [
    ...assignmentRows.map(({ bodyId, bodyName, ...row }) => ({
      ...row,
      kind: "assignment" as const,
      responsible: bodyName,
      isOverdue: isOverdue(row.dueDate, row.status),
      reports: assignmentReports.filter((r) => r.assignmentId === row.id).map(strip),
      abilities: { report: mayReportOn(viewer, { kind: "assignment", bodyId }) },
    })),
    ...recommendationRows.map(({ addressee, organisationName, ...row }) => ({
      ...row,
      kind: "recommendation" as const,
      responsible: [addressee, organisationName].filter(Boolean).join(", "),
      isOverdue: isOverdue(row.dueDate, row.status),
      reports: recommendationReports.filter((r) => r.recommendationId === row.id).map(strip),
      abilities: { report: mayReportOn(viewer, { kind: "recommendation" }) },
    })),
  ];
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** True when the theme has follow-up items and every one of them is finished, at least one done. */
async function isThemeImplemented(tx: Executor, themeId: string): Promise<boolean> {
  const statuses = [
    ...(await tx.select({ status: assignments.status }).from(assignments).where(eq(assignments.themeId, themeId))),
    ...(await tx.select({ status: recommendations.status }).from(recommendations).where(eq(recommendations.themeId, themeId))),
  ].map((r) => r.status);
  return statuses.length > 0 && statuses.every((s) => s === "done" || s === "dropped") && statuses.includes("done");
}

/**
 * A status report on an assignment or a recommendation. When the last open item of a theme is
 * done, the outcome is fed back to the theme: it is "umgesetzt".
 */
export async function reportFollowUp(db: Database, actor: Actor, input: ReportFollowUpInput) {
  const viewer = steeringViewerOf(actor);
  return db.transaction(async (tx) => {
    let themeId: string | null;
    if (input.assignmentId) {
      const [item] = await tx
        .select()
        .from(assignments)
        .where(and(eq(assignments.id, input.assignmentId), eq(assignments.tenantId, actor.tenantId)))
        .for("update");
      if (!item || !(viewer.isCoordination || viewer.memberBodyIds.has(item.bodyId))) throw new AppError("NOT_FOUND", "errors.notFound");
      if (!mayReportOn(viewer, { kind: "assignment", bodyId: item.bodyId })) throw new AppError("FORBIDDEN", "errors.forbidden");
      await tx.update(assignments).set({ status: input.status }).where(eq(assignments.id, item.id));
      themeId = item.themeId;
    } else {
      const [item] = await tx
        .select()
        .from(recommendations)
        .where(and(eq(recommendations.id, input.recommendationId!), eq(recommendations.tenantId, actor.tenantId)))
        .for("update");
      if (!item || !viewer.isCoordination) throw new AppError("NOT_FOUND", "errors.notFound");
      await tx.update(recommendations).set({ status: input.status }).where(eq(recommendations.id, item.id));
      themeId = item.themeId;
    }
    const [report] = await tx
      .insert(followUpReports)
      .values({
        assignmentId: input.assignmentId,
        recommendationId: input.recommendationId,
        status: input.status,
        note: input.note,
        authorUserId: actor.userId,
      })
      .returning({ id: followUpReports.id, createdAt: followUpReports.createdAt });
    let implemented = false;
    if (themeId && (await isThemeImplemented(tx, themeId))) {
      await advanceTheme(tx, actor, themeId, "implemented", translate("decisions.notes.implemented"));
      implemented = true;
    }
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.follow_up_reported",
      target: themeId ? { type: "theme", id: themeId } : undefined,
      details: {
        assignmentId: input.assignmentId,
        recommendationId: input.recommendationId,
        status: input.status,
        themeImplemented: implemented,
      },
    });
    return { id: report!.id, status: input.status, themeImplemented: implemented };
  });
}
