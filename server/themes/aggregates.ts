import type { Actor } from "../auth/policy";
import { themeRegistryAbilities } from "./policy";

/**
 * Members of a steering body see the registry as aggregates only: how many cases and Kommunen
 * stand behind a theme and where it was seen, never card wording (free text from cases) or case
 * references. Whoever holds the permission through another role sees the sources too; exact
 * counts are the coordination's alone (`server/aggregates/shown-count.ts`).
 */
export function seesSourcesOfThemes(actor: Actor): boolean {
  return themeRegistryAbilities(actor).seeSources;
}
