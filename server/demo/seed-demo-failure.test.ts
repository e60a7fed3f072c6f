import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, tenants, users } from "@/db/schema";
import { verifyPassword } from "../auth/password";
import { createTestDatabase, type TestDatabaseHandle } from "../test/database";
import { seedDemoTenant } from "./seed-demo-tenant";

describe("demo tenant seed", () => {
  let handle: TestDatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("leaves nothing behind when it fails half-way, so the next start seeds the tenant again and shows its passwords", async () => {
    const owner = await handle.asOwner();
    // The last step (the running meetings) fails, as a full disk or a killed process would.
    await owner.execute(
      sql`CREATE FUNCTION demo_seed_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await owner.execute(sql`CREATE TRIGGER demo_seed_fails BEFORE INSERT ON conferences FOR EACH ROW EXECUTE FUNCTION demo_seed_fails()`);
    await expect(seedDemoTenant(handle.db, "Demo-Passwort-1234")).rejects.toThrow();
    expect(await handle.db.select({ id: tenants.id }).from(tenants)).toEqual([]);
    expect(await handle.db.select({ id: users.id }).from(users)).toEqual([]);
    expect(await handle.db.select({ id: cases.id }).from(cases)).toEqual([]);

    await owner.execute(sql`DROP TRIGGER demo_seed_fails ON conferences`);
    const credentials = await seedDemoTenant(handle.db, "Demo-Passwort-1234");
    expect(credentials?.map((c) => c.username).sort()).toEqual(
      ["admin", "casemanagement", "cm-nordheim", "cm-sprecherin", "koordination", "lenkungsgruppe", "netzwerk"].sort(),
    );
    // Every demo user signs in with the demo password, and with nothing else.
    const rows = await handle.db.select({ username: users.username, passwordHash: users.passwordHash }).from(users);
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(await verifyPassword(row.passwordHash, "Demo-Passwort-1234")).toBe(true);
      expect(await verifyPassword(row.passwordHash, "Demo-Passwort-1235")).toBe(false);
    }
  }, 300_000);
});
