import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { agendaItems, bodySessions, decisions, sharedDocuments } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { readSharedDocumentJsonIfOpened } from "../shared-documents/rich-text";
import type { RichTextDoc } from "../rich-text/validate";
import type { PlanSessionInput, UpdateSessionInput } from "../schemas/sessions";
import { generateAssignmentReports } from "./agenda";
import { attendanceRoster } from "./attendance";
import { mayManageSessions, requireBody, tenantBodies, visibleBodyIds } from "../bodies/policy";
import { requireSession } from "./policy";

/** Sessions of every body the actor may follow, newest first. */
export async function listSessions(db: Database, actor: Actor) {
  const all = await tenantBodies(db, actor.tenantId);
  const visible = visibleBodyIds(actor, all);
  const ids = visible === "all" ? all.map((b) => b.id) : [...visible];
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: bodySessions.id,
      bodyId: bodySessions.bodyId,
      title: bodySessions.title,
      scheduledAt: bodySessions.scheduledAt,
      place: bodySessions.place,
      status: bodySessions.status,
      minutesApprovedAt: bodySessions.minutesApprovedAt,
    })
    .from(bodySessions)
    .where(and(eq(bodySessions.tenantId, actor.tenantId), inArray(bodySessions.bodyId, ids)))
    .orderBy(desc(bodySessions.scheduledAt), asc(bodySessions.id));
  const names = new Map(all.map((b) => [b.id, b.name]));
  return rows.map((row) => ({ ...row, bodyName: names.get(row.bodyId) ?? "" }));
}

/** One session with its agenda, the decisions recorded on it, attendance and minutes. */
export async function getSession(db: Database, actor: Actor, sessionId: string) {
  const { session, body } = await requireSession(db, actor, sessionId, "view");
  const items = await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.sessionId, session.id))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  const decided = items.length
    ? await db
        .select({
          agendaItemId: decisions.agendaItemId,
          outcome: decisions.outcome,
          text: decisions.text,
          votesFor: decisions.votesFor,
          votesAgainst: decisions.votesAgainst,
          votesAbstain: decisions.votesAbstain,
        })
        .from(decisions)
        .where(and(eq(decisions.tenantId, actor.tenantId), eq(decisions.sessionId, session.id)))
    : [];
  const decisionOf = new Map(decided.map((d) => [d.agendaItemId, d]));

  const { members, externals, recorded: attended } = await attendanceRoster(db, actor.tenantId, body.id, session.id);
  const presentUser = new Map(attended.filter((a) => a.userId).map((a) => [a.userId!, a.present]));
  const presentExternal = new Map(attended.filter((a) => a.externalMemberId).map((a) => [a.externalMemberId!, a.present]));
  const attendance = [
    ...members.map((m) => ({
      key: `user:${m.userId}`,
      userId: m.userId,
      externalMemberId: null,
      name: m.name,
      organisationName: m.organisationName ?? "",
      function: "",
      former: m.former,
      present: presentUser.get(m.userId) ?? null,
    })),
    ...externals.map((m) => ({
      key: `external:${m.id}`,
      userId: null,
      externalMemberId: m.id,
      name: m.name,
      organisationName: m.organisationName,
      function: m.function,
      former: m.former,
      present: presentExternal.get(m.id) ?? null,
    })),
  ];

  const approvedIn = session.minutesApprovedInSessionId
    ? ((
        await db
          .select({ id: bodySessions.id, title: bodySessions.title, scheduledAt: bodySessions.scheduledAt })
          .from(bodySessions)
          .where(eq(bodySessions.id, session.minutesApprovedInSessionId))
      )[0] ?? null)
    : null;
  const canManage = mayManageSessions(actor);
  // Minutes of earlier sessions of this body that this session can approve.
  const approvable = canManage
    ? await db
        .select({ id: bodySessions.id, title: bodySessions.title, scheduledAt: bodySessions.scheduledAt })
        .from(bodySessions)
        .where(
          and(
            eq(bodySessions.bodyId, body.id),
            lt(bodySessions.scheduledAt, session.scheduledAt),
            isNull(bodySessions.minutesApprovedInSessionId),
            ne(bodySessions.id, session.id),
            // Someone has written minutes; approving refuses them if they turn out empty.
            or(
              isNotNull(bodySessions.minutes),
              exists(db.select({ id: sharedDocuments.id }).from(sharedDocuments).where(eq(sharedDocuments.sessionId, bodySessions.id))),
            ),
          ),
        )
        .orderBy(asc(bodySessions.scheduledAt))
    : [];

  return {
    session: {
      id: session.id,
      title: session.title,
      scheduledAt: session.scheduledAt,
      place: session.place,
      status: session.status,
      invitedAt: session.invitedAt,
      minutes: await currentMinutes(db, session),
      minutesApprovedAt: session.minutesApprovedAt,
      minutesApprovedIn: approvedIn,
    },
    body: { id: body.id, name: body.name, kind: body.kind },
    agenda: items.map((item) => ({
      id: item.id,
      position: item.position,
      kind: item.kind,
      title: item.title,
      themeId: item.themeId,
      vorlageId: item.vorlageId,
      notes: item.notes,
      decision: decisionOf.get(item.id) ?? null,
    })),
    attendance,
    approvable,
    abilities: {
      manage: canManage,
      editMinutes: canManage && !session.minutesApprovedInSessionId,
      editAgenda: canManage && session.status !== "closed",
      /** The decision panel (votes, assignments) is the steering path's; a CM spokesperson sees the outcome line only. */
      viewDecisions: can(actor, "decisions.view", { tenantId: actor.tenantId }),
    },
  };
}

export type SessionView = Awaited<ReturnType<typeof getSession>>;

/**
 * The minutes of a session as they stand: frozen once approved, otherwise the shared document the
 * coordination writes in (or, before anyone opened it, the text kept in the session row).
 */
export async function currentMinutes(
  db: Executor,
  session: Pick<typeof bodySessions.$inferSelect, "id" | "minutes" | "minutesApprovedInSessionId">,
): Promise<RichTextDoc | null> {
  const kept = (session.minutes ?? null) as RichTextDoc | null;
  if (session.minutesApprovedInSessionId) return kept;
  const live = await readSharedDocumentJsonIfOpened(db, minutesAddress(session.id));
  if (!live) return kept;
  return live.content?.length ? live : null;
}

export function minutesAddress(sessionId: string) {
  return { sessionId, key: "minutes" as const };
}

export async function planSession(db: Database, actor: Actor, input: PlanSessionInput) {
  await requireBody(db, actor, input.bodyId, "manage");
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(bodySessions)
      .values({
        tenantId: actor.tenantId,
        bodyId: input.bodyId,
        title: input.title,
        scheduledAt: input.scheduledAt,
        place: input.place,
        createdByUserId: actor.userId,
      })
      .returning();
    // Open assignments due by then are on the agenda from the start.
    await generateAssignmentReports(tx, session!);
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.session_planned",
      target: { type: "body_session", id: session!.id },
      details: { bodyId: input.bodyId },
    });
    return session!;
  });
}

export async function updateSession(db: Database, actor: Actor, input: UpdateSessionInput) {
  const { session } = await requireSession(db, actor, input.sessionId, "manage");
  if (session.status === "closed") throw new AppError("CONFLICT", "sessions.errors.sessionClosed");
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(bodySessions)
      .set({ title: input.title, scheduledAt: input.scheduledAt, place: input.place })
      .where(eq(bodySessions.id, session.id))
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.session_updated",
      target: { type: "body_session", id: session.id },
    });
    return updated!;
  });
}

/** The invitation with the agenda went out (by mail or in print, outside the platform). */
export async function markInvited(db: Database, actor: Actor, sessionId: string) {
  const { session } = await requireSession(db, actor, sessionId, "manage");
  if (session.status !== "planned" && session.status !== "invited") throw new AppError("CONFLICT", "sessions.errors.alreadyHeld");
  await db.transaction(async (tx) => {
    await tx.update(bodySessions).set({ status: "invited", invitedAt: new Date() }).where(eq(bodySessions.id, session.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.invitation_sent",
      target: { type: "body_session", id: session.id },
    });
  });
}
