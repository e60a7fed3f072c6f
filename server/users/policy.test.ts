import { describe, expect, it } from "vitest";
import type { RoleGrant } from "../auth/policy";
import { actorNamed, bodyA, kommuneA, type ActorName } from "../test/policy-actors";
import { administrationAbilities, keepsUserManagement, type AdministrationAbilities } from "./policy";

// User and tenant administration. Changing either is tenant-wide business: only an unscoped grant.
const table: [ActorName, AdministrationAbilities][] = [
  ["admin", { readUsers: true, manageUsers: true, readTenancy: true, manageTenancy: true }],
  ["admin@A", { readUsers: true, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["coordinator", { readUsers: true, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["coordinator@A", { readUsers: true, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["case_manager", { readUsers: false, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["case_manager@A", { readUsers: false, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["cm_spokesperson", { readUsers: false, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["body_member", { readUsers: false, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["body_member@bodyA", { readUsers: false, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["network_actor", { readUsers: false, manageUsers: false, readTenancy: true, manageTenancy: false }],
  ["guest", { readUsers: false, manageUsers: false, readTenancy: false, manageTenancy: false }],
];
const rows = table.flatMap(([name, abilities]) =>
  (Object.keys(abilities) as (keyof AdministrationAbilities)[]).map((action) => [name, action, abilities[action]] as const),
);

const grant = (role: RoleGrant["role"], scope: Partial<RoleGrant> = {}): RoleGrant => ({ role, kommuneId: null, bodyId: null, ...scope });
const ownGrantsAfterEdit: [string, RoleGrant[], boolean][] = [
  ["admin kept", [grant("admin")], true],
  ["admin kept beside another role", [grant("coordinator"), grant("admin")], true],
  ["admin dropped", [grant("coordinator")], false],
  ["admin narrowed to a Kommune", [grant("admin", { kommuneId: kommuneA })], false],
  ["admin narrowed to a body", [grant("admin", { bodyId: bodyA })], false],
  ["no grants at all", [], false],
];

describe("administration policy", () => {
  it.each(rows)("%s: %s → %s", (name, action, expected) => {
    expect(administrationAbilities(actorNamed(name))[action]).toBe(expected);
  });

  it.each(ownGrantsAfterEdit)("an admin editing their own grants, %s, keeps user management → %s", (_case, grants, expected) => {
    expect(keepsUserManagement(actorNamed("admin"), grants)).toBe(expected);
  });
});
