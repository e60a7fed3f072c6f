import type { ShownCount } from "@/server/themes/aggregates";

/** A count as text: the number, or "weniger als k" where it is withheld from steering bodies (A10). */
export function countText(value: ShownCount, lessThan: (k: number) => string): string {
  return typeof value === "number" ? String(value) : lessThan(value.lessThan);
}
