import { describe, expect, it } from "vitest";
import { roles, type Role } from "../schemas/roles";
import { allPermissions, permissions, tenantWidePermissions } from "./permissions";
import { can, canSomewhere, reachOf, type Actor } from "./policy";

const tenantId = "00000000-0000-4000-8000-000000000001";
const otherTenantId = "00000000-0000-4000-8000-000000000002";
const kommuneA = "00000000-0000-4000-8000-00000000000a";
const kommuneB = "00000000-0000-4000-8000-00000000000b";
const bodyA = "00000000-0000-4000-8000-0000000000ba";

function actorWith(role: Role, scope: { kommuneId?: string; bodyId?: string } = {}): Actor {
  return {
    userId: "u",
    tenantId,
    displayName: "Test",
    organisationId: null,
    grants: [{ role, kommuneId: scope.kommuneId ?? null, bodyId: scope.bodyId ?? null }],
  };
}

describe("can", () => {
  // The full matrix: every role × every permission, in the own tenant and in another tenant.
  for (const role of roles) {
    for (const permission of allPermissions) {
      const granted = (permissions[permission] as readonly Role[]).includes(role);
      it(`${role} ${granted ? "may" : "may not"} ${permission} in its own tenant, never in another`, () => {
        const actor = actorWith(role);
        expect(can(actor, permission, { tenantId })).toBe(granted);
        expect(can(actor, permission, { tenantId: otherTenantId })).toBe(false);
      });
    }
  }

  it("denies anonymous callers everything", () => {
    for (const permission of allPermissions) expect(can(null, permission, { tenantId })).toBe(false);
  });

  it("limits a Kommune-scoped role to resources of that Kommune", () => {
    const coordinatorOfA = actorWith("coordinator", { kommuneId: kommuneA });
    expect(can(coordinatorOfA, "cases.coordinate", { tenantId, kommuneId: kommuneA })).toBe(true);
    expect(can(coordinatorOfA, "cases.coordinate", { tenantId, kommuneId: kommuneB })).toBe(false);
    expect(can(coordinatorOfA, "cases.coordinate", { tenantId })).toBe(false);
    expect(canSomewhere(coordinatorOfA, "cases.coordinate")).toBe(true);
    expect(reachOf(coordinatorOfA, "cases.coordinate")).toEqual({ everywhere: false, kommuneIds: [kommuneA], bodyIds: [] });
  });

  // Stricter than before, on purpose: tenant-wide business (the steering path, sessions, the audit
  // log, set-up) was open to a Kommune-scoped coordinator wherever only canSomewhere was asked.
  it.each([...tenantWidePermissions])(
    "never grants tenant-wide %s through a Kommune-scoped grant, not even in its Kommune",
    (permission) => {
      for (const role of roles) {
        const scoped = actorWith(role, { kommuneId: kommuneA });
        expect(can(scoped, permission, { tenantId, kommuneId: kommuneA })).toBe(false);
        expect(can(scoped, permission, { tenantId })).toBe(false);
        expect(canSomewhere(scoped, permission)).toBe(false);
      }
    },
  );

  it("limits a body-scoped role to that body", () => {
    const member = actorWith("body_member", { bodyId: bodyA });
    expect(can(member, "bodies.read", { tenantId, bodyId: bodyA })).toBe(true);
    expect(can(member, "bodies.read", { tenantId, bodyId: "00000000-0000-4000-8000-0000000000bb" })).toBe(false);
  });

  it("combines several roles of one person", () => {
    const actor: Actor = {
      ...actorWith("case_manager"),
      grants: [
        { role: "case_manager", kommuneId: null, bodyId: null },
        { role: "admin", kommuneId: null, bodyId: null },
      ],
    };
    expect(can(actor, "users.manage", { tenantId })).toBe(true);
    expect(can(actor, "cases.view", { tenantId })).toBe(true);
  });
});
