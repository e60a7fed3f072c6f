import { describe, expect, it } from "vitest";
import type { BoardCard } from "@/server/schemas/board";
import { axisTemplate, layoutTimeline, monthColumn, monthLabel } from "./board-timeline-layout";

function card(id: string, lane: string, month: string | null, orderKey = "a0"): BoardCard {
  return {
    id,
    lane,
    text: id,
    orderKey,
    authorUserId: "u",
    caseId: null,
    perspective: null,
    month,
    clusterId: null,
    isHidden: false,
    isSolution: false,
    restricted: false,
    updatedSeq: 1,
  };
}

describe("timeline layout", () => {
  it("puts each month at its distance from the first month, across years", () => {
    expect(monthColumn("2022-11", "2022-11")).toBe(1);
    expect(monthColumn("2022-11", "2022-12")).toBe(2);
    expect(monthColumn("2022-11", "2023-01")).toBe(3);
    expect(monthColumn("2022-11", "2024-11")).toBe(25);
  });

  it("spans every month from the earliest to the latest dated card, with year marks at the start and each January", () => {
    const layout = layoutTimeline([card("b", "verlauf", "2023-02"), card("a", "barrieren", "2022-11"), card("c", "verlauf", null)]);
    expect(layout.columns.map((c) => [c.month, c.column, c.yearMark, c.cards.map((x) => x.id)])).toEqual([
      ["2022-11", 1, 2022, ["a"]],
      ["2022-12", 2, null, []],
      ["2023-01", 3, 2023, []],
      ["2023-02", 4, null, ["b"]],
    ]);
    expect(layout.undated.map((c) => c.id)).toEqual(["c"]);
    expect(axisTemplate(layout.columns)).toBe("var(--month-width, 14em) 1.5em 1.5em var(--month-width, 14em)");
  });

  it("orders a month's cards: the course first, then barriers, interfaces, turning points, each as pinned", () => {
    const layout = layoutTimeline([
      card("turn", "wendepunkte", "2024-03", "a0"),
      card("late", "verlauf", "2024-03", "a2"),
      card("block", "barrieren", "2024-03", "a1"),
      card("early", "verlauf", "2024-03", "a1"),
      card("seam", "schnittstellen", "2024-03", "a0"),
    ]);
    expect(layout.columns).toHaveLength(1);
    expect(layout.columns[0]!.cards.map((c) => c.id)).toEqual(["early", "late", "block", "seam", "turn"]);
  });

  it("leaves out cards of other lanes and has no axis when no card is dated", () => {
    const layout = layoutTimeline([card("idea", "ideen", "2024-01"), card("open", "schnittstellen", null)]);
    expect(layout.columns).toEqual([]);
    expect(layout.undated.map((c) => c.id)).toEqual(["open"]);
  });

  it("names a month in German without slipping into the neighbouring month", () => {
    expect(monthLabel("2023-03")).toBe("März 2023");
    expect(monthLabel("2024-12")).toBe("Dezember 2024");
  });
});
