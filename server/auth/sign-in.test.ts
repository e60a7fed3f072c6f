import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, rateLimits } from "@/db/schema";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";
import { authorizeWithPassword } from "../auth-options";
import { hashPassword } from "./password";

describe("password sign-in", () => {
  let handle: DatabaseHandle;
  const password = "korrekte Pferdebatterie";

  beforeAll(async () => {
    process.env.SIGN_IN_ATTEMPTS_PER_15_MINUTES = "5";
    handle = await createTestDatabase();
    (globalThis as { __kimDatabase?: Promise<DatabaseHandle> }).__kimDatabase = Promise.resolve(handle);
    const { tenant } = await createTenant(handle.db);
    const passwordHash = await hashPassword(password);
    await createActor(handle.db, tenant.id, ["case_manager"], { username: "anna", passwordHash });
    for (const username of ["bernd", "carla", "dora"])
      await createActor(handle.db, tenant.id, ["case_manager"], { username, passwordHash });
  });
  afterAll(async () => {
    delete (globalThis as { __kimDatabase?: unknown }).__kimDatabase;
    await handle.close();
  });

  it("signs in with the right password, case-insensitive name, and audits it", async () => {
    const user = await authorizeWithPassword({ username: " Anna ", password }, "10.0.0.1");
    expect(user?.name).toBe("Person anna");
    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user!.id));
    expect(rows.map((r) => r.action)).toContain("auth.sign_in");
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    expect(await authorizeWithPassword({ username: "niemand", password }, "10.0.0.2")).toBeNull();
    expect(await authorizeWithPassword({ username: "anna", password: "falsch" }, "10.0.0.2")).toBeNull();
  });

  it("locks an account at one address after too many failures, even for the right password, but not elsewhere", async () => {
    for (let i = 0; i < 5; i++) expect(await authorizeWithPassword({ username: "bernd", password: `falsch${i}` }, "10.0.1.1")).toBeNull();
    await expect(authorizeWithPassword({ username: "bernd", password }, "10.0.1.1")).rejects.toThrow("RateLimited");
    // The counter is in the database, so every server process on it refuses too.
    const [counter] = await handle.db.select().from(rateLimits).where(eq(rateLimits.key, "sign-in-account-address:bernd|10.0.1.1"));
    expect(counter?.points).toBe(6);
    // A stranger's failures do not lock the person out at their own desk.
    expect(await authorizeWithPassword({ username: "bernd", password }, "10.0.2.1")).not.toBeNull();
    expect(await authorizeWithPassword({ username: "anna", password }, "10.0.1.1")).not.toBeNull();
  });

  it("counts parallel wrong attempts exactly against the budget: no more than five reach the password check", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authorizeWithPassword({ username: "carla", password: `falsch${i}` }, "10.0.3.1")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected" && String(r.reason).includes("RateLimited"))).toHaveLength(15);
    const failed = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failed.filter((row) => (row.details as { username?: string }).username === "carla")).toHaveLength(5);
  });

  it("writes one audit row per account, address and window for refused attempts, not one per attempt", async () => {
    for (let i = 0; i < 30; i++) await authorizeWithPassword({ username: "carla", password: "falsch" }, "10.0.3.1").catch(() => null);
    const blocked = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_blocked"));
    expect(blocked.filter((row) => (row.details as { username?: string }).username === "carla")).toHaveLength(1);
  });

  it("lets a colleague behind the same address in while one person is locked out there", async () => {
    for (let i = 0; i < 8; i++) await authorizeWithPassword({ username: "dora", password: "falsch" }, "10.0.4.1").catch(() => null);
    await expect(authorizeWithPassword({ username: "dora", password }, "10.0.4.1")).rejects.toThrow("RateLimited");
    expect(await authorizeWithPassword({ username: "anna", password }, "10.0.4.1")).not.toBeNull();
  });

  it("limits one address trying many accounts", async () => {
    for (let i = 0; i < 25; i++) await authorizeWithPassword({ username: `raten${i}`, password: "x" }, "10.9.9.9");
    await expect(authorizeWithPassword({ username: "anna", password }, "10.9.9.9")).rejects.toThrow("RateLimited");
  });
});
