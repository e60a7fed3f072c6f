import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { tenants } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { themeRegistryAbilities } from "./policy";

/**
 * A count of cases or sources as a viewer may see it: exact, or, for steering body members, only
 * that it is below the tenant's minimum group size (A10: small groups could point to a person).
 */
export type ShownCount = number | { lessThan: number };

/**
 * Members of a steering body see the registry as aggregates only: how many cases and Kommunen
 * stand behind a theme and where it was seen, never card wording (free text from cases) or case
 * references. Whoever holds the permission through another role sees the sources too.
 */
export function seesSourcesOfThemes(actor: Actor): boolean {
  return themeRegistryAbilities(actor).seeSources;
}

/** How counts are shown to this actor: exact, or suppressed below k. */
export interface CountView {
  exact: boolean;
  minimumGroupSize: number;
}

export async function countViewFor(db: Database, actor: Actor): Promise<CountView> {
  const [tenant] = await db.select({ k: tenants.minimumGroupSize }).from(tenants).where(eq(tenants.id, actor.tenantId));
  return { exact: seesSourcesOfThemes(actor), minimumGroupSize: tenant?.k ?? 5 };
}

export function shownCount(view: CountView, value: number): ShownCount {
  if (view.exact || value >= view.minimumGroupSize) return value;
  return { lessThan: view.minimumGroupSize };
}
