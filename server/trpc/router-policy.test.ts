import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { permissions, type Permission } from "../auth/permissions";
import type { Actor } from "../auth/policy";
import { roles, type Role } from "../schemas/roles";
import { createActor, createTenant } from "../test/factories";
import { createCallerFactory, createTRPCRouter, procedure, type ProcedureMeta } from "./init";
import { appRouter } from "../app-router";
import { createTestDatabase } from "../test/database";
import { errorCodeOf } from "../test/error-code";

type ProcedureDef = { _def: { meta?: ProcedureMeta; type: "query" | "mutation" | "subscription" } };
// tRPC's internal procedure map; the version is pinned in package.json so this shape is stable.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

async function callProcedure(db: DatabaseHandle["db"], actor: Actor | null, path: string, input: unknown) {
  const caller = createCallerFactory(appRouter)({ db, actor, request: { address: "127.0.0.1", userAgent: null } });
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

describe("every tRPC procedure has a policy", () => {
  it("finds procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(10);
  });

  for (const [path, def] of procedures) {
    it(`${path} declares a permission`, () => {
      const permission = def._def.meta?.permission;
      expect(permission, `${path} has no permission in its meta`).toBeDefined();
      if (permission !== "public") expect(Object.keys(permissions)).toContain(permission);
    });
  }

  it("refuses a procedure that was built without a permission (deny by default)", async () => {
    const router = createTRPCRouter({ forgotten: procedure.query(() => "secret") });
    const caller = createCallerFactory(router)({ db: null as never, actor: null, request: { address: "", userAgent: null } });
    await expect(caller.forgotten()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("authorization matrix: every procedure × every role", () => {
  let handle: DatabaseHandle;
  const actors = new Map<Role, Actor>();

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    for (const role of roles) actors.set(role, await createActor(handle.db, tenant.id, [role]));
  });
  afterAll(() => handle.close());

  for (const [path, def] of procedures) {
    const permission = def._def.meta?.permission as Permission | "public";
    if (permission === "public") continue;

    it(`${path}: anonymous callers are refused with UNAUTHORIZED`, async () => {
      expect(await errorCodeOf(callProcedure(handle.db, null, path, {}))).toBe("UNAUTHORIZED");
    });

    for (const role of roles) {
      const allowed = (permissions[permission] as readonly Role[]).includes(role);
      it(`${path}: ${role} is ${allowed ? "let through" : "refused"}`, async () => {
        // An empty input: allowed roles get past the policy (to validation or a result); others stop at it.
        const code = await errorCodeOf(callProcedure(handle.db, actors.get(role)!, path, {}));
        if (allowed) expect(code).not.toBe("FORBIDDEN");
        else expect(code).toBe("FORBIDDEN");
        expect(code).not.toBe("INTERNAL_SERVER_ERROR");
      });
    }
  }
});
