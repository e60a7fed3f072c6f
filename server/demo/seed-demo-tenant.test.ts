import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { cases, tenants } from "@/db/schema";
import { findTamperedAuditEvents } from "../audit/list-audit-events";
import { createTestDatabase } from "../test/database";
import { seedDemoTenant } from "./seed-demo-tenant";

describe("demo tenant", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("creates Kreis Beispiel once, with one user per role and cases in every stage", async () => {
    const credentials = await seedDemoTenant(handle.db, "Demo-Passwort-1234");
    expect(new Set(credentials!.map((c) => c.role))).toEqual(
      new Set(["admin", "coordinator", "case_manager", "cm_spokesperson", "body_member", "network_actor"]),
    );
    const byStatus = await handle.db.select({ status: cases.status, n: count() }).from(cases).groupBy(cases.status);
    expect(Object.fromEntries(byStatus.map((row) => [row.status, row.n]))).toEqual({
      screening: 4,
      intake: 5,
      active: 20,
      not_admitted: 5,
      closed: 6,
    });
    expect(await seedDemoTenant(handle.db)).toBeNull();
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.slug, "kreis-beispiel"));
    expect(await findTamperedAuditEvents(handle.db, tenant!.id)).toEqual([]);
  });
});
