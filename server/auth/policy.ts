import type { Role } from "../schemas/roles";
import { rolesGranting, tenantWidePermissions, type Permission } from "./permissions";

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

function grantCoversScope(grant: RoleGrant, permission: Permission, scope: ResourceScope | undefined): boolean {
  if (grant.kommuneId && tenantWidePermissions.has(permission)) return false;
  if (grant.kommuneId && grant.kommuneId !== scope?.kommuneId) return false;
  if (grant.bodyId && grant.bodyId !== scope?.bodyId) return false;
  return true;
}

/**
 * May the actor do this, here? Deny by default: another tenant, a role that does not grant the
 * permission, a Kommune/body-scoped role asked about something outside its scope, or a
 * Kommune-scoped role asked about tenant-wide business. A scope without a Kommune means the whole
 * tenant, which only an unscoped grant covers.
 */
export function can(actor: Actor | null, permission: Permission, scope?: ResourceScope): boolean {
  if (!actor) return false;
  if (scope && scope.tenantId !== actor.tenantId) return false;
  if (actor.isGuest) return guestPermissions.includes(permission);
  const allowed: readonly Role[] = rolesGranting(permission);
  return actor.grants.some((grant) => allowed.includes(grant.role) && grantCoversScope(grant, permission, scope));
}

/** Has the actor the permission anywhere in their tenant (for navigation and list pages)? */
export function canSomewhere(actor: Actor | null, permission: Permission): boolean {
  const reach = reachOf(actor, permission);
  return reach.everywhere || reach.kommuneIds.length > 0 || reach.bodyIds.length > 0;
}

/**
 * Where in the tenant the actor holds a permission: everywhere (an unscoped grant), or only in the
 * listed Kommunen or bodies. For list queries that filter by scope; single resources use `can()`.
 */
export interface PermissionReach {
  everywhere: boolean;
  kommuneIds: string[];
  bodyIds: string[];
}

export function reachOf(actor: Actor | null, permission: Permission): PermissionReach {
  const reach: PermissionReach = { everywhere: false, kommuneIds: [], bodyIds: [] };
  if (!actor) return reach;
  if (actor.isGuest) return { ...reach, everywhere: guestPermissions.includes(permission) };
  const allowed: readonly Role[] = rolesGranting(permission);
  for (const grant of actor.grants) {
    if (!allowed.includes(grant.role)) continue;
    if (grant.kommuneId && tenantWidePermissions.has(permission)) continue;
    if (grant.kommuneId) reach.kommuneIds.push(grant.kommuneId);
    else if (grant.bodyId) reach.bodyIds.push(grant.bodyId);
    else reach.everywhere = true;
  }
  return reach;
}
