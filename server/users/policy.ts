import { can, canSomewhere, type Actor, type RoleGrant } from "../auth/policy";
import { AppError } from "../errors";
import { tenancyAbilities } from "../tenancy/policy";

/** User and tenant administration: reading the lists and changing them. */
export interface AdministrationAbilities {
  readUsers: boolean;
  manageUsers: boolean;
  readTenancy: boolean;
  manageTenancy: boolean;
}

/** Changing users and the tenant's set-up is tenant-wide business: only an unscoped grant does it. */
export function administrationAbilities(actor: Actor): AdministrationAbilities {
  const tenant = { tenantId: actor.tenantId };
  return {
    readUsers: canSomewhere(actor, "users.read"),
    manageUsers: can(actor, "users.manage", tenant),
    readTenancy: tenancyAbilities(actor).read,
    manageTenancy: tenancyAbilities(actor).manage,
  };
}

/** Would the actor, with these grants instead of their own, still manage users? Nobody locks themselves out. */
export function keepsUserManagement(actor: Actor, newGrants: RoleGrant[]): boolean {
  return administrationAbilities({ ...actor, grants: newGrants }).manageUsers;
}

export function assertCanManageUsers(actor: Actor) {
  if (!administrationAbilities(actor).manageUsers) throw new AppError("FORBIDDEN", "errors.forbidden");
}
