import { describe, expect, it } from "vitest";
import { actorNamed, bodyA, bodyB, type ActorName } from "../test/policy-actors";
import { mayManageSessions, mayViewBody } from "../bodies/policy";
import { mayReadPollAnswers } from "./policy";

// Body A with its Projektarbeitsgruppe A1 below it, and an unrelated body B.
const bodyA1 = "00000000-0000-4000-8000-0000000000a3";
const tree = [
  { id: bodyA, parentBodyId: null },
  { id: bodyA1, parentBodyId: bodyA },
  { id: bodyB, parentBodyId: null },
];

const actions = {
  "view sessions of body A": (name: ActorName) => mayViewBody(actorNamed(name), tree, bodyA),
  "view sessions of sub-group A1": (name: ActorName) => mayViewBody(actorNamed(name), tree, bodyA1),
  "view sessions of body B": (name: ActorName) => mayViewBody(actorNamed(name), tree, bodyB),
  "manage sessions": (name: ActorName) => mayManageSessions(actorNamed(name)),
  "read poll answers": (name: ActorName) => mayReadPollAnswers(actorNamed(name)),
} as const;
type Action = keyof typeof actions;
const columns = Object.keys(actions) as Action[];

// Written out by hand: view A, view A1, view B, manage sessions, read poll answers.
const table: [ActorName, ...boolean[]][] = [
  ["coordinator", true, true, true, true, true],
  ["coordinator@A", false, false, false, false, false],
  ["cm_spokesperson", true, true, true, false, false],
  ["body_member", true, true, true, false, false],
  ["body_member@bodyA", true, true, false, false, false],
  ["case_manager", false, false, false, false, false],
  ["case_manager@A", false, false, false, false, false],
  ["admin", false, false, false, false, false],
  ["admin@A", false, false, false, false, false],
  ["network_actor", false, false, false, false, false],
  ["guest", false, false, false, false, false],
];
const rows = table.flatMap(([name, ...expected]) => columns.map((action, index) => [name, action, expected[index]!] as const));

describe("sessions and bodies policy", () => {
  it("has one expected value per action in every row", () => {
    for (const [, ...expected] of table) expect(expected).toHaveLength(columns.length);
  });

  it.each(rows)("%s: %s → %s", (name, action, expected) => {
    expect(actions[action](name)).toBe(expected);
  });

  it("does not show a sub-group's member the parent's sessions", () => {
    const memberOfA1 = actorNamed("body_member", [{ role: "body_member", kommuneId: null, bodyId: bodyA1 }]);
    expect(mayViewBody(memberOfA1, tree, bodyA1)).toBe(true);
    expect(mayViewBody(memberOfA1, tree, bodyA)).toBe(false);
  });
});
