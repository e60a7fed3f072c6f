import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { eq } from "drizzle-orm";
import { kommunen, themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { startOfDayInstant } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createBareCases, insertTheme } from "../test/theme-factories";

// A body member must not get a withheld count back as "total minus the counts shown beside it" (A10, k = 5).
describe("counts beside a total cannot be subtracted back", () => {
  let handle: DatabaseHandle;
  let coordinator: Actor;
  let bodyMember: Actor;
  let themeId: string;
  let north: string;
  let south: string;
  let west: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant, kommune, body } = await createTenant(handle.db);
    coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    bodyMember = await createActor(handle.db, tenant.id, [{ role: "body_member", bodyId: body.id }]);
    north = kommune.id;
    const [second, third] = await handle.db
      .insert(kommunen)
      .values([
        { tenantId: tenant.id, name: "Südstadt" },
        { tenantId: tenant.id, name: "Weststadt" },
      ])
      .returning({ id: kommunen.id });
    south = second!.id;
    west = third!.id;
    // Two cases in the north (2025), seven in the south and nine in the west (2026).
    const inNorth = await createBareCases(handle.db, tenant.id, 2, north);
    const inSouth = await createBareCases(handle.db, tenant.id, 7, south);
    const inWest = await createBareCases(handle.db, tenant.id, 9, west);
    const at2025 = startOfDayInstant("2025-06-01");
    const at2026 = startOfDayInstant("2026-06-01");
    themeId = (
      await insertTheme(handle.db, tenant.id, coordinator.userId, {
        title: "Wohnungslosigkeit droht",
        sources: [
          ...inNorth.map((caseId) => ({ caseId, kommuneId: north, createdAt: at2025 })),
          ...inSouth.map((caseId) => ({ caseId, kommuneId: south, createdAt: at2026 })),
          ...inWest.map((caseId) => ({ caseId, kommuneId: west, createdAt: at2026 })),
        ],
      })
    ).id;
    // The theme has been in the registry since the start of 2025.
    await handle.db
      .update(themes)
      .set({ createdAt: startOfDayInstant("2025-01-02") })
      .where(eq(themes.id, themeId));
  });
  afterAll(() => handle.close());

  it("Kommune comparison: the next smallest Kommune is withheld too", async () => {
    const rowOf = async (actor: Actor) => (await callerFor(handle.db, actor).themes.compare()).rows.find((row) => row.id === themeId)!;
    const seen = await rowOf(bodyMember);
    expect(seen.caseCount).toBe(18);
    expect(seen.perKommune).toEqual({ [north]: { lessThan: 5 }, [south]: { withheld: true }, [west]: 9 });
    const exact = await rowOf(coordinator);
    expect([exact.caseCount, exact.perKommune]).toEqual([18, { [north]: 2, [south]: 7, [west]: 9 }]);
  });

  it("annual report: the other years' reports do not give a withheld year away", async () => {
    const rowIn = async (actor: Actor, year: number) =>
      (await callerFor(handle.db, actor).themes.annualReport({ year })).rows.find((row) => row.title === "Wohnungslosigkeit droht")!;
    const in2025 = await rowIn(bodyMember, 2025);
    const in2026 = await rowIn(bodyMember, 2026);
    expect([in2025.casesInYear, in2025.casesTotal, in2025.sourcesInYear]).toEqual([{ lessThan: 5 }, 18, { lessThan: 5 }]);
    expect([in2026.casesInYear, in2026.casesTotal, in2026.sourcesInYear]).toEqual([{ withheld: true }, 18, { withheld: true }]);
    const exact = await rowIn(coordinator, 2026);
    expect([exact.casesInYear, exact.casesTotal, exact.sourcesInYear]).toEqual([16, 18, 16]);
  });
});
