import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { roleAssignments, users } from "@/db/schema";
import type { Actor } from "./policy";

/**
 * Resolves a session to an actor, or null when the user is gone, deactivated, or the session was
 * issued before the last deactivation or role change (JWT sessions cannot be revoked by themselves).
 */
export async function loadActor(
  db: Executor,
  session: { userId: string; sessionVersion: number },
): Promise<Actor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, session.userId), eq(users.isActive, true)))
    .limit(1);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  const grants = await db
    .select({ role: roleAssignments.role, kommuneId: roleAssignments.kommuneId, bodyId: roleAssignments.bodyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user.id));
  return {
    userId: user.id,
    tenantId: user.tenantId,
    displayName: user.displayName,
    organisationId: user.organisationId,
    grants,
  };
}
