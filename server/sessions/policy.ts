import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { bodySessions } from "@/db/schema";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { mayManageSessions, mayViewBody, tenantBodies } from "../bodies/policy";

/** Only the coordination reads the case managers' free-text answers; body members see counts (A10). */
export function mayReadPollAnswers(actor: Actor): boolean {
  return can(actor, "polls.manage", { tenantId: actor.tenantId });
}

/** Loads a session the actor may read; foreign, unknown and invisible sessions all look the same. */
export async function requireSession(db: Executor, actor: Actor, sessionId: string, access: "view" | "manage") {
  const [session] = await db
    .select()
    .from(bodySessions)
    .where(and(eq(bodySessions.id, sessionId), eq(bodySessions.tenantId, actor.tenantId)));
  if (!session) throw new AppError("NOT_FOUND", "errors.notFound");
  const all = await tenantBodies(db, actor.tenantId);
  if (!mayViewBody(actor, all, session.bodyId)) throw new AppError("NOT_FOUND", "errors.notFound");
  if (access === "manage" && !mayManageSessions(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  return { session, body: all.find((b) => b.id === session.bodyId)!, bodies: all };
}

/**
 * The coordination writes the minutes until they are approved; everyone else who may see the
 * session follows them read-only. Read fresh, so an approval committed a moment ago counts.
 */
export async function mayWriteMinutes(db: Executor, actor: Actor, sessionId: string): Promise<boolean> {
  if (!mayManageSessions(actor)) return false;
  const [session] = await db
    .select({ approvedIn: bodySessions.minutesApprovedInSessionId })
    .from(bodySessions)
    .where(eq(bodySessions.id, sessionId));
  return Boolean(session) && !session!.approvedIn;
}
