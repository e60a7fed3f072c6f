import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { bodies } from "@/db/schema";
import { can, reachOf, type Actor } from "../auth/policy";
import { AppError } from "../errors";

export interface BodyNode {
  id: string;
  parentBodyId: string | null;
}

/**
 * Which bodies' sessions the actor may read: "all" for the coordination and the CM spokesperson
 * (they follow every body), else the bodies they are a member of and the sub-groups below them.
 * A group forms its Projektarbeitsgruppen and answers for their work, so its members follow them;
 * a sub-group's members do not see the parent's sessions (nobody made them members there).
 */
export function visibleBodyIds(actor: Actor, allBodies: BodyNode[]): "all" | Set<string> {
  // An unscoped grant of a role that views sessions follows every body.
  if (can(actor, "sessions.view", { tenantId: actor.tenantId })) return "all";
  const visible = new Set(reachOf(actor, "bodies.take_part").bodyIds);
  // Walk down the tree until nothing new is added; parent links can only point within the tenant.
  let grew = true;
  while (grew) {
    grew = false;
    for (const body of allBodies) {
      if (body.parentBodyId && visible.has(body.parentBodyId) && !visible.has(body.id)) {
        visible.add(body.id);
        grew = true;
      }
    }
  }
  return visible;
}

export function mayViewBody(actor: Actor, allBodies: BodyNode[], bodyId: string): boolean {
  const visible = visibleBodyIds(actor, allBodies);
  return visible === "all" || visible.has(bodyId);
}

/** The coordination plans and records sessions; nobody else writes here. */
export function mayManageSessions(actor: Actor): boolean {
  return can(actor, "sessions.manage", { tenantId: actor.tenantId });
}

export async function tenantBodies(db: Executor, tenantId: string) {
  return db
    .select({ id: bodies.id, name: bodies.name, kind: bodies.kind, parentBodyId: bodies.parentBodyId })
    .from(bodies)
    .where(eq(bodies.tenantId, tenantId));
}

export async function requireBody(db: Executor, actor: Actor, bodyId: string, access: "view" | "manage", field = "bodyId") {
  const all = await tenantBodies(db, actor.tenantId);
  const body = all.find((b) => b.id === bodyId);
  if (!body) throw new AppError("INVALID_INPUT", "errors.unknownBody", field);
  if (access === "manage" ? !mayManageSessions(actor) : !mayViewBody(actor, all, bodyId))
    throw new AppError("FORBIDDEN", "errors.forbidden");
  return { body, bodies: all };
}
