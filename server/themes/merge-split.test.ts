import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { themeSources, themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createBareCases, insertTheme } from "../test/theme-factories";
import { errorCodeOf } from "../test/error-code";

type Op =
  { kind: "merge"; target: number; merged: number } | { kind: "undo"; merge: number } | { kind: "split"; theme: number; mask: boolean[] };

const datasetArb = fc.record({
  // Each theme's sources, each pointing at one of a few cases or at none (a report without a case).
  themes: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: 0, maxLength: 4 }), {
    minLength: 2,
    maxLength: 4,
  }),
  ops: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("merge" as const), target: fc.nat(7), merged: fc.nat(7) }),
      fc.record({ kind: fc.constant("undo" as const), merge: fc.nat(7) }),
      fc.record({ kind: fc.constant("split" as const), theme: fc.nat(7), mask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }) }),
    ),
    { maxLength: 8 },
  ),
});

describe("merging, splitting and undoing keep provenance and case counts exact", () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("follows a model of every source's theme through any sequence of merges, splits and undos", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async ({ themes: shape, ops }) => {
        const { tenant } = await createTenant(handle.db);
        const coordinator: Actor = await createActor(handle.db, tenant.id, ["coordinator"]);
        const caller = callerFor(handle.db, coordinator);
        const caseIds = await createBareCases(handle.db, tenant.id, 5);

        // The model: where each source is, which themes are merged where, and the merges made.
        const sourceTheme = new Map<string, string>();
        const sourceCase = new Map<string, string | null>();
        const mergedInto = new Map<string, string | null>();
        const themeIds: string[] = [];
        for (const [i, sources] of shape.entries()) {
          const created = await insertTheme(handle.db, tenant.id, coordinator.userId, {
            title: `Thema ${i}`,
            sources: sources.map((c) => ({ caseId: c === null ? null : caseIds[c]! })),
          });
          themeIds.push(created.id);
          mergedInto.set(created.id, null);
          created.sourceIds.forEach((sourceId, j) => {
            sourceTheme.set(sourceId, created.id);
            sourceCase.set(sourceId, sources[j] === null ? null : caseIds[sources[j]!]!);
          });
        }
        const merges: { id: string; target: string; merged: string; moved: string[]; undone: boolean }[] = [];
        const sourcesOf = (themeId: string) =>
          [...sourceTheme]
            .filter(([, t]) => t === themeId)
            .map(([s]) => s)
            .sort();

        for (const op of ops as Op[]) {
          if (op.kind === "merge") {
            const target = themeIds[op.target % themeIds.length]!;
            const merged = themeIds[op.merged % themeIds.length]!;
            if (target === merged) continue;
            const expectedRefusal = mergedInto.get(target) || mergedInto.get(merged) ? "CONFLICT" : null;
            let mergeId = "";
            const code = await errorCodeOf(
              caller.themes.merge({ targetThemeId: target, mergedThemeId: merged }).then((r) => void (mergeId = r.mergeId)),
            );
            expect(code).toBe(expectedRefusal);
            if (code) continue;
            const moved = sourcesOf(merged);
            for (const s of moved) sourceTheme.set(s, target);
            mergedInto.set(merged, target);
            merges.push({ id: mergeId, target, merged, moved, undone: false });
          } else if (op.kind === "undo") {
            if (merges.length === 0) continue;
            const merge = merges[op.merge % merges.length]!;
            const expectedRefusal = merge.undone || merge.moved.some((s) => sourceTheme.get(s) !== merge.target) ? "CONFLICT" : null;
            expect(await errorCodeOf(caller.themes.undoMerge({ mergeId: merge.id }))).toBe(expectedRefusal);
            if (expectedRefusal) continue;
            for (const s of merge.moved) sourceTheme.set(s, merge.merged);
            mergedInto.set(merge.merged, null);
            merge.undone = true;
          } else {
            const origin = themeIds[op.theme % themeIds.length]!;
            const own = sourcesOf(origin);
            const picked = own.filter((_, i) => op.mask[i]);
            if (picked.length === 0) continue;
            const expectedRefusal = mergedInto.get(origin) ? "CONFLICT" : picked.length === own.length ? "CONFLICT" : null;
            let newId = "";
            const code = await errorCodeOf(
              caller.themes
                .split({ themeId: origin, sourceIds: picked, title: `Teil von ${op.theme}` })
                .then((r) => void (newId = r.themeId)),
            );
            expect(code).toBe(expectedRefusal);
            if (code) continue;
            themeIds.push(newId);
            mergedInto.set(newId, null);
            for (const s of picked) sourceTheme.set(s, newId);
          }

          // After every step: each source sits where the model says, and counts are distinct cases.
          const stored = await handle.db
            .select({ id: themeSources.id, themeId: themeSources.themeId })
            .from(themeSources)
            .where(eq(themeSources.tenantId, tenant.id));
          expect(new Map(stored.map((s) => [s.id, s.themeId]))).toEqual(sourceTheme);
          const flags = await handle.db
            .select({ id: themes.id, mergedIntoThemeId: themes.mergedIntoThemeId })
            .from(themes)
            .where(eq(themes.tenantId, tenant.id));
          expect(new Map(flags.map((f) => [f.id, f.mergedIntoThemeId]))).toEqual(mergedInto);
          const listed = await caller.themes.list();
          const visible = themeIds.filter((id) => !mergedInto.get(id));
          expect(listed.map((t) => t.id).sort()).toEqual([...visible].sort());
          for (const theme of listed) {
            const expectedCases = new Set(
              sourcesOf(theme.id)
                .map((s) => sourceCase.get(s))
                .filter(Boolean),
            ).size;
            expect(theme.caseCount).toBe(expectedCases);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("restores every source's theme exactly when a merge is undone", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(3), { maxLength: 5 }), fc.array(fc.nat(3), { maxLength: 5 }), async (a, b) => {
        const { tenant } = await createTenant(handle.db);
        const coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
        const caseIds = await createBareCases(handle.db, tenant.id, 4);
        const target = await insertTheme(handle.db, tenant.id, coordinator.userId, {
          title: "Ziel",
          sources: a.map((c) => ({ caseId: caseIds[c] })),
        });
        const merged = await insertTheme(handle.db, tenant.id, coordinator.userId, {
          title: "Dublette",
          sources: b.map((c) => ({ caseId: caseIds[c] })),
        });
        const snapshot = async () =>
          new Map((await handle.db.select().from(themeSources).where(eq(themeSources.tenantId, tenant.id))).map((s) => [s.id, s.themeId]));
        const before = await snapshot();
        const caller = callerFor(handle.db, coordinator);
        const { mergeId, movedSources } = await caller.themes.merge({ targetThemeId: target.id, mergedThemeId: merged.id });
        expect(movedSources).toBe(b.length);
        const combined = (await caller.themes.list()).find((t) => t.id === target.id)!;
        expect(combined.caseCount).toBe(new Set([...a, ...b]).size);
        await caller.themes.undoMerge({ mergeId });
        expect(await snapshot()).toEqual(before);
        const [restored] = await handle.db.select().from(themes).where(eq(themes.id, merged.id));
        expect(restored!.mergedIntoThemeId).toBeNull();
        expect(await errorCodeOf(caller.themes.undoMerge({ mergeId }))).toBe("CONFLICT");
        const history = (await caller.themes.get({ themeId: merged.id })).steps.map((s) => s.note);
        expect(history).toEqual(["", "Zusammengeführt in „Ziel“.", "Zusammenführung in „Ziel“ rückgängig gemacht."]);
      }),
      { numRuns: 20 },
    );
  });
});
