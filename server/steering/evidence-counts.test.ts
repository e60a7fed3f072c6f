import { describe, expect, it } from "vitest";
import { showEvidencePack, type EvidencePack } from "./evidence";

const pack: EvidencePack = {
  generatedAt: "2026-12-07T12:00:00.000Z",
  caseCount: 14,
  kommuneCount: 2,
  sourceCount: 20,
  conferences: [
    { title: "Fallkonferenz März", type: "fallkonferenz", date: "2026-03-03", sources: 3 },
    { title: "Fallkonferenz Juni", type: "fallkonferenz", date: "2026-06-02", sources: 8 },
    { title: "Fallrekonstruktion Juli", type: "fallrekonstruktion", date: "2026-07-07", sources: 9 },
  ],
  quarters: [
    { quarter: "2026-Q1", sources: 3 },
    { quarter: "2026-Q2", sources: 8 },
    { quarter: "2026-Q3", sources: 9 },
  ],
  statusHistory: [],
};

describe("evidence pack counts beside the number of sources (A10)", () => {
  it("withholds the next smallest conference and quarter for a body member", () => {
    const shown = showEvidencePack(pack, { exact: false, minimumGroupSize: 5 });
    expect(shown.sourceCount).toBe(20);
    expect(shown.conferences.map((c) => c.sources)).toEqual([{ lessThan: 5 }, { withheld: true }, 9]);
    expect(shown.quarters.map((q) => q.sources)).toEqual([{ lessThan: 5 }, { withheld: true }, 9]);
  });

  it("shows the coordination every number", () => {
    const shown = showEvidencePack(pack, { exact: true, minimumGroupSize: 5 });
    expect(shown.conferences.map((c) => c.sources)).toEqual([3, 8, 9]);
  });
});
