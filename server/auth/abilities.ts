import { allPermissions, type Permission } from "./permissions";
import { canSomewhere, type Actor } from "./policy";

/** The permissions the actor holds somewhere, sent to the client so the UI hides what would be refused. */
export function abilitiesOf(actor: Actor): Record<Permission, boolean> {
  return Object.fromEntries(allPermissions.map((p) => [p, canSomewhere(actor, p)])) as Record<Permission, boolean>;
}
