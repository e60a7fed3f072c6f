import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { tenants } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { seedDemoTenant } from "../demo/seed-demo-tenant";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor } from "../test/factories";

describe("demo offers of Kreis Beispiel", () => {
  let handle: DatabaseHandle;
  let coordinator: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoTenant(handle.db, "Demo-Passwort-fuer-Tests-2026");
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.slug, "kreis-beispiel"));
    coordinator = await createActor(handle.db, tenant!.id, ["coordinator"]);
  });
  afterAll(() => handle.close());

  it("seeds the directory with one deliberate duplicate, one provider overlap and visible gaps", async () => {
    const caller = callerFor(handle.db, coordinator);
    const listed = await caller.offers.list({});
    expect(listed.offers).toHaveLength(16);
    expect((await caller.offers.list({ includeInactive: true })).offers).toHaveLength(17);
    const candidates = await caller.offers.duplicateCandidates();
    expect(candidates.map((candidate) => [candidate.reason, candidate.offers.map((o) => o.title).sort()])).toEqual([
      ["sameTitle", ["Migrationsberatung für erwachsene Zugewanderte (MBE)", "Migrationsberatung für erwachsene Zugewanderte – MBE"]],
      ["sameProviderLifeArea", ["Berufssprachkurs B1/B2", "Integrationskurs mit Alphabetisierung"]],
    ]);
    const coverage = await caller.offers.coverage();
    const amSee = coverage.kommunen.find((kommune) => kommune.name === "Am See")!;
    expect(coverage.cells.filter((cell) => cell.kommuneId === amSee.id).every((cell) => cell.activeOffers === 0)).toBe(true);
    expect(coverage.cells.find((cell) => cell.lifeArea === "legal_status" && cell.kommuneId === null)!.activeOffers).toBe(3);
  });
});
