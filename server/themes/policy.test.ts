import { describe, expect, it } from "vitest";
import { actorNamed, type ActorName } from "../test/policy-actors";
import { themeRegistryAbilities, type ThemeRegistryAbilities } from "./policy";

// The registry is tenant-wide (themes compare Kommunen): reading it is open to every role that
// views themes, wherever its grant holds; curating it needs an unscoped grant; body members see
// aggregates only (A10). Another tenant's themes never reach the policy (tenant in every WHERE).
const table: [ActorName, ThemeRegistryAbilities][] = [
  ["coordinator", { view: true, manage: true, seeSources: true }],
  ["coordinator@A", { view: true, manage: false, seeSources: true }],
  ["case_manager", { view: true, manage: false, seeSources: true }],
  ["case_manager@A", { view: true, manage: false, seeSources: true }],
  ["cm_spokesperson", { view: true, manage: false, seeSources: true }],
  ["body_member", { view: true, manage: false, seeSources: false }],
  ["body_member@bodyA", { view: true, manage: false, seeSources: false }],
  ["admin", { view: false, manage: false, seeSources: false }],
  ["admin@A", { view: false, manage: false, seeSources: false }],
  ["network_actor", { view: false, manage: false, seeSources: false }],
  ["guest", { view: false, manage: false, seeSources: false }],
];
const rows = table.flatMap(([name, abilities]) =>
  (Object.keys(abilities) as (keyof ThemeRegistryAbilities)[]).map((action) => [name, action, abilities[action]] as const),
);

describe("theme registry policy", () => {
  it.each(rows)("%s: %s → %s", (name, action, expected) => {
    expect(themeRegistryAbilities(actorNamed(name))[action]).toBe(expected);
  });

  it("shows sources to a body member who also works cases", () => {
    const both = actorNamed("body_member", [
      { role: "body_member", kommuneId: null, bodyId: null },
      { role: "case_manager", kommuneId: null, bodyId: null },
    ]);
    expect(themeRegistryAbilities(both).seeSources).toBe(true);
  });
});
