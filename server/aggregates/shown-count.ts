import { can, type Actor } from "../auth/policy";

/**
 * A count of cases, sources or answers as a viewer may see it (A10, minimum group size k): the
 * exact number, or only that it is below the tenant's k, because a small group could point to a
 * person. Client-safe: the UI renders it with `components/aggregates/shown-count.tsx`.
 */
export type ShownCount = number | { lessThan: number } | WithheldCount;

/**
 * A count of k or more withheld only so that a count below k cannot be computed from a total and the
 * shown counts beside it (complementary suppression, `shownGroup`). Shown as "nicht ausgewiesen".
 */
export type WithheldCount = { withheld: true };

/** Whether a viewer gets exact counts, and the tenant's k for everyone else. */
export interface CountView {
  exact: boolean;
  minimumGroupSize: number;
}

/**
 * Only the coordination (a tenant-wide coordinator grant) sees exact counts; everyone else,
 * steering body members first of all, sees counts below k as "fewer than k". This is the strictest
 * of the rules the registry, the evidence pack and the case manager polls used to apply each on
 * their own.
 */
export function seesExactCounts(actor: Actor): boolean {
  return can(actor, "counts.exact", { tenantId: actor.tenantId });
}

export function shownCount(view: CountView, value: number): ShownCount {
  if (view.exact || value >= view.minimumGroupSize) return value;
  return { lessThan: view.minimumGroupSize };
}

/**
 * The count as text; `words.fewerThan` renders the catalogue's "weniger als {k}" (`counts.fewerThan`),
 * `words.withheld` its "nicht ausgewiesen" (`counts.withheld`).
 */
export function formatShownCount(value: ShownCount, words: { fewerThan: (k: number) => string; withheld: string }): string {
  if (typeof value === "number") return String(value);
  return "withheld" in value ? words.withheld : words.fewerThan(value.lessThan);
}
