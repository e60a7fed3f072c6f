import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import {
  agendaItems,
  bodies,
  bodySessions,
  cases,
  decisions,
  followUpReports,
  vorlageVersions,
  conferences,
  kommunen,
  tenants,
  themes,
  themeSources,
  themeStatusChanges,
} from "@/db/schema";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { seedDecisions } from "../demo/seed-decisions";
import { diffTexts } from "./vorlagen";
import { errorCodeOf } from "../test/error-code";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("steering: proposals, Vorlagen, decisions and follow-up", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let other: Awaited<ReturnType<typeof createTenant>>;
  let groupId: string;
  let otherGroupId: string;
  let coordinator: Actor;
  let steeringMember: Actor;
  let groupMember: Actor;
  let otherGroupMember: Actor;
  let caseManager: Actor;
  let foreignCoordinator: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    other = await createTenant(handle.db);
    const [group, otherGroup] = await handle.db
      .insert(bodies)
      .values([
        { tenantId: tenant.tenant.id, name: `AG Wohnen ${randomUUID().slice(0, 4)}`, kind: "arbeitsgruppe", parentBodyId: tenant.body.id },
        { tenantId: tenant.tenant.id, name: `FG Sprache ${randomUUID().slice(0, 4)}`, kind: "fachgruppe", parentBodyId: tenant.body.id },
      ])
      .returning();
    groupId = group!.id;
    otherGroupId = otherGroup!.id;
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    steeringMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: tenant.body.id }]);
    groupMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: groupId }]);
    otherGroupMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: otherGroupId }]);
    caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    foreignCoordinator = await createActor(handle.db, other.tenant.id, ["coordinator"]);
  });
  afterAll(() => handle.close());

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

  describe("Vorlagen", () => {
    it("keeps versions, refuses a stale save and shows the word-level diff", async () => {
      const theme = await createTheme(2);
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
      const theme = await createTheme(3);
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
      const theme = await createTheme(1);
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

  describe("decision → theme status → implemented", () => {
    it("moves the theme through decided, in implementation and implemented, with history", async () => {
      const theme = await createTheme(1);
      const coord = callerFor(handle.db, coordinator);
      const vorlage = await coord.steering.vorlagen.create({ themeId: theme.id, title: "Vorlage Umsetzung", body: doc("Text") });
      const item = await createAgendaItem(theme.id);
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
      const rejected = await createTheme(1);
      const postponed = await createTheme(1);
      await handle.db.update(themes).set({ status: "on_agenda" }).where(eq(themes.id, postponed.id));
      const coord = callerFor(handle.db, coordinator);
      await coord.steering.decisions.record({ ...(await createAgendaItem(rejected.id)), outcome: "rejected", text: "Abgelehnt." });
      expect(await statusOf(rejected.id)).toBe("rejected");
      const item = await createAgendaItem(postponed.id);
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
      const theme = await createTheme(1);
      await callerFor(handle.db, coordinator).steering.decisions.record({
        ...(await createAgendaItem(theme.id)),
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
