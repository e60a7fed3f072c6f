import { describe, expect, it } from "vitest";
import type { Actor, RoleGrant } from "../auth/policy";
import type { Role } from "../schemas/roles";
import { formatShownCount, seesExactCounts, shownCount, type ShownCount } from "./shown-count";

function viewer(grants: (Role | (Partial<RoleGrant> & { role: Role }))[], isGuest = false): Actor {
  return {
    userId: "u",
    tenantId: "t",
    displayName: "Person",
    organisationId: null,
    isGuest,
    grants: grants.map((g) =>
      typeof g === "string" ? { role: g, kommuneId: null, bodyId: null } : { kommuneId: null, bodyId: null, ...g },
    ),
  };
}

const viewers = {
  coordination: viewer(["coordinator"]),
  coordinationAndMember: viewer(["coordinator", { role: "body_member", bodyId: "b" }]),
  bodyMember: viewer([{ role: "body_member", bodyId: "b" }]),
  caseManager: viewer(["case_manager"]),
  spokesperson: viewer(["cm_spokesperson"]),
  memberAndCaseManager: viewer([{ role: "body_member", bodyId: "b" }, "case_manager"]),
  kommuneCoordinator: viewer([{ role: "coordinator", kommuneId: "k" }]),
  admin: viewer(["admin"]),
  guest: viewer(["coordinator"], true),
};

// viewer × count × k → what is shown. Only the coordination sees a number below k.
const table: [keyof typeof viewers, number, number, ShownCount][] = [
  ["coordination", 0, 5, 0],
  ["coordination", 1, 5, 1],
  ["coordination", 4, 5, 4],
  ["coordination", 5, 5, 5],
  ["coordinationAndMember", 2, 5, 2],
  ["bodyMember", 0, 5, { lessThan: 5 }],
  ["bodyMember", 1, 5, { lessThan: 5 }],
  ["bodyMember", 4, 5, { lessThan: 5 }],
  ["bodyMember", 5, 5, 5],
  ["bodyMember", 12, 5, 12],
  ["bodyMember", 2, 2, 2],
  ["bodyMember", 1, 2, { lessThan: 2 }],
  ["bodyMember", 49, 50, { lessThan: 50 }],
  // Stricter than the registry's old rule, which showed these roles exact numbers.
  ["caseManager", 3, 5, { lessThan: 5 }],
  ["spokesperson", 3, 5, { lessThan: 5 }],
  ["memberAndCaseManager", 3, 5, { lessThan: 5 }],
  ["caseManager", 7, 5, 7],
  // Stricter than the evidence pack's old rule, which counted any coordinator grant.
  ["kommuneCoordinator", 3, 5, { lessThan: 5 }],
  ["admin", 3, 5, { lessThan: 5 }],
  ["guest", 3, 5, { lessThan: 5 }],
];

describe("small counts (A10)", () => {
  it.each(table)("%s, count %i, k %i", (who, count, k, expected) => {
    const actor = viewers[who];
    expect(shownCount({ exact: seesExactCounts(actor), minimumGroupSize: k }, count)).toEqual(expected);
  });

  it("writes a withheld count with the catalogue's words", () => {
    const fewerThan = (k: number) => `weniger als ${k}`;
    const words = { fewerThan, withheld: "nicht ausgewiesen" };
    expect(formatShownCount(7, words)).toBe("7");
    expect(formatShownCount({ lessThan: 5 }, words)).toBe("weniger als 5");
    expect(formatShownCount({ withheld: true }, words)).toBe("nicht ausgewiesen");
  });
});
