import { describe, expect, it } from "vitest";
import { actorNamed, type ActorName } from "../test/policy-actors";
import { auditAbilities } from "./policy";

// The audit log is the tenant's, whole: an unscoped admin or coordinator reads it; a grant scoped
// to one Kommune does not (stricter than before, when any coordinator grant was enough).
const table: [ActorName, boolean][] = [
  ["admin", true],
  ["admin@A", false],
  ["coordinator", true],
  ["coordinator@A", false],
  ["case_manager", false],
  ["case_manager@A", false],
  ["cm_spokesperson", false],
  ["body_member", false],
  ["body_member@bodyA", false],
  ["network_actor", false],
  ["guest", false],
];

describe("audit policy", () => {
  it.each(table)("%s: read the audit log → %s", (name, expected) => {
    expect(auditAbilities(actorNamed(name)).read).toBe(expected);
  });
});
