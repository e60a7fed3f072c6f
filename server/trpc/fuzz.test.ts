import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { findTamperedAuditEvents } from "../audit/list-audit-events";
import type { Actor } from "../auth/policy";
import { roles } from "../schemas/roles";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { appRouter } from "../app-router";

const procedurePaths = Object.keys(appRouter._def.procedures as object);
const expectedRefusals = new Set(["BAD_REQUEST", "NOT_FOUND", "CONFLICT", "FORBIDDEN"]);

const fieldNames = [
  "id",
  "name",
  "kind",
  "kommuneId",
  "username",
  "displayName",
  "email",
  "organisationId",
  "password",
  "grants",
  "isActive",
  "action",
  "cursor",
  "limit",
  "parentBodyId",
  "tenantId",
  "role",
  "__proto__",
];

// Values shaped like real inputs, often almost valid, plus anything at all.
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("kommune", "bezirk", "jobcenter", "fachgruppe", "admin", "javascript:alert(1)", "'; DROP TABLE users; --"),
  fc.array(
    fc.record({
      role: fc.constantFrom(...roles, "superadmin"),
      kommuneId: fc.oneof(fc.uuid(), fc.constant(null), fc.string()),
      bodyId: fc.oneof(fc.uuid(), fc.constant(null)),
    }),
    { maxLength: 3 },
  ),
);
const input = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 7 }));

describe("fuzzing every procedure", () => {
  let handle: DatabaseHandle;
  let actor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    actor = await createActor(handle.db, tenant.id, [...roles]);
  });
  afterAll(() => handle.close());

  for (const path of procedurePaths) {
    it(`${path} answers random input with success or a clear refusal, never a server error`, async () => {
      const caller = callerFor(handle.db, actor);
      const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      await fc.assert(
        fc.asyncProperty(input, async (candidate) => {
          try {
            await fn(candidate);
          } catch (error) {
            expect(error).toBeInstanceOf(TRPCError);
            expect(expectedRefusals, `${path}: ${(error as TRPCError).code} ${(error as Error).message}`).toContain(
              (error as TRPCError).code,
            );
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it("leaves the audit chain intact", async () => {
    expect(await findTamperedAuditEvents(handle.db, actor.tenantId)).toEqual([]);
  });
});
