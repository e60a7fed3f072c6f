import { describe, expect, it } from "vitest";
import type { ShownCount } from "./shown-count";
import { shownGroup } from "./shown-group";

const fewer: ShownCount = { lessThan: 5 };
const withheld: ShownCount = { withheld: true };
const bodyMember = { exact: false, minimumGroupSize: 5 };

// cells and total (k = 5) → what a body member sees. Written out by hand: no withheld count can be
// computed from the total minus the shown cells.
const table: [string, Record<string, number>, number, Record<string, ShownCount>, ShownCount][] = [
  ["nothing small", { A: 6, B: 7 }, 13, { A: 6, B: 7 }, 13],
  ["one small cell: the next smallest goes too", { A: 2, B: 7, C: 9 }, 18, { A: fewer, B: withheld, C: 9 }, 18],
  ["two small cells that add up to fewer than k", { A: 1, B: 2, C: 8, D: 9 }, 20, { A: fewer, B: fewer, C: withheld, D: 9 }, 20],
  ["two small cells that add up to k", { A: 2, B: 3, C: 8 }, 13, { A: fewer, B: fewer, C: 8 }, 13],
  ["a tie for the next smallest: the first", { A: 3, B: 6, C: 6 }, 15, { A: fewer, B: withheld, C: 6 }, 15],
  ["one small cell beside one other", { A: 4, B: 6 }, 10, { A: fewer, B: withheld }, 10],
  // The total also counts cases outside every cell (without a Kommune): a hidden cell of its own.
  ["a small left-over outside the cells", { A: 6, B: 8 }, 16, { A: withheld, B: 8 }, 16],
  ["a small cell and k or more outside the cells", { A: 3 }, 9, { A: fewer }, 9],
  ["a small cell and a small left-over adding up to k", { A: 2, B: 9 }, 14, { A: fewer, B: 9 }, 14],
  ["a small cell and a small left-over adding up to fewer than k", { A: 2, B: 9 }, 12, { A: fewer, B: withheld }, 12],
  ["a total below k", { A: 3 }, 3, { A: fewer }, fewer],
  // Overlapping cells (a case with sources in two years) add up to more than the total.
  ["overlapping cells", { 2025: 2, 2026: 6 }, 6, { 2025: fewer, 2026: withheld }, 6],
  ["no cells", {}, 7, {}, 7],
  ["nothing small and nothing outside", { A: 5 }, 5, { A: 5 }, 5],
];

describe("complementary suppression of counts beside a total (A10)", () => {
  it.each(table)("%s", (_, cells, total, expectedCells, expectedTotal) => {
    expect(shownGroup(bodyMember, cells, total)).toEqual({ cells: expectedCells, total: expectedTotal });
  });

  it("shows the coordination every number", () => {
    expect(shownGroup({ exact: true, minimumGroupSize: 5 }, { A: 2, B: 7 }, 10)).toEqual({ cells: { A: 2, B: 7 }, total: 10 });
  });

  it("follows the tenant's k", () => {
    expect(shownGroup({ exact: false, minimumGroupSize: 2 }, { A: 1, B: 3, C: 4 }, 8)).toEqual({
      cells: { A: { lessThan: 2 }, B: withheld, C: 4 },
      total: 8,
    });
  });
});
