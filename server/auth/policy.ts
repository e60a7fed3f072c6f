import type { Role } from "../schemas/roles";
import { rolesGranting, type Permission } from "./permissions";

export interface RoleGrant {
  role: Role;
  /** Set when the role holds only for one Kommune. */
  kommuneId: string | null;
  /** Set when the role holds only for one body (Gremium). */
  bodyId: string | null;
}

/** The signed-in person as every policy sees them, loaded fresh from the database per request. */
export interface Actor {
  userId: string;
  tenantId: string;
  displayName: string;
  organisationId: string | null;
  grants: RoleGrant[];
  /**
   * An external conference guest: no roles, and only the permissions in `guestPermissions`, which
   * every service further limits to the conferences the guest takes part in.
   */
  isGuest?: boolean;
  /** The one conference a guest was invited to (for navigation and the start page). */
  guestConferenceId?: string;
}

/** All a guest may do, whatever grants their account might carry. */
export const guestPermissions: readonly Permission[] = ["conferences.view", "conferences.take_part"];

/** What a permission is asked about. Omitted fields mean "anywhere in the tenant". */
export interface ResourceScope {
  tenantId: string;
  kommuneId?: string | null;
  bodyId?: string | null;
}

function grantCoversScope(grant: RoleGrant, scope: ResourceScope | undefined): boolean {
  if (grant.kommuneId && grant.kommuneId !== scope?.kommuneId) return false;
  if (grant.bodyId && grant.bodyId !== scope?.bodyId) return false;
  return true;
}

/**
 * May the actor do this, here? Deny by default: another tenant, a role that does not grant the
 * permission, or a Kommune/body-scoped role asked about something outside its scope.
 */
export function can(actor: Actor | null, permission: Permission, scope?: ResourceScope): boolean {
  if (!actor) return false;
  if (scope && scope.tenantId !== actor.tenantId) return false;
  if (actor.isGuest) return guestPermissions.includes(permission);
  const allowed: readonly Role[] = rolesGranting(permission);
  return actor.grants.some((grant) => allowed.includes(grant.role) && grantCoversScope(grant, scope));
}

/** Has the actor the permission anywhere in their tenant (for navigation and list pages)? */
export function canSomewhere(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.isGuest) return guestPermissions.includes(permission);
  const allowed: readonly Role[] = rolesGranting(permission);
  return actor.grants.some((grant) => allowed.includes(grant.role));
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  if (actor?.isGuest) return false;
  return !!actor?.grants.some((grant) => grant.role === role);
}
