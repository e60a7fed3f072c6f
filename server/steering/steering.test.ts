import { errorCodeOf } from "../test/error-code";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createTenant } from "../test/factories";
import { createTheme } from "../test/theme-factories";
import { createAgendaItem } from "../test/body-factories";
import { setUpSteering, doc } from "./test-fixture";

describe("steering: who may do what", () => {
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

  describe("policy matrix", () => {
    it("lets only the coordination create Vorlagen and record decisions", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const input = { themeId: theme.id, title: "Vorlage Wohnraum", body: doc("Text") };
      for (const actor of [steeringMember, groupMember, caseManager]) {
        expect(await errorCodeOf(callerFor(handle.db, actor).steering.vorlagen.create(input))).toBe("FORBIDDEN");
      }
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).steering.vorlagen.create(input))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, null).steering.vorlagen.create(input))).toBe("UNAUTHORIZED");
      await expect(callerFor(handle.db, coordinator).steering.vorlagen.create(input)).resolves.toMatchObject({ version: 1 });

      const item = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: theme.id });
      const decision = { ...item, outcome: "adopted" as const, text: "Angenommen." };
      for (const actor of [steeringMember, groupMember, caseManager]) {
        expect(await errorCodeOf(callerFor(handle.db, actor).steering.decisions.record(decision))).toBe("FORBIDDEN");
      }
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).steering.decisions.record(decision))).toBe("NOT_FOUND");
    });

    it("lets a working group draft only on themes assigned to it, and hides its proposals from other groups", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const draft = { themeId: theme.id, bodyId: groupId, title: "Wohnungsbörse", body: doc("Eine Börse für große Wohnungen.") };
      expect(await errorCodeOf(callerFor(handle.db, groupMember).steering.proposals.create(draft))).toBe("FORBIDDEN");

      // The Lenkungsgruppe assigns the theme to the group.
      const item = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: theme.id });
      await callerFor(handle.db, coordinator).steering.decisions.record({
        ...item,
        outcome: "adopted",
        text: "Die AG Wohnen erarbeitet Vorschläge.",
        assignments: [{ bodyId: groupId, task: "Lösungsvorschläge erarbeiten", dueDate: "2026-09-30" }],
      });
      const created = await callerFor(handle.db, groupMember).steering.proposals.create(draft);
      expect(await errorCodeOf(callerFor(handle.db, otherGroupMember).steering.proposals.create({ ...draft, bodyId: groupId }))).toBe(
        "FORBIDDEN",
      );
      expect(await errorCodeOf(callerFor(handle.db, otherGroupMember).steering.proposals.submit({ proposalId: created.id }))).toBe(
        "NOT_FOUND",
      );
      expect(await errorCodeOf(callerFor(handle.db, caseManager).steering.proposals.create(draft))).toBe("FORBIDDEN");
      expect(await errorCodeOf(callerFor(handle.db, coordinator).steering.proposals.create({ ...draft, bodyId: tenant.body.id }))).toBe(
        "BAD_REQUEST",
      );
      expect((await callerFor(handle.db, otherGroupMember).steering.proposals.list({})).map((p) => p.id)).not.toContain(created.id);
      expect((await callerFor(handle.db, groupMember).steering.proposals.list({})).map((p) => p.id)).toContain(created.id);

      await callerFor(handle.db, groupMember).steering.proposals.submit({ proposalId: created.id });
      // Submitted proposals are frozen.
      expect(
        await errorCodeOf(
          callerFor(handle.db, groupMember).steering.proposals.update({ proposalId: created.id, title: "Neu", body: doc("x") }),
        ),
      ).toBe("CONFLICT");
      // The theme was already in implementation of the assignment; a proposal does not move it back.
      expect(await statusOf(theme.id)).toBe("in_implementation");
    });

    it("shows decisions to members of the session's body only", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const item = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: theme.id });
      await callerFor(handle.db, coordinator).steering.decisions.record({
        ...item,
        outcome: "postponed",
        text: "Vertagt auf die nächste Sitzung.",
      });
      await expect(callerFor(handle.db, steeringMember).steering.decisions.get(item)).resolves.toMatchObject({
        decision: { outcome: "postponed" },
        abilities: { record: false },
      });
      expect(await errorCodeOf(callerFor(handle.db, groupMember).steering.decisions.get(item))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, caseManager).steering.decisions.get(item))).toBe("FORBIDDEN");
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).steering.decisions.get(item))).toBe("NOT_FOUND");
      // A second decision on the same item is refused.
      expect(
        await errorCodeOf(
          callerFor(handle.db, coordinator).steering.decisions.record({ ...item, outcome: "adopted", text: "Doch angenommen." }),
        ),
      ).toBe("CONFLICT");
    });

    it("lets the assigned group and the coordination report on an assignment, not another group", async () => {
      const theme = await createTheme(handle.db, { coordinator, caseManager, kommuneId: tenant.kommune.id, caseCount: 1 });
      const item = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId: theme.id });
      await callerFor(handle.db, coordinator).steering.decisions.record({
        ...item,
        outcome: "adopted",
        text: "Beschlossen.",
        assignments: [{ bodyId: groupId, task: "Konzept schreiben", dueDate: "2026-08-01" }],
        recommendations: [{ addressee: "Wohnungsamt", text: "Kontingent prüfen", dueDate: "2026-08-01" }],
      });
      const groupItems = await callerFor(handle.db, groupMember).steering.followUps.list({ includeDone: true });
      const assignment = groupItems.find((i) => i.themeId === theme.id)!;
      expect(assignment.kind).toBe("assignment");
      expect(groupItems.some((i) => i.kind === "recommendation")).toBe(false);
      expect((await callerFor(handle.db, otherGroupMember).steering.followUps.list({})).some((i) => i.id === assignment.id)).toBe(false);
      expect(
        await errorCodeOf(
          callerFor(handle.db, otherGroupMember).steering.followUps.report({ assignmentId: assignment.id, status: "done" }),
        ),
      ).toBe("NOT_FOUND");
      expect(
        await errorCodeOf(callerFor(handle.db, caseManager).steering.followUps.report({ assignmentId: assignment.id, status: "done" })),
      ).toBe("FORBIDDEN");
      const recommendation = (await callerFor(handle.db, coordinator).steering.followUps.list({})).find(
        (i) => i.kind === "recommendation" && i.themeId === theme.id,
      )!;
      expect(
        await errorCodeOf(
          callerFor(handle.db, groupMember).steering.followUps.report({ recommendationId: recommendation.id, status: "done" }),
        ),
      ).toBe("NOT_FOUND");
      await expect(
        callerFor(handle.db, groupMember).steering.followUps.report({
          assignmentId: assignment.id,
          status: "in_progress",
          note: "Entwurf liegt vor",
        }),
      ).resolves.toMatchObject({ status: "in_progress" });
    });
  });
});
