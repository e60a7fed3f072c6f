import { shownCount, type CountView, type ShownCount } from "./shown-count";

export interface ShownGroup<Key extends string> {
  cells: Record<Key, ShownCount>;
  total: ShownCount;
}

/**
 * Counts per group (Kommune, year, conference, quarter) shown beside their total, so that no count
 * below k can be computed back by subtraction (complementary suppression, A10).
 *
 * First every cell below k is withheld ("fewer than k"). What the total leaves over after the shown
 * cells is the sum of the withheld cells plus whatever the total holds outside any cell (cases without
 * a Kommune, say). While that left-over is above zero but below k (a single small cell, or several that
 * add up to fewer than k), the smallest shown cell is withheld as well; when no cell is left to
 * withhold, the total is. Cells that overlap (a case with sources in two years) only make the
 * left-over smaller, so the rule errs on the safe side. The coordination sees every number.
 */
export function shownGroup<Key extends string>(view: CountView, cells: Record<Key, number>, total: number): ShownGroup<Key> {
  const keys = Object.keys(cells) as Key[];
  const shown: Record<string, ShownCount> = {};
  for (const key of keys) shown[key] = shownCount(view, cells[key]);
  const shownTotal = shownCount(view, total);
  if (view.exact || typeof shownTotal !== "number") return { cells: shown as Record<Key, ShownCount>, total: shownTotal };

  const outside = Math.max(0, total - keys.reduce((sum, key) => sum + cells[key], 0));
  const isHidden = (key: Key) => typeof shown[key] !== "number";
  for (;;) {
    const hiddenSum = keys.filter(isHidden).reduce((sum, key) => sum + cells[key], outside);
    if (hiddenSum === 0 || hiddenSum >= view.minimumGroupSize) break;
    // The smallest shown cell; ties go to the first, so every view of the same data withholds the same cell.
    const next = keys
      .filter((key) => !isHidden(key))
      .reduce<Key | null>((min, key) => (min === null || cells[key] < cells[min] ? key : min), null);
    if (next === null) return { cells: shown as Record<Key, ShownCount>, total: { withheld: true } };
    shown[next] = { withheld: true };
  }
  return { cells: shown as Record<Key, ShownCount>, total: shownTotal };
}
