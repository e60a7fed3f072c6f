import { can, canSomewhere, type Actor } from "../auth/policy";
import { AppError } from "../errors";

/** What the actor may do with the registry of generative themes. */
export interface ThemeRegistryAbilities {
  /** Read the registry (themes carry no Kommune: it compares them across Kommunen). */
  view: boolean;
  /** Curate it: merge, split, move along the steering path. Tenant-wide, so only an unscoped grant. */
  manage: boolean;
  /** See what stands behind a theme (card wording, case references), not only aggregates (A10). */
  seeSources: boolean;
}

export function themeRegistryAbilities(actor: Actor): ThemeRegistryAbilities {
  return {
    view: canSomewhere(actor, "themes.view"),
    manage: can(actor, "themes.manage", { tenantId: actor.tenantId }),
    seeSources: canSomewhere(actor, "themes.view") && canSomewhere(actor, "themes.sources"),
  };
}

export function requireThemesView(actor: Actor) {
  if (!themeRegistryAbilities(actor).view) throw new AppError("FORBIDDEN", "errors.forbidden");
}

export function requireThemesManage(actor: Actor) {
  if (!themeRegistryAbilities(actor).manage) throw new AppError("FORBIDDEN", "errors.forbidden");
}
