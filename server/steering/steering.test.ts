import { errorCodeOf } from "../test/error-code";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { agendaItems, bodySessions, cases, conferences, kommunen, themes, themeSources } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createTenant } from "../test/factories";
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

  /** A theme seen in `caseCount` distinct cases across two Kommunen and two conferences. */
  async function createTheme(caseCount: number) {
    const db = handle.db;
    const [theme] = await db
      .insert(themes)
      .values({
        tenantId: tenant.tenant.id,
        title: `Wohnraum ${randomUUID().slice(0, 6)}`,
        description: doc("Große Familien finden keine Wohnung."),
        createdByUserId: coordinator.userId,
      })
      .returning();
    const [kommune2] = await db
      .insert(kommunen)
      .values({ tenantId: tenant.tenant.id, name: `Kommune ${randomUUID().slice(0, 6)}` })
      .returning();
    const [early, late] = await db
      .insert(conferences)
      .values([
        {
          tenantId: tenant.tenant.id,
          type: "planungskonferenz",
          title: "Planungskonferenz Januar",
          scheduledAt: new Date("2026-01-20T10:00:00Z"),
          createdByUserId: coordinator.userId,
        },
        {
          tenantId: tenant.tenant.id,
          type: "fallrekonstruktion",
          title: "Fallrekonstruktion April",
          scheduledAt: new Date("2026-04-14T10:00:00Z"),
          createdByUserId: coordinator.userId,
        },
      ])
      .returning();
    for (let index = 0; index < caseCount; index++) {
      const [row] = await db
        .insert(cases)
        .values({
          tenantId: tenant.tenant.id,
          pseudonym: `NH-${randomUUID().slice(0, 8)}`,
          accessChannel: "walk_in",
          openedOn: "2026-01-15",
          responsibleUserId: caseManager.userId,
          status: "active",
        })
        .returning({ id: cases.id });
      // Two cards of the same case in different meetings: still one case.
      await db.insert(themeSources).values([
        {
          themeId: theme!.id,
          tenantId: tenant.tenant.id,
          kind: "conference",
          conferenceId: early!.id,
          caseId: row!.id,
          kommuneId: index % 2 ? kommune2!.id : tenant.kommune.id,
          excerpt: `GEHEIM-Karte ${index}`,
        },
        {
          themeId: theme!.id,
          tenantId: tenant.tenant.id,
          kind: "reconstruction",
          conferenceId: late!.id,
          caseId: row!.id,
          kommuneId: tenant.kommune.id,
          excerpt: `GEHEIM-Rekonstruktion ${index}`,
        },
      ]);
    }
    return theme!;
  }

  async function createAgendaItem(themeId: string | null, bodyId = tenant.body.id) {
    const [session] = await handle.db
      .insert(bodySessions)
      .values({
        tenantId: tenant.tenant.id,
        bodyId,
        title: "Sitzung der Lenkungsgruppe",
        scheduledAt: new Date("2026-06-10T14:00:00Z"),
        createdByUserId: coordinator.userId,
      })
      .returning();
    const [item] = await handle.db
      .insert(agendaItems)
      .values({ sessionId: session!.id, position: 1, kind: themeId ? "theme" : "free", title: "TOP 1", themeId })
      .returning();
    return { sessionId: session!.id, agendaItemId: item!.id };
  }

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
      const theme = await createTheme(1);
      const input = { themeId: theme.id, title: "Vorlage Wohnraum", body: doc("Text") };
      for (const actor of [steeringMember, groupMember, caseManager]) {
        expect(await errorCodeOf(callerFor(handle.db, actor).steering.vorlagen.create(input))).toBe("FORBIDDEN");
      }
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).steering.vorlagen.create(input))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, null).steering.vorlagen.create(input))).toBe("UNAUTHORIZED");
      await expect(callerFor(handle.db, coordinator).steering.vorlagen.create(input)).resolves.toMatchObject({ version: 1 });

      const item = await createAgendaItem(theme.id);
      const decision = { ...item, outcome: "adopted" as const, text: "Angenommen." };
      for (const actor of [steeringMember, groupMember, caseManager]) {
        expect(await errorCodeOf(callerFor(handle.db, actor).steering.decisions.record(decision))).toBe("FORBIDDEN");
      }
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).steering.decisions.record(decision))).toBe("NOT_FOUND");
    });

    it("lets a working group draft only on themes assigned to it, and hides its proposals from other groups", async () => {
      const theme = await createTheme(1);
      const draft = { themeId: theme.id, bodyId: groupId, title: "Wohnungsbörse", body: doc("Eine Börse für große Wohnungen.") };
      expect(await errorCodeOf(callerFor(handle.db, groupMember).steering.proposals.create(draft))).toBe("FORBIDDEN");

      // The Lenkungsgruppe assigns the theme to the group.
      const item = await createAgendaItem(theme.id);
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
      const theme = await createTheme(1);
      const item = await createAgendaItem(theme.id);
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
      const theme = await createTheme(1);
      const item = await createAgendaItem(theme.id);
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
