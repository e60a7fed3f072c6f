import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";

export function assertCanManageTenancy(actor: Actor) {
  if (!can(actor, "tenancy.manage", { tenantId: actor.tenantId })) {
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
}
