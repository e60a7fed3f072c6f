import { describe, expect, it } from "vitest";
import { actorNamed, bodyA, bodyB, type ActorName } from "../test/policy-actors";
import { mayReportOn, proposalAbilities, steeringViewerOf } from "./policy";

// A draft proposal of body A (the actor's own group when scoped to it), one of body B, a submitted
// one of body A, an assignment to body A or B, a recommendation to the administration. Another
// tenant's items never reach the policy: every steering query has the tenant in its WHERE clause
// (steering.test.ts asks a foreign coordinator and gets NOT_FOUND).
const actions = {
  "read as coordination": (name: ActorName) => steeringViewerOf(actorNamed(name)).isCoordination,
  "member of body A": (name: ActorName) => steeringViewerOf(actorNamed(name)).memberBodyIds.has(bodyA),
  "member of body B": (name: ActorName) => steeringViewerOf(actorNamed(name)).memberBodyIds.has(bodyB),
  "edit own group's draft": (name: ActorName) =>
    proposalAbilities(steeringViewerOf(actorNamed(name)), { bodyId: bodyA, status: "draft" }).edit,
  "submit own group's draft": (name: ActorName) =>
    proposalAbilities(steeringViewerOf(actorNamed(name)), { bodyId: bodyA, status: "draft" }).submit,
  "edit other group's draft": (name: ActorName) =>
    proposalAbilities(steeringViewerOf(actorNamed(name)), { bodyId: bodyB, status: "draft" }).edit,
  "edit a submitted proposal": (name: ActorName) =>
    proposalAbilities(steeringViewerOf(actorNamed(name)), { bodyId: bodyA, status: "submitted" }).edit,
  "make a Vorlage": (name: ActorName) =>
    proposalAbilities(steeringViewerOf(actorNamed(name)), { bodyId: bodyA, status: "submitted" }).makeVorlage,
  "report on own body's assignment": (name: ActorName) =>
    mayReportOn(steeringViewerOf(actorNamed(name)), { kind: "assignment", bodyId: bodyA }),
  "report on other body's assignment": (name: ActorName) =>
    mayReportOn(steeringViewerOf(actorNamed(name)), { kind: "assignment", bodyId: bodyB }),
  "report on a recommendation": (name: ActorName) => mayReportOn(steeringViewerOf(actorNamed(name)), { kind: "recommendation" }),
} as const;
type Action = keyof typeof actions;

// Written out by hand, one column per action above, in that order.
const columns = Object.keys(actions) as Action[];
const table: [ActorName, ...boolean[]][] = [
  // read as coordination, member of A, member of B, edit A draft, submit A draft, edit B draft,
  // edit submitted, make Vorlage, report A assignment, report B assignment, report recommendation
  ["coordinator", true, false, false, true, true, true, false, true, true, true, true],
  ["coordinator@A", false, false, false, false, false, false, false, false, false, false, false],
  ["body_member@bodyA", false, true, false, true, true, false, false, false, true, false, false],
  ["body_member", false, false, false, false, false, false, false, false, false, false, false],
  ["case_manager", false, false, false, false, false, false, false, false, false, false, false],
  ["case_manager@A", false, false, false, false, false, false, false, false, false, false, false],
  ["cm_spokesperson", false, false, false, false, false, false, false, false, false, false, false],
  ["admin", false, false, false, false, false, false, false, false, false, false, false],
  ["network_actor", false, false, false, false, false, false, false, false, false, false, false],
  ["guest", false, false, false, false, false, false, false, false, false, false, false],
];
const rows = table.flatMap(([name, ...expected]) => columns.map((action, index) => [name, action, expected[index]!] as const));

describe("steering policy", () => {
  it("has one expected value per action in every row", () => {
    for (const [, ...expected] of table) expect(expected).toHaveLength(columns.length);
  });

  it.each(rows)("%s: %s → %s", (name, action, expected) => {
    expect(actions[action](name)).toBe(expected);
  });

  it("makes no Vorlage twice of a proposal already in one", () => {
    expect(proposalAbilities(steeringViewerOf(actorNamed("coordinator")), { bodyId: bodyA, status: "in_vorlage" }).makeVorlage).toBe(false);
  });
});
