import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { bodySessions, sessionAttendance } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { externalMembersOf, userMembersOf, usersByIds } from "../bodies/members";
import { AppError } from "../errors";
import type { AttendanceInput } from "../schemas/sessions";
import { requireSession } from "./policy";

/**
 * Who belongs on a session's attendance list: the body's members today, and anyone already
 * recorded for it who has left the body since, so an old list stays complete and correctable.
 */
export async function attendanceRoster(db: Executor, tenantId: string, bodyId: string, sessionId: string) {
  const recorded = await db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
  const recordedUserIds = recorded.flatMap((a) => (a.userId ? [a.userId] : []));
  const recordedExternalIds = recorded.flatMap((a) => (a.externalMemberId ? [a.externalMemberId] : []));
  const [members, externals] = await Promise.all([
    userMembersOf(db, tenantId, [bodyId]),
    externalMembersOf(db, [bodyId], recordedExternalIds),
  ]);
  const memberIds = new Set(members.map((m) => m.userId));
  const former = await usersByIds(
    db,
    tenantId,
    recordedUserIds.filter((id) => !memberIds.has(id)),
  );
  return {
    members: [...members.map((m) => ({ ...m, former: false })), ...former.map((m) => ({ ...m, former: true }))],
    externals: externals.map((m) => ({ ...m, former: m.removedAt !== null })),
    recorded,
  };
}

/**
 * Records who was there: only the body's members and external members can be listed. Recording
 * attendance means the session took place.
 */
export async function recordAttendance(db: Database, actor: Actor, input: AttendanceInput) {
  const { session, body } = await requireSession(db, actor, input.sessionId, "manage");
  if (session.status === "closed") throw new AppError("CONFLICT", "sessions.errors.sessionClosed");
  const { members, externals } = await attendanceRoster(db, actor.tenantId, body.id, session.id);
  const memberIds = new Set(members.map((m) => m.userId));
  const externalIds = new Set(externals.map((m) => m.id));
  const rows = new Map<string, { userId: string | null; externalMemberId: string | null; present: boolean }>();
  for (const entry of input.entries) {
    if ("userId" in entry) {
      if (!memberIds.has(entry.userId)) throw new AppError("INVALID_INPUT", "sessions.errors.notAMember", "entries");
      rows.set(`u:${entry.userId}`, { userId: entry.userId, externalMemberId: null, present: entry.present });
    } else {
      if (!externalIds.has(entry.externalMemberId)) throw new AppError("INVALID_INPUT", "sessions.errors.notAMember", "entries");
      rows.set(`e:${entry.externalMemberId}`, { userId: null, externalMemberId: entry.externalMemberId, present: entry.present });
    }
  }
  await db.transaction(async (tx) => {
    await tx.delete(sessionAttendance).where(eq(sessionAttendance.sessionId, session.id));
    if (rows.size > 0) await tx.insert(sessionAttendance).values([...rows.values()].map((row) => ({ ...row, sessionId: session.id })));
    if (session.status === "planned" || session.status === "invited")
      await tx.update(bodySessions).set({ status: "held" }).where(eq(bodySessions.id, session.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.attendance_recorded",
      target: { type: "body_session", id: session.id },
      details: { present: [...rows.values()].filter((r) => r.present).length, absent: [...rows.values()].filter((r) => !r.present).length },
    });
  });
}
