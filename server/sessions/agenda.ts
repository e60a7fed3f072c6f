import { and, asc, eq, inArray, isNotNull, lte, max } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { agendaItems, assignments, bodies, bodySessions, decisions, themes, vorlagen } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { calendarDayOf } from "../schemas/calendar-days";
import type { AddAgendaItemInput } from "../schemas/sessions";
import type { ThemeStatus } from "../schemas/theme-kinds";
import { recordThemeStatus } from "../themes/status";
import { requireSession } from "./policy";

type SessionRow = typeof bodySessions.$inferSelect;

/** The calendar day of a session in the programme's time zone, comparable with `date` columns. */
export function sessionDay(scheduledAt: Date): string {
  return calendarDayOf(scheduledAt);
}

// Serialises agenda changes of one session, so positions stay unique without a unique index.
async function lockSession(tx: Executor, sessionId: string) {
  await tx.select({ id: bodySessions.id }).from(bodySessions).where(eq(bodySessions.id, sessionId)).for("update");
}

async function nextPosition(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, sessionId));
  return (row?.last ?? 0) + 1;
}

/**
 * Puts every open assignment of the session's body that is due by the session day on the agenda,
 * once. Returns how many items were added.
 */
export async function generateAssignmentReports(tx: Executor, session: SessionRow): Promise<number> {
  await lockSession(tx, session.id);
  const due = await tx
    .select({ id: assignments.id, task: assignments.task, themeId: assignments.themeId })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, session.tenantId),
        eq(assignments.bodyId, session.bodyId),
        inArray(assignments.status, ["open", "in_progress"]),
        lte(assignments.dueDate, sessionDay(session.scheduledAt)),
      ),
    )
    .orderBy(asc(assignments.dueDate), asc(assignments.createdAt));
  if (due.length === 0) return 0;
  const present = await tx
    .select({ assignmentId: agendaItems.assignmentId })
    .from(agendaItems)
    .where(and(eq(agendaItems.sessionId, session.id), isNotNull(agendaItems.assignmentId)));
  const onAgenda = new Set(present.map((p) => p.assignmentId));
  const missing = due.filter((a) => !onAgenda.has(a.id));
  let position = await nextPosition(tx, session.id);
  for (const assignment of missing) {
    await tx.insert(agendaItems).values({
      sessionId: session.id,
      position: position++,
      kind: "assignment_report",
      title: translate("sessions.agenda.assignmentReportTitle", { task: assignment.task }),
      themeId: assignment.themeId,
      assignmentId: assignment.id,
    });
  }
  return missing.length;
}

/** Re-reads the due assignments, e.g. after a decision gave the body a new one. */
export async function generateAgenda(db: Database, actor: Actor, sessionId: string) {
  const { session } = await requireSession(db, actor, sessionId, "manage");
  if (session.status === "closed") throw new AppError("CONFLICT", "sessions.errors.sessionClosed");
  return db.transaction(async (tx) => {
    const added = await generateAssignmentReports(tx, session);
    if (added > 0) {
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "sessions.agenda_changed",
        target: { type: "body_session", id: session.id },
        details: { added },
      });
    }
    return { added };
  });
}

// A theme further along its path (assigned, decided, ...) keeps its status when discussed again.
const beforeAgenda: ThemeStatus[] = ["identified", "reviewed", "parked"];

export async function addAgendaItem(db: Database, actor: Actor, input: AddAgendaItemInput) {
  const { session, body } = await requireSession(db, actor, input.sessionId, "manage");
  if (session.status === "closed") throw new AppError("CONFLICT", "sessions.errors.sessionClosed");
  return db.transaction(async (tx) => {
    await lockSession(tx, session.id);
    let values: { title: string; themeId: string | null; vorlageId: string | null };
    if (input.kind === "theme") {
      const [theme] = await tx
        .select({ id: themes.id, title: themes.title, status: themes.status, mergedIntoThemeId: themes.mergedIntoThemeId })
        .from(themes)
        .where(and(eq(themes.id, input.themeId), eq(themes.tenantId, actor.tenantId)));
      if (!theme || theme.mergedIntoThemeId) throw new AppError("INVALID_INPUT", "sessions.errors.unknownTheme", "themeId");
      values = { title: theme.title, themeId: theme.id, vorlageId: null };
      if (body.kind === "lenkungsgruppe" && beforeAgenda.includes(theme.status)) {
        await recordThemeStatus(
          tx,
          actor,
          theme.id,
          "on_agenda",
          translate("sessions.agenda.themeOnAgendaNote", { session: session.title, body: body.name }),
        );
      }
    } else if (input.kind === "vorlage") {
      const [vorlage] = await tx
        .select({ id: vorlagen.id, title: vorlagen.title, themeId: vorlagen.themeId })
        .from(vorlagen)
        .where(and(eq(vorlagen.id, input.vorlageId), eq(vorlagen.tenantId, actor.tenantId)));
      if (!vorlage) throw new AppError("INVALID_INPUT", "sessions.errors.unknownVorlage", "vorlageId");
      values = { title: vorlage.title, themeId: vorlage.themeId, vorlageId: vorlage.id };
    } else {
      values = { title: input.title, themeId: null, vorlageId: null };
    }
    const [item] = await tx
      .insert(agendaItems)
      .values({ sessionId: session.id, position: await nextPosition(tx, session.id), kind: input.kind, notes: input.notes, ...values })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.agenda_changed",
      target: { type: "body_session", id: session.id },
      details: { added: item!.id, kind: input.kind },
    });
    return item!;
  });
}

async function requireItem(db: Database, actor: Actor, agendaItemId: string) {
  const [row] = await db
    .select({ item: agendaItems })
    .from(agendaItems)
    .innerJoin(bodySessions, eq(bodySessions.id, agendaItems.sessionId))
    .innerJoin(bodies, eq(bodies.id, bodySessions.bodyId))
    .where(and(eq(agendaItems.id, agendaItemId), eq(bodySessions.tenantId, actor.tenantId)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const { session } = await requireSession(db, actor, row.item.sessionId, "manage");
  if (session.status === "closed") throw new AppError("CONFLICT", "sessions.errors.sessionClosed");
  return { item: row.item, session };
}

/** Removes an item on which nothing was decided yet. */
export async function removeAgendaItem(db: Database, actor: Actor, agendaItemId: string) {
  const { item, session } = await requireItem(db, actor, agendaItemId);
  await db.transaction(async (tx) => {
    await lockSession(tx, session.id);
    const [decided] = await tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.agendaItemId, item.id));
    if (decided) throw new AppError("CONFLICT", "sessions.errors.itemDecided");
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.agenda_changed",
      target: { type: "body_session", id: session.id },
      details: { removed: item.id },
    });
  });
}

/** Swaps an item with its neighbour above or below. */
export async function moveAgendaItem(db: Database, actor: Actor, agendaItemId: string, direction: "up" | "down") {
  const { item, session } = await requireItem(db, actor, agendaItemId);
  await db.transaction(async (tx) => {
    await lockSession(tx, session.id);
    const items = await tx
      .select({ id: agendaItems.id, position: agendaItems.position })
      .from(agendaItems)
      .where(eq(agendaItems.sessionId, session.id))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
    const index = items.findIndex((i) => i.id === item.id);
    const other = items[direction === "up" ? index - 1 : index + 1];
    if (index < 0 || !other) return;
    // Renumber densely so equal positions from older data cannot make a swap a no-op.
    const order = items.map((i) => i.id);
    [order[index], order[items.indexOf(other)]] = [other.id, item.id];
    for (const [position, id] of order.entries())
      await tx
        .update(agendaItems)
        .set({ position: position + 1 })
        .where(eq(agendaItems.id, id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.agenda_changed",
      target: { type: "body_session", id: session.id },
      details: { moved: item.id, direction },
    });
  });
}
