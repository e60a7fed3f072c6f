import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { administrationAbilities } from "../users/policy";

export function assertCanManageTenancy(actor: Actor) {
  if (!administrationAbilities(actor).manageTenancy) throw new AppError("FORBIDDEN", "errors.forbidden");
}
