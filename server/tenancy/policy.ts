import { can, canSomewhere, type Actor } from "../auth/policy";
import { AppError } from "../errors";

export interface TenancyAbilities {
  read: boolean;
  manage: boolean;
}

/** The tenant's set-up (Kommunen, organisations, bodies, settings): changing it is tenant-wide business. */
export function tenancyAbilities(actor: Actor): TenancyAbilities {
  return { read: canSomewhere(actor, "tenancy.read"), manage: can(actor, "tenancy.manage", { tenantId: actor.tenantId }) };
}

export function assertCanManageTenancy(actor: Actor) {
  if (!tenancyAbilities(actor).manage) throw new AppError("FORBIDDEN", "errors.forbidden");
}
