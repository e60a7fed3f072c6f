import { TRPCError } from "@trpc/server";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import * as Y from "yjs";
import {
  agendaItems,
  assignments,
  auditEvents,
  bodies,
  bodyExternalMembers,
  bodySessions,
  decisions,
  roleAssignments,
  themes,
  themeStatusChanges,
} from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { applySharedDocumentUpdate } from "../shared-documents/apply-document-update";
import { readSharedDocumentText } from "../shared-documents/rich-text";
import { minutesDocumentAccess } from "./minutes-document";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { typeAtEnd } from "../test/typing";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A Yjs update that writes `text` into an empty document, as the editor would. */
function typed(text: string): Uint8Array {
  const ydoc = new Y.Doc();
  typeAtEnd(ydoc, text);
  return Y.encodeStateAsUpdate(ydoc);
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : "NON_TRPC_ERROR";
  }
}

describe("body sessions, agendas, minutes and case manager polls", () => {
  let handle: DatabaseHandle;
  let tenantId: string;
  let kommuneId: string;
  let organisationId: string;
  let lenkungsgruppe: string;
  let arbeitsgruppe: string;
  let projektgruppe: string;
  let coordinator: Actor;
  let memberL: Actor;
  let memberA: Actor;
  let memberP: Actor;
  let cm: Actor;
  let spokesperson: Actor;
  let admin: Actor;
  let foreignCoordinator: Actor;
  let themeId: string;
  let sessionL: string;
  let sessionA: string;
  let sessionP: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    tenantId = tenant.tenant.id;
    kommuneId = tenant.kommune.id;
    organisationId = tenant.organisation.id;
    lenkungsgruppe = tenant.body.id;
    const [a] = await handle.db.insert(bodies).values({ tenantId, name: "Arbeitsgruppe Wohnen", kind: "arbeitsgruppe" }).returning();
    arbeitsgruppe = a!.id;
    const [p] = await handle.db
      .insert(bodies)
      .values({ tenantId, name: "PAG Wohnungsvermittlung", kind: "projektarbeitsgruppe", parentBodyId: arbeitsgruppe })
      .returning();
    projektgruppe = p!.id;
    coordinator = await createActor(handle.db, tenantId, ["coordinator"]);
    memberL = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: lenkungsgruppe }]);
    memberA = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: arbeitsgruppe }]);
    memberP = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: projektgruppe }]);
    cm = await createActor(handle.db, tenantId, ["case_manager"]);
    spokesperson = await createActor(handle.db, tenantId, ["cm_spokesperson"]);
    admin = await createActor(handle.db, tenantId, ["admin"]);
    foreignCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
    const [theme] = await handle.db
      .insert(themes)
      .values({
        tenantId,
        title: "Bezahlbarer Wohnraum fehlt",
        description: doc("Große Familien finden keine Wohnung."),
        createdByUserId: coordinator.userId,
      })
      .returning();
    themeId = theme!.id;
    const plan = (bodyId: string, title: string, scheduledAt: string) =>
      callerFor(handle.db, coordinator).sessions.plan({ bodyId, title, scheduledAt: new Date(scheduledAt), place: "Kreishaus" });
    sessionL = (await plan(lenkungsgruppe, "Lenkungsgruppe März", "2026-03-10T15:00:00Z")).id;
    sessionA = (await plan(arbeitsgruppe, "AG Wohnen Februar", "2026-02-10T15:00:00Z")).id;
    sessionP = (await plan(projektgruppe, "PAG Februar", "2026-02-12T15:00:00Z")).id;
  });
  afterAll(() => handle.close());

  describe("who may see and change a session", () => {
    it("lets the coordination, the body's members and the CM spokesperson read it", async () => {
      for (const actor of [coordinator, memberL, spokesperson]) {
        expect((await callerFor(handle.db, actor).sessions.get({ sessionId: sessionL })).session.title).toBe("Lenkungsgruppe März");
      }
    });

    it("hides it from members of another body and from another tenant, and refuses case managers and admins", async () => {
      expect(await codeOf(callerFor(handle.db, memberA).sessions.get({ sessionId: sessionL }))).toBe("NOT_FOUND");
      expect(await codeOf(callerFor(handle.db, foreignCoordinator).sessions.get({ sessionId: sessionL }))).toBe("NOT_FOUND");
      expect(await codeOf(callerFor(handle.db, cm).sessions.get({ sessionId: sessionL }))).toBe("FORBIDDEN");
      expect(await codeOf(callerFor(handle.db, admin).sessions.get({ sessionId: sessionL }))).toBe("FORBIDDEN");
    });

    it("shows a group's members its sub-groups' sessions, but not the other way round", async () => {
      const ofA = (await callerFor(handle.db, memberA).sessions.list()).map((s) => s.id);
      expect(ofA).toEqual(expect.arrayContaining([sessionA, sessionP]));
      expect(ofA).not.toContain(sessionL);
      const ofP = (await callerFor(handle.db, memberP).sessions.list()).map((s) => s.id);
      expect(ofP).toEqual([sessionP]);
      expect(await codeOf(callerFor(handle.db, memberP).sessions.get({ sessionId: sessionA }))).toBe("NOT_FOUND");
    });

    it("lets only the coordination change anything", async () => {
      for (const actor of [memberL, spokesperson, cm]) {
        const caller = callerFor(handle.db, actor);
        expect(await codeOf(caller.sessions.addAgendaItem({ sessionId: sessionL, kind: "free", title: "Verschiedenes", notes: "" }))).toBe(
          "FORBIDDEN",
        );
        expect(await codeOf(caller.sessions.plan({ bodyId: lenkungsgruppe, title: "Heimlich", scheduledAt: new Date(), place: "" }))).toBe(
          "FORBIDDEN",
        );
        expect(
          await codeOf(caller.bodies.addExternalMember({ bodyId: lenkungsgruppe, name: "Eva Extern", organisationName: "", function: "" })),
        ).toBe("FORBIDDEN");
      }
      expect(
        await codeOf(
          callerFor(handle.db, foreignCoordinator).sessions.plan({
            bodyId: lenkungsgruppe,
            title: "Fremd",
            scheduledAt: new Date(),
            place: "",
          }),
        ),
      ).toBe("BAD_REQUEST");
      expect(
        await codeOf(
          callerFor(handle.db, foreignCoordinator).sessions.addAgendaItem({ sessionId: sessionL, kind: "free", title: "Fremd", notes: "" }),
        ),
      ).toBe("NOT_FOUND");
    });

    it("lists body members with their organisation and external members, only for bodies one may see", async () => {
      const caller = callerFor(handle.db, coordinator);
      await caller.bodies.addExternalMember({
        bodyId: lenkungsgruppe,
        name: "Dr. Petra Beispiel",
        organisationName: "Schulamt",
        function: "Leitung",
      });
      const overview = await callerFor(handle.db, memberL).bodies.overview();
      expect(overview.bodies.map((b) => b.id)).toEqual([lenkungsgruppe]);
      expect(overview.bodies[0]!.members.map((m) => m.userId)).toContain(memberL.userId);
      expect(overview.bodies[0]!.externalMembers).toEqual([
        expect.objectContaining({ name: "Dr. Petra Beispiel", organisationName: "Schulamt", function: "Leitung" }),
      ]);
      expect(overview.canManage).toBe(false);
      expect((await caller.bodies.overview()).bodies).toHaveLength(3);
    });
  });

  describe("agenda", () => {
    it("puts a theme on a Lenkungsgruppe agenda and moves the theme to on_agenda with a note", async () => {
      const item = await callerFor(handle.db, coordinator).sessions.addAgendaItem({
        sessionId: sessionL,
        kind: "theme",
        themeId,
        notes: "",
      });
      expect(item.title).toBe("Bezahlbarer Wohnraum fehlt");
      const [theme] = await handle.db.select().from(themes).where(eq(themes.id, themeId));
      expect(theme!.status).toBe("on_agenda");
      const steps = await handle.db.select().from(themeStatusChanges).where(eq(themeStatusChanges.themeId, themeId));
      expect(steps).toEqual([expect.objectContaining({ toStatus: "on_agenda", note: expect.stringContaining("Lenkungsgruppe März") })]);
    });

    it("orders free items after it and moves them", async () => {
      const caller = callerFor(handle.db, coordinator);
      const free = await caller.sessions.addAgendaItem({ sessionId: sessionL, kind: "free", title: "Verschiedenes", notes: "" });
      await caller.sessions.moveAgendaItem({ agendaItemId: free.id, direction: "up" });
      const view = await caller.sessions.get({ sessionId: sessionL });
      expect(view.agenda.map((i) => i.title)).toEqual(["Verschiedenes", "Bezahlbarer Wohnraum fehlt"]);
    });

    it("adds open assignments due by the session day as report items, once, and leaves others out", async () => {
      const caller = callerFor(handle.db, coordinator);
      const [item] = await handle.db.select().from(agendaItems).where(eq(agendaItems.sessionId, sessionL)).limit(1);
      const [decision] = await handle.db
        .insert(decisions)
        .values({
          tenantId,
          sessionId: sessionL,
          agendaItemId: item!.id,
          themeId,
          outcome: "adopted",
          text: "Die AG Wohnen erarbeitet Vorschläge.",
          createdByUserId: coordinator.userId,
        })
        .returning();
      await handle.db.insert(assignments).values([
        { tenantId, decisionId: decision!.id, themeId, bodyId: arbeitsgruppe, task: "Bestandsaufnahme Wohnraum", dueDate: "2026-04-14" },
        { tenantId, decisionId: decision!.id, themeId, bodyId: arbeitsgruppe, task: "Später fällig", dueDate: "2026-09-01" },
        {
          tenantId,
          decisionId: decision!.id,
          themeId,
          bodyId: arbeitsgruppe,
          task: "Schon erledigt",
          dueDate: "2026-03-01",
          status: "done",
        },
        { tenantId, decisionId: decision!.id, themeId, bodyId: lenkungsgruppe, task: "Anderes Gremium", dueDate: "2026-03-01" },
      ]);
      // Due on the session's own day (Berlin time) counts.
      const planned = await caller.sessions.plan({
        bodyId: arbeitsgruppe,
        title: "AG Wohnen April",
        scheduledAt: new Date("2026-04-14T20:30:00Z"),
        place: "",
      });
      const view = await caller.sessions.get({ sessionId: planned.id });
      expect(view.agenda).toEqual([
        expect.objectContaining({ kind: "assignment_report", title: "Bericht zum Auftrag: Bestandsaufnahme Wohnraum" }),
      ]);
      expect(await caller.sessions.generateAgenda({ sessionId: planned.id })).toEqual({ added: 0 });
      const withDecision = await caller.sessions.get({ sessionId: sessionL });
      expect(withDecision.agenda.find((i) => i.id === item!.id)!.decision).toEqual(expect.objectContaining({ outcome: "adopted" }));
      expect(await codeOf(caller.sessions.removeAgendaItem({ agendaItemId: item!.id }))).toBe("CONFLICT");
    });
  });

  describe("minutes", () => {
    it("drafts them from attendance, agenda and decisions", async () => {
      const caller = callerFor(handle.db, coordinator);
      await caller.sessions.recordAttendance({ sessionId: sessionL, entries: [{ userId: memberL.userId, present: true }] });
      const { doc: draft } = await caller.sessions.minutesDraft({ sessionId: sessionL });
      const text = JSON.stringify(draft);
      expect(text).toContain("Bezahlbarer Wohnraum fehlt");
      expect(text).toContain("Die AG Wohnen erarbeitet Vorschläge.");
      expect(text).toContain(memberL.displayName);
      expect((await caller.sessions.get({ sessionId: sessionL })).session.status).toBe("held");
      expect(
        await codeOf(caller.sessions.recordAttendance({ sessionId: sessionL, entries: [{ userId: memberA.userId, present: true }] })),
      ).toBe("BAD_REQUEST");
    });

    it("are written by the coordination in the shared document; members of the body read along, nobody else", async () => {
      const address = { sessionId: sessionL, key: "minutes" as const };
      expect((await callerFor(handle.db, coordinator).sessions.get({ sessionId: sessionL })).session.minutes).toBeNull();
      await applySharedDocumentUpdate(handle.db, coordinator, { ...address, update: typed("Erste Fassung") }, minutesDocumentAccess);
      expect((await callerFor(handle.db, memberL).sessions.get({ sessionId: sessionL })).session.minutes).toEqual(doc("Erste Fassung"));
      for (const reader of [memberL, spokesperson]) {
        await expect(
          applySharedDocumentUpdate(handle.db, reader, { ...address, update: typed("Von außen") }, minutesDocumentAccess),
        ).rejects.toMatchObject({
          code: "CONFLICT",
          message: "formulations.documents.readOnly",
        });
      }
      // A conference guest holds no grant; even one carrying a member's grant by mistake is refused.
      const guest: Actor = { ...memberL, isGuest: true };
      for (const outsider of [memberA, memberP, cm, foreignCoordinator, guest]) {
        await expect(
          applySharedDocumentUpdate(handle.db, outsider, { ...address, update: typed("Von außen") }, minutesDocumentAccess),
        ).rejects.toMatchObject({
          code: "NOT_FOUND",
        });
      }
      expect(await readSharedDocumentText(handle.db, address)).toBe("Erste Fassung");
    });

    it("approves them only at a later session of the same body, and then freezes them", async () => {
      const caller = callerFor(handle.db, coordinator);

      expect(await codeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: sessionL }))).toBe("BAD_REQUEST");
      const earlier = await caller.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Januar",
        scheduledAt: new Date("2026-01-10T15:00:00Z"),
        place: "",
      });
      expect(await codeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: earlier.id }))).toBe("BAD_REQUEST");
      expect(await codeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: sessionA }))).toBe("BAD_REQUEST");
      const later = await caller.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Juni",
        scheduledAt: new Date("2026-06-10T15:00:00Z"),
        place: "",
      });
      expect((await caller.sessions.get({ sessionId: later.id })).approvable.map((s) => s.id)).toEqual([sessionL]);
      expect(
        await codeOf(callerFor(handle.db, memberL).sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: later.id })),
      ).toBe("FORBIDDEN");
      await caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: later.id });
      const view = await callerFor(handle.db, memberL).sessions.get({ sessionId: sessionL });
      expect(view.session.minutesApprovedIn).toEqual(expect.objectContaining({ id: later.id }));
      expect(view.session.status).toBe("closed");
      expect(view.session.minutes).toEqual(doc("Erste Fassung"));
      const [row] = await handle.db.select({ minutes: bodySessions.minutes }).from(bodySessions).where(eq(bodySessions.id, sessionL));
      expect(row!.minutes).toEqual(doc("Erste Fassung"));
      await expect(
        applySharedDocumentUpdate(
          handle.db,
          coordinator,
          { sessionId: sessionL, key: "minutes", update: typed("Nachträglich") },
          minutesDocumentAccess,
        ),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await readSharedDocumentText(handle.db, { sessionId: sessionL, key: "minutes" })).toBe("Erste Fassung");
      expect(await codeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: later.id }))).toBe("CONFLICT");
      // Blank minutes are not approved.
      const blank = await caller.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Februar",
        scheduledAt: new Date("2026-02-10T15:00:00Z"),
        place: "",
      });
      await applySharedDocumentUpdate(
        handle.db,
        coordinator,
        { sessionId: blank.id, key: "minutes", update: typed(" ") },
        minutesDocumentAccess,
      );
      expect(await codeOf(caller.sessions.approveMinutes({ sessionId: blank.id, approvingSessionId: later.id }))).toBe("CONFLICT");
    });
  });

  describe("members who leave", () => {
    it("keeps a former member on the attendance lists they are on, and off the body and every later list", async () => {
      const caller = callerFor(handle.db, coordinator);
      const past = await caller.sessions.plan({
        bodyId: arbeitsgruppe,
        title: "AG Wohnen Mai",
        scheduledAt: new Date("2026-05-05T10:00:00Z"),
        place: "",
      });
      const expert = await caller.bodies.addExternalMember({
        bodyId: arbeitsgruppe,
        name: "Hanna Gast",
        organisationName: "Wohnungsbaugesellschaft",
        function: "Vermietung",
      });
      const neverThere = await caller.bodies.addExternalMember({
        bodyId: arbeitsgruppe,
        name: "Otto Nie",
        organisationName: "",
        function: "",
      });
      const leaving = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: arbeitsgruppe }]);
      const bothOnTheList = [
        { externalMemberId: expert.id, present: true },
        { userId: leaving.userId, present: false },
      ];
      await caller.sessions.recordAttendance({ sessionId: past.id, entries: bothOnTheList });

      await caller.bodies.removeExternalMember({ externalMemberId: expert.id });
      await caller.bodies.removeExternalMember({ externalMemberId: neverThere.id });
      await handle.db.delete(roleAssignments).where(eq(roleAssignments.userId, leaving.userId));

      const group = (await caller.bodies.overview()).bodies.find((b) => b.id === arbeitsgruppe)!;
      expect(group.externalMembers.map((m) => m.name)).not.toContain("Hanna Gast");
      expect(group.externalMembers.map((m) => m.name)).not.toContain("Otto Nie");
      expect(group.members.map((m) => m.userId)).not.toContain(leaving.userId);

      const pastList = (await caller.sessions.get({ sessionId: past.id })).attendance;
      expect(pastList).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            externalMemberId: expert.id,
            name: "Hanna Gast",
            organisationName: "Wohnungsbaugesellschaft",
            present: true,
          }),
          expect.objectContaining({ userId: leaving.userId, name: leaving.displayName, present: false }),
        ]),
      );
      // The old list can still be corrected with them on it.
      await caller.sessions.recordAttendance({
        sessionId: past.id,
        entries: bothOnTheList.map((entry) => ({ ...entry, present: !entry.present })),
      });
      expect((await caller.sessions.get({ sessionId: past.id })).attendance.find((a) => a.externalMemberId === expert.id)!.present).toBe(
        false,
      );

      const next = await caller.sessions.plan({
        bodyId: arbeitsgruppe,
        title: "AG Wohnen Juni",
        scheduledAt: new Date("2026-06-02T10:00:00Z"),
        place: "",
      });
      const nextList = (await caller.sessions.get({ sessionId: next.id })).attendance;
      expect(nextList.map((a) => a.externalMemberId)).not.toContain(expert.id);
      expect(nextList.map((a) => a.userId)).not.toContain(leaving.userId);
      expect(
        await codeOf(caller.sessions.recordAttendance({ sessionId: next.id, entries: [{ externalMemberId: expert.id, present: true }] })),
      ).toBe("BAD_REQUEST");
      expect(
        await codeOf(caller.sessions.recordAttendance({ sessionId: next.id, entries: [{ userId: leaving.userId, present: true }] })),
      ).toBe("BAD_REQUEST");

      // Whoever attended is kept as a former member; whoever never did is gone; neither can leave twice.
      const rows = await handle.db
        .select()
        .from(bodyExternalMembers)
        .where(inArray(bodyExternalMembers.id, [expert.id, neverThere.id]));
      expect(rows).toEqual([expect.objectContaining({ id: expert.id, removedAt: expect.any(Date) })]);
      expect(await codeOf(caller.bodies.removeExternalMember({ externalMemberId: expert.id }))).toBe("NOT_FOUND");
      expect(await codeOf(callerFor(handle.db, memberA).bodies.removeExternalMember({ externalMemberId: expert.id }))).toBe("FORBIDDEN");
    });
  });

  describe("case manager polls", () => {
    const canary = {
      lastName: "Zyxwvaldottir",
      firstName: "Qurbanella",
      birthDate: "1987-03-14",
      street: "Kanarienweg 77",
      phone: "0171 5550199",
    };
    let pollId: string;

    beforeAll(async () => {
      await callerFor(handle.db, cm).cases.create({
        accessChannel: "screening_referral",
        kommuneId,
        referringOrganisationId: organisationId,
        identity: {
          ...canary,
          authorityContacts: [{ authority: "jobcenter", contactPerson: "Frau Amt", fileNumber: "JC-4711-AZ" }],
        } as IdentityInput,
        screening: { screenedOn: "2026-01-05", problemsByArea: { housing: "Wohnung zu klein" }, verdict: "yes" },
      });
      pollId = (
        await callerFor(handle.db, coordinator).sessions.polls.create({
          bodyId: arbeitsgruppe,
          sessionId: sessionA,
          question: "Was beobachten Sie zur Wohnungssuche?",
          themeIds: [themeId],
          dueDate: "2026-02-01",
        })
      ).id;
    });

    it("refuses an answer naming a field of one's own case, without repeating the value", async () => {
      const answer = callerFor(handle.db, cm).sessions.polls.answer({
        pollId,
        themeId,
        answer: "Frau Zyxwvaldottir sucht seit Monaten",
        caseCount: 1,
      });
      await expect(answer).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Name") });
      await expect(answer).rejects.not.toMatchObject({ message: expect.stringContaining("Zyxwvaldottir") });
      await expect(
        callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: "Angerufen unter 0171 5550199", caseCount: 1 }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const [rejected] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "sessions.poll_answer_rejected"));
      expect(JSON.stringify(rejected!.details)).not.toContain("Zyxwvaldottir");
    });

    it("collects a pseudonymised answer per theme, for the coordination to read", async () => {
      await callerFor(handle.db, cm).sessions.polls.answer({
        pollId,
        themeId,
        answer: "Große Familien werden von Vermietern abgelehnt.",
        caseCount: 3,
      });
      await callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: "Große Familien finden nichts.", caseCount: 2 });
      const answers = await callerFor(handle.db, coordinator).sessions.polls.answers({ pollId });
      expect(answers.themes[0]!.answers).toEqual([expect.objectContaining({ answer: "Große Familien finden nichts.", caseCount: 2 })]);
      const mine = await callerFor(handle.db, cm).sessions.polls.open();
      expect(mine[0]!.themes[0]).toEqual(expect.objectContaining({ answer: "Große Familien finden nichts.", caseCount: 2 }));
    });

    it("shows body members only counts, and none below the minimum group size (A10)", async () => {
      const forMember = await callerFor(handle.db, memberA).sessions.polls.list();
      expect(forMember.polls[0]!.themes[0]).toEqual({ themeId, title: "Bezahlbarer Wohnraum fehlt", answerCount: null, caseCount: null });
      expect(JSON.stringify(forMember)).not.toContain("Große Familien");
      expect(await codeOf(callerFor(handle.db, memberA).sessions.polls.answers({ pollId }))).toBe("FORBIDDEN");
      expect((await callerFor(handle.db, memberL).sessions.polls.list()).polls).toEqual([]);
      const forCoordination = await callerFor(handle.db, coordinator).sessions.polls.list();
      expect(forCoordination.polls[0]!.themes[0]).toEqual(expect.objectContaining({ answerCount: 1, caseCount: 2 }));
      expect(
        await codeOf(callerFor(handle.db, memberA).sessions.polls.answer({ pollId, themeId, answer: "Ich bin kein CM", caseCount: 1 })),
      ).toBe("FORBIDDEN");
    });

    it("takes no answers once closed, nor for themes the poll does not ask about", async () => {
      expect(
        await codeOf(
          callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId: coordinator.userId, answer: "Falsches Thema", caseCount: 1 }),
        ),
      ).toBe("BAD_REQUEST");
      await callerFor(handle.db, coordinator).sessions.polls.close({ pollId });
      expect(await codeOf(callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: "Zu spät", caseCount: 1 }))).toBe(
        "CONFLICT",
      );
      expect(await callerFor(handle.db, cm).sessions.polls.open()).toEqual([]);
    });
  });
});
