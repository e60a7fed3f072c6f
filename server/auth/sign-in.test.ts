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
    await createActor(handle.db, tenant.id, ["case_manager"], { username: "bernd", passwordHash });
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

  it("locks an account after too many failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++)
      expect(await authorizeWithPassword({ username: "bernd", password: `falsch${i}` }, `10.0.1.${i}`)).toBeNull();
    await expect(authorizeWithPassword({ username: "bernd", password }, "10.0.2.1")).rejects.toThrow("RateLimited");
    // The counter is in the database, so every server process on it refuses too.
    const [counter] = await handle.db.select().from(rateLimits).where(eq(rateLimits.key, "sign-in-account:bernd"));
    expect(counter?.points).toBe(5);
    // Other accounts are unaffected.
    expect(await authorizeWithPassword({ username: "anna", password }, "10.0.2.1")).not.toBeNull();
  });

  it("limits one address trying many accounts", async () => {
    for (let i = 0; i < 25; i++) await authorizeWithPassword({ username: `raten${i}`, password: "x" }, "10.9.9.9");
    await expect(authorizeWithPassword({ username: "anna", password }, "10.9.9.9")).rejects.toThrow("RateLimited");
  });
});
