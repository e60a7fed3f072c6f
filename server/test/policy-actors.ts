import type { Actor, RoleGrant } from "../auth/policy";
import type { Role } from "../schemas/roles";

/** Fixed ids for the policy matrices: no database, so the tables stay readable. */
export const tenantId = "00000000-0000-4000-8000-000000000001";
export const otherTenantId = "00000000-0000-4000-8000-000000000002";
export const kommuneA = "00000000-0000-4000-8000-00000000000a";
export const kommuneB = "00000000-0000-4000-8000-00000000000b";
export const bodyA = "00000000-0000-4000-8000-0000000000ba";
export const bodyB = "00000000-0000-4000-8000-0000000000bb";
export const actorId = "00000000-0000-4000-8000-0000000000a1";
export const otherUserId = "00000000-0000-4000-8000-0000000000a2";

/**
 * The people of the matrices, by the name the tables use: a role, unscoped unless the name says
 * "@A" (scoped to Kommune A) or "@bodyA" (scoped to body A); "guest" is an external conference guest.
 */
export const actorNames = [
  "admin",
  "admin@A",
  "coordinator",
  "coordinator@A",
  "case_manager",
  "case_manager@A",
  "cm_spokesperson",
  "body_member",
  "body_member@bodyA",
  "network_actor",
  "guest",
] as const;
export type ActorName = (typeof actorNames)[number];

export function actorNamed(name: ActorName, grants?: RoleGrant[]): Actor {
  const base = { userId: actorId, tenantId, displayName: "Test", organisationId: null };
  if (name === "guest") return { ...base, grants: grants ?? [], isGuest: true };
  const [role, scope] = name.split("@") as [Role, string | undefined];
  const grant: RoleGrant = {
    role,
    kommuneId: scope === "A" ? kommuneA : null,
    bodyId: scope === "bodyA" ? bodyA : null,
  };
  return { ...base, grants: grants ?? [grant] };
}
