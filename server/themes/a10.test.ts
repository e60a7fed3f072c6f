import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { kommunen, tenants } from "@/db/schema";
import { todayInBerlin, yearOf } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createBareCases, insertTheme } from "../test/theme-factories";

/**
 * Numbers a body member may see exactly: they count places, versions, days or votes, not people.
 * Every other number in a response is a count of cases or sources and must be at least k.
 */
const notPersonCounts = new Set([
  "kommuneCount",
  "kommunenInYear",
  "ageDays",
  "version",
  "year",
  "position",
  "votesFor",
  "votesAgainst",
  "votesAbstain",
  "minimumGroupSize",
  "lessThan",
]);

function numbersBelow(value: unknown, k: number, key = "", found: string[] = []): string[] {
  if (typeof value === "number" && !notPersonCounts.has(key) && value < k) found.push(`${key}=${value}`);
  else if (Array.isArray(value)) value.forEach((v) => numbersBelow(v, k, key, found));
  else if (value && typeof value === "object" && !(value instanceof Date))
    for (const [k2, v] of Object.entries(value)) numbersBelow(v, k, k2, found);
  return found;
}

const datasetArb = fc.record({
  k: fc.integer({ min: 2, max: 8 }),
  themes: fc.array(
    fc.record({
      sources: fc.array(fc.record({ caseIndex: fc.option(fc.nat(9), { nil: null }), kommune: fc.nat(2), daysAgo: fc.nat(400) }), {
        maxLength: 12,
      }),
      words: fc.constantFrom("Wohnung", "Sprachkurs", "Kita", "Arzt"),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  filter: fc.record({
    search: fc.option(fc.constantFrom("Wohnung", "Kita", "fehlt"), { nil: undefined }),
    urgency: fc.option(fc.constantFrom("low", "medium", "high" as const), { nil: undefined }),
  }),
});

describe("A10: steering body members see aggregates only", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("never shows a body member a case id, a card's wording or a count below the minimum group size", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (data) => {
        const { tenant, kommune, body } = await createTenant(handle.db);
        await handle.db.update(tenants).set({ minimumGroupSize: data.k }).where(eq(tenants.id, tenant.id));
        const more = await handle.db
          .insert(kommunen)
          .values([
            { tenantId: tenant.id, name: `Ost ${randomBytes(3).toString("hex")}` },
            { tenantId: tenant.id, name: `West ${randomBytes(3).toString("hex")}` },
          ])
          .returning();
        const places = [kommune.id, ...more.map((m) => m.id)];
        const coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
        const member = await createActor(handle.db, tenant.id, [{ role: "body_member", bodyId: body.id }]);
        const caseIds = await createBareCases(handle.db, tenant.id, 10);
        const excerpts: string[] = [];
        const themeIds: string[] = [];
        for (const [i, theme] of data.themes.entries()) {
          const created = await insertTheme(handle.db, tenant.id, coordinator.userId, {
            title: `${theme.words} fehlt ${i}`,
            sources: theme.sources.map((s) => {
              const excerpt = `Kartentext-${randomBytes(6).toString("hex")}`;
              excerpts.push(excerpt);
              return {
                caseId: s.caseIndex === null ? null : caseIds[s.caseIndex]!,
                kommuneId: places[s.kommune]!,
                excerpt,
                createdAt: new Date(Date.now() - s.daysAgo * 86_400_000),
              };
            }),
          });
          themeIds.push(created.id);
        }
        const caller = callerFor(handle.db, member);
        const responses: unknown[] = [
          await caller.themes.list(),
          await caller.themes.list(data.filter),
          await caller.themes.compare(),
          await caller.themes.annualReport({ year: yearOf(todayInBerlin()) }),
          await caller.themes.annualReport({ year: yearOf(todayInBerlin()) - 1 }),
        ];
        for (const themeId of themeIds) {
          responses.push(await caller.themes.get({ themeId }));
          responses.push(await caller.themes.trace({ themeId }));
        }
        const json = JSON.stringify(responses);
        for (const caseId of caseIds) expect(json).not.toContain(caseId);
        for (const excerpt of excerpts) expect(json).not.toContain(excerpt);
        expect(json).not.toContain("Kartentext-");
        expect(numbersBelow(JSON.parse(json), data.k)).toEqual([]);

        // The same data for the coordination: exact counts, so the suppression above is not vacuous.
        const exact = await callerFor(handle.db, coordinator).themes.list();
        for (const [i, theme] of data.themes.entries()) {
          const expected = new Set(theme.sources.map((s) => s.caseIndex).filter((c) => c !== null)).size;
          expect(exact.find((t) => t.id === themeIds[i])!.caseCount).toBe(expected);
        }
      }),
      { numRuns: 30 },
    );
  });
});
