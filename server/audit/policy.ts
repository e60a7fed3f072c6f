import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";

export interface AuditAbilities {
  /** Read the tenant's audit log: tenant-wide business, so only an unscoped grant reads it. */
  read: boolean;
}

export function auditAbilities(actor: Actor): AuditAbilities {
  return { read: can(actor, "audit.read", { tenantId: actor.tenantId }) };
}

export function requireAuditRead(actor: Actor) {
  if (!auditAbilities(actor).read) throw new AppError("FORBIDDEN", "errors.forbidden");
}
