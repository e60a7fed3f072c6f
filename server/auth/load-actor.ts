import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferenceGuests, users } from "@/db/schema";
import type { Actor, RoleGrant } from "./policy";

/**
 * Resolves a session to an actor, or null when the user is gone, deactivated, or the session was
 * issued before the last deactivation or role change (JWT sessions cannot be revoked by themselves).
 * A guest's session also ends when their invitation expires.
 */
export async function loadActor(db: Executor, session: { userId: string; sessionVersion: number }): Promise<Actor | null> {
  // One statement: every request and every socket event waits for this.
  const [row] = await db
    .select({
      user: users,
      grants: sql<RoleGrant[] | string>`coalesce((
        select json_agg(json_build_object('role', ra.role, 'kommuneId', ra.kommune_id, 'bodyId', ra.body_id))
          from role_assignments ra where ra.user_id = ${session.userId}::uuid), '[]'::json)`,
    })
    .from(users)
    .where(and(eq(users.id, session.userId), eq(users.isActive, true)))
    .limit(1)
    .prepare("load_actor")
    .execute();
  const user = row?.user;
  const grants: RoleGrant[] = typeof row?.grants === "string" ? JSON.parse(row.grants) : (row?.grants ?? []);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  if (user.isGuest) {
    const [invitation] = await db
      .select({ conferenceId: conferenceGuests.conferenceId })
      .from(conferenceGuests)
      .where(and(eq(conferenceGuests.userId, user.id), gt(conferenceGuests.expiresAt, sql`now()`)))
      .limit(1);
    if (!invitation) return null;
    // Any grant a guest account might have been given counts for nothing: guests act only as guests.
    return {
      userId: user.id,
      tenantId: user.tenantId,
      displayName: user.displayName,
      organisationId: user.organisationId,
      grants: [],
      isGuest: true,
      guestConferenceId: invitation.conferenceId,
    };
  }
  return {
    userId: user.id,
    tenantId: user.tenantId,
    displayName: user.displayName,
    organisationId: user.organisationId,
    grants,
  };
}
