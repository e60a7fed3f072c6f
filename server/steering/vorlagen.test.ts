import { errorCodeOf } from "../test/error-code";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { tenants, themes, themeSources } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createTenant } from "../test/factories";
import { diffTexts } from "./vorlagen";
import { createTheme } from "../test/theme-factories";
import { setUpSteering, doc } from "./test-fixture";

describe("steering: Vorlagen", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let groupId: string;
  let coordinator: Actor;
  let steeringMember: Actor;
  let groupMember: Actor;
  let otherGroupMember: Actor;
  let caseManager: Actor;
  let foreignCoordinator: Actor;

  async function statusOf(themeId: string) {
    const [row] = await handle.db.select({ status: themes.status }).from(themes).where(eq(themes.id, themeId));
    return row!.status;
  }

  beforeAll(async () => {
    ({ handle, tenant, groupId, coordinator, steeringMember, groupMember, otherGroupMember, caseManager, foreignCoordinator } =
      await setUpSteering());
  });
  afterAll(() => handle.close());

  describe("Vorlagen", () => {
    it("keeps versions, refuses a stale save and shows the word-level diff", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 2 });
      const coord = callerFor(handle.db, coordinator);
      const { id } = await coord.steering.vorlagen.create({
        themeId: theme.id,
        title: "Vorlage Wohnraum",
        body: doc("Die Stadt richtet eine Wohnungsbörse ein."),
      });
      expect(await statusOf(theme.id)).toBe("vorlage");
      await expect(
        coord.steering.vorlagen.saveVersion({
          vorlageId: id,
          expectedVersion: 1,
          title: "Vorlage Wohnraum",
          body: doc("Die Stadt richtet bis Ende 2026 eine Wohnungsbörse ein."),
        }),
      ).resolves.toMatchObject({ version: 2 });
      // The editor that still shows version 1 may not overwrite version 2.
      expect(
        await errorCodeOf(coord.steering.vorlagen.saveVersion({ vorlageId: id, expectedVersion: 1, title: "X Vorlage", body: doc("Alt") })),
      ).toBe("CONFLICT");
      expect(
        await errorCodeOf(
          coord.steering.vorlagen.saveVersion({
            vorlageId: id,
            expectedVersion: 2,
            title: "Vorlage",
            body: { type: "doc", content: [{ type: "script", text: "x" }] },
          }),
        ),
      ).toBe("BAD_REQUEST");
      const vorlage = await coord.steering.vorlagen.get({ vorlageId: id });
      expect(vorlage.versions.map((v) => v.version)).toEqual([1, 2]);
      const diff = await coord.steering.vorlagen.diff({ vorlageId: id, from: 1, to: 2 });
      expect(diff.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["bis Ende 2026"]);
      expect(diff.parts.filter((p) => p.kind === "removed")).toEqual([]);
    });

    it("diffs words, not characters", () => {
      expect(diffTexts("Kinderbetreuung fehlt", "Kinderbetreuung fehlt oft")).toEqual([
        { kind: "same", text: "Kinderbetreuung fehlt " },
        { kind: "added", text: "oft" },
      ]);
    });

    it("builds an exact evidence pack and coarsens small counts for body members (A10)", async () => {
      await handle.db.update(tenants).set({ minimumGroupSize: 5 }).where(eq(tenants.id, tenant.tenant.id));
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 3 });
      const coord = callerFor(handle.db, coordinator);
      const { id } = await coord.steering.vorlagen.create({ themeId: theme.id, title: "Vorlage Belege", body: doc("Text") });
      const exact = (await coord.steering.vorlagen.get({ vorlageId: id })).current!.evidence;
      expect(exact.caseCount).toEqual(3);
      expect(exact.kommuneCount).toEqual(2);
      expect(exact.sourceCount).toEqual(6);
      expect(exact.conferences.map((c) => [c.title, c.sources])).toEqual([
        ["Planungskonferenz Januar", 3],
        ["Fallrekonstruktion April", 3],
      ]);
      expect(exact.quarters).toEqual([
        { quarter: "2026-Q1", sources: 3 },
        { quarter: "2026-Q2", sources: 3 },
      ]);
      expect(exact.statusHistory.at(-1)).toMatchObject({ to: "vorlage" });

      const shown = await callerFor(handle.db, steeringMember).steering.vorlagen.get({ vorlageId: id });
      expect(shown.current!.evidence.caseCount).toEqual({ lessThan: 5 });
      expect(shown.current!.evidence.sourceCount).toBe(6);
      expect(shown.current!.evidence.quarters.map((q) => q.sources)).toEqual([{ lessThan: 5 }, { lessThan: 5 }]);
      const serialised = JSON.stringify(shown);
      expect(serialised).not.toContain("GEHEIM");
      const caseIds = (
        await handle.db.select({ caseId: themeSources.caseId }).from(themeSources).where(eq(themeSources.themeId, theme.id))
      ).map((r) => r.caseId!);
      for (const caseId of caseIds) expect(serialised).not.toContain(caseId);
      // A member of an unrelated working group does not read the Vorlage at all.
      expect(await errorCodeOf(callerFor(handle.db, otherGroupMember).steering.vorlagen.get({ vorlageId: id }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, caseManager).steering.vorlagen.get({ vorlageId: id }))).toBe("FORBIDDEN");
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).steering.vorlagen.get({ vorlageId: id }))).toBe("NOT_FOUND");
    });

    it("turns a submitted proposal into a Vorlage and marks the proposal", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const coord = callerFor(handle.db, coordinator);
      const proposal = await coord.steering.proposals.create({
        themeId: theme.id,
        bodyId: groupId,
        title: "Vorschlag",
        body: doc("Vorschlagstext"),
      });
      await coord.steering.proposals.submit({ proposalId: proposal.id });
      expect(await statusOf(theme.id)).toBe("proposal_in_work");
      await coord.steering.vorlagen.create({ proposalId: proposal.id, title: "Vorlage aus Vorschlag", body: doc("Vorschlagstext") });
      const [listed] = await coord.steering.proposals.list({ themeId: theme.id });
      expect(listed).toMatchObject({ status: "in_vorlage", abilities: { makeVorlage: false } });
      expect(await statusOf(theme.id)).toBe("vorlage");
      // The group whose proposal it was reads the Vorlage.
      expect((await callerFor(handle.db, groupMember).steering.vorlagen.list()).some((v) => v.themeId === theme.id)).toBe(true);
    });
  });
});
