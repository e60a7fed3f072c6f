import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { tenants } from "@/db/schema";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createBareCases } from "../test/theme-factories";
import { seedThemes } from "./seed-themes";

describe("demo themes", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("seeds eight themes in several statuses once, with near duplicates for the suggestions", async () => {
    const { tenant } = await createTenant(handle.db);
    const coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    await createBareCases(handle.db, tenant.id, 12);
    await seedThemes(handle.db, tenant.id);
    await seedThemes(handle.db, tenant.id);
    const listed = await callerFor(handle.db, coordinator).themes.list();
    expect(listed).toHaveLength(8);
    expect(new Set(listed.map((t) => t.status))).toEqual(new Set(["identified", "reviewed", "parked", "rejected"]));
    expect(listed.every((t) => typeof t.caseCount === "number" && t.caseCount > 0)).toBe(true);
    const duplicates = await callerFor(handle.db, coordinator).themes.duplicates();
    expect(
      duplicates.some(
        (d) =>
          d.themes.some((t) => t.title.startsWith("Sprachkurse ohne")) &&
          d.themes.some((t) => t.title.startsWith("Fehlende Kinderbetreuung")),
      ),
    ).toBe(true);
  });

  it("works on a tenant without cases, conferences or gap reports", async () => {
    const { tenant } = await createTenant(handle.db);
    const coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    await seedThemes(handle.db, tenant.id);
    expect(await callerFor(handle.db, coordinator).themes.list()).toHaveLength(8);
    const [row] = await handle.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(row).toBeTruthy();
  });
});
