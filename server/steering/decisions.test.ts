import { errorCodeOf } from "../test/error-code";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { agendaItems, decisions, followUpReports, vorlageVersions, themes, themeStatusChanges } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createActor, createTenant } from "../test/factories";
import { seedDecisions } from "../demo/seed-decisions";
import { createTheme } from "../test/theme-factories";
import { createAgendaItem } from "../test/body-factories";
import { setUpSteering, doc } from "./test-fixture";

describe("steering: decisions and follow-up", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let groupId: string;
  let coordinator: Actor;
  let groupMember: Actor;
  let caseManager: Actor;

  async function statusOf(themeId: string) {
    const [row] = await handle.db.select({ status: themes.status }).from(themes).where(eq(themes.id, themeId));
    return row!.status;
  }

  beforeAll(async () => {
    ({ handle, tenant, groupId, coordinator, groupMember, caseManager } = await setUpSteering());
  });
  afterAll(() => handle.close());

  describe("decision → theme status → implemented", () => {
    it("moves the theme through decided, in implementation and implemented, with history", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const coord = callerFor(handle.db, coordinator);
      const vorlage = await coord.steering.vorlagen.create({ themeId: theme.id, title: "Vorlage Umsetzung", body: doc("Text") });
      const item = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: theme.id });
      await handle.db.update(agendaItems).set({ vorlageId: vorlage.id }).where(eq(agendaItems.id, item.agendaItemId));
      await coord.steering.decisions.record({
        ...item,
        outcome: "adopted_with_changes",
        votesFor: 9,
        votesAgainst: 1,
        votesAbstain: 2,
        text: "Angenommen mit der Änderung, dass die Börse kreisweit gilt.",
        assignments: [{ bodyId: groupId, task: "Börse aufbauen", dueDate: "2026-10-01" }],
        recommendations: [
          {
            addressee: "Sozialamt",
            responsibleOrganisationId: tenant.organisation.id,
            text: "Mietobergrenzen prüfen",
            dueDate: "2026-11-01",
          },
        ],
      });
      expect(await statusOf(theme.id)).toBe("in_implementation");
      const shown = await coord.steering.decisions.get(item);
      expect(shown.decision).toMatchObject({ outcome: "adopted_with_changes", votesFor: 9, votesAgainst: 1, votesAbstain: 2 });
      expect(shown.decision!.recommendations[0]).toMatchObject({ addressee: "Sozialamt", organisationName: tenant.organisation.name });
      expect((await coord.steering.vorlagen.get({ vorlageId: vorlage.id })).status).toBe("decided");
      expect(
        await errorCodeOf(
          coord.steering.vorlagen.saveVersion({ vorlageId: vorlage.id, expectedVersion: 1, title: "Vorlage", body: doc("x") }),
        ),
      ).toBe("CONFLICT");

      const items = (await coord.steering.followUps.list({})).filter((i) => i.themeId === theme.id);
      expect(items).toHaveLength(2);
      const assignment = items.find((i) => i.kind === "assignment")!;
      const recommendation = items.find((i) => i.kind === "recommendation")!;
      await expect(
        callerFor(handle.db, groupMember).steering.followUps.report({
          assignmentId: assignment.id,
          status: "done",
          note: "Börse ist online",
        }),
      ).resolves.toMatchObject({ themeImplemented: false });
      expect(await statusOf(theme.id)).toBe("in_implementation");
      await expect(coord.steering.followUps.report({ recommendationId: recommendation.id, status: "done" })).resolves.toMatchObject({
        themeImplemented: true,
      });
      expect(await statusOf(theme.id)).toBe("implemented");
      const history = await handle.db
        .select({ to: themeStatusChanges.toStatus })
        .from(themeStatusChanges)
        .where(eq(themeStatusChanges.themeId, theme.id))
        .orderBy(themeStatusChanges.createdAt);
      expect(history.map((h) => h.to)).toEqual(["vorlage", "decided", "in_implementation", "implemented"]);
      expect((await coord.steering.followUps.list({})).some((i) => i.themeId === theme.id)).toBe(false);
      expect((await coord.steering.followUps.list({ includeDone: true })).find((i) => i.id === assignment.id)!.reports).toMatchObject([
        { status: "done", note: "Börse ist online" },
      ]);
    });

    it("rejects a theme on a rejected decision and leaves it alone when postponed", async () => {
      const rejected = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const postponed = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      await handle.db.update(themes).set({ status: "on_agenda" }).where(eq(themes.id, postponed.id));
      const coord = callerFor(handle.db, coordinator);
      await coord.steering.decisions.record({
        ...(await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: rejected.id })),
        outcome: "rejected",
        text: "Abgelehnt.",
      });
      expect(await statusOf(rejected.id)).toBe("rejected");
      const item = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: postponed.id });
      expect(
        await errorCodeOf(
          coord.steering.decisions.record({
            ...item,
            outcome: "postponed",
            text: "Vertagt.",
            assignments: [{ bodyId: groupId, task: "Etwas tun", dueDate: "2026-10-01" }],
          }),
        ),
      ).toBe("BAD_REQUEST");
      await coord.steering.decisions.record({ ...item, outcome: "postponed", text: "Vertagt." });
      expect(await statusOf(postponed.id)).toBe("on_agenda");
    });

    it("flags overdue items", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      await callerFor(handle.db, coordinator).steering.decisions.record({
        ...(await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: theme.id })),
        outcome: "adopted",
        text: "Beschlossen.",
        assignments: [{ bodyId: groupId, task: "Längst fällig", dueDate: "2020-01-01" }],
      });
      const item = (await callerFor(handle.db, groupMember).steering.followUps.list({})).find((i) => i.themeId === theme.id)!;
      expect(item.isOverdue).toBe(true);
    });
  });

  describe("demo data", () => {
    it("seeds a decision, a proposal, a Vorlage in two versions and a report, even on an empty tenant", async () => {
      const fresh = await createTenant(handle.db);
      const coord = await createActor(handle.db, fresh.tenant.id, ["coordinator"]);
      await seedDecisions(handle.db, fresh.tenant.id);
      const [decision] = await handle.db.select().from(decisions).where(eq(decisions.tenantId, fresh.tenant.id));
      expect(decision).toBeDefined();
      const shown = await callerFor(handle.db, coord).steering.decisions.get({
        sessionId: decision!.sessionId,
        agendaItemId: decision!.agendaItemId,
      });
      expect(shown.decision!.assignments).toHaveLength(1);
      expect(shown.decision!.recommendations).toHaveLength(1);
      const [vorlage] = await callerFor(handle.db, coord).steering.vorlagen.list();
      expect(vorlage!.latestVersion).toBe(2);
      expect(await handle.db.select().from(vorlageVersions).where(eq(vorlageVersions.vorlageId, vorlage!.id))).toHaveLength(2);
      expect(
        await handle.db.select().from(followUpReports).where(eq(followUpReports.assignmentId, shown.decision!.assignments[0]!.id)),
      ).toHaveLength(1);
      // Running it again adds nothing.
      await seedDecisions(handle.db, fresh.tenant.id);
      expect(await handle.db.select().from(decisions).where(eq(decisions.tenantId, fresh.tenant.id))).toHaveLength(1);
    });
  });
});
