import { errorCodeOf } from "../test/error-code";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { agendaItems, assignments, bodySessions, decisions, themes, themeStatusChanges } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { applySharedDocumentUpdate } from "../shared-documents/apply-document-update";
import { readSharedDocumentText } from "../shared-documents/rich-text";
import { minutesDocumentAccess } from "./minutes-document";
import { callerFor } from "../test/factories";
import { setUpSessions, doc, typed } from "./test-fixture";

describe("body sessions, their agendas and minutes", () => {
  let handle: DatabaseHandle;
  let tenantId: string;
  let lenkungsgruppe: string;
  let arbeitsgruppe: string;
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
    ({
      handle,
      tenantId,
      lenkungsgruppe,
      arbeitsgruppe,
      coordinator,
      memberL,
      memberA,
      memberP,
      cm,
      spokesperson,
      admin,
      foreignCoordinator,
      themeId,
      sessionL,
      sessionA,
      sessionP,
    } = await setUpSessions());
  });
  afterAll(() => handle.close());

  describe("who may see and change a session", () => {
    it("lets the coordination, the body's members and the CM spokesperson read it", async () => {
      for (const actor of [coordinator, memberL, spokesperson]) {
        expect((await callerFor(handle.db, actor).sessions.get({ sessionId: sessionL })).session.title).toBe("Lenkungsgruppe März");
      }
    });

    it("hides it from members of another body and from another tenant, and refuses case managers and admins", async () => {
      expect(await errorCodeOf(callerFor(handle.db, memberA).sessions.get({ sessionId: sessionL }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, foreignCoordinator).sessions.get({ sessionId: sessionL }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, cm).sessions.get({ sessionId: sessionL }))).toBe("FORBIDDEN");
      expect(await errorCodeOf(callerFor(handle.db, admin).sessions.get({ sessionId: sessionL }))).toBe("FORBIDDEN");
    });

    it("shows a group's members its sub-groups' sessions, but not the other way round", async () => {
      const ofA = (await callerFor(handle.db, memberA).sessions.list()).map((s) => s.id);
      expect(ofA).toEqual(expect.arrayContaining([sessionA, sessionP]));
      expect(ofA).not.toContain(sessionL);
      const ofP = (await callerFor(handle.db, memberP).sessions.list()).map((s) => s.id);
      expect(ofP).toEqual([sessionP]);
      expect(await errorCodeOf(callerFor(handle.db, memberP).sessions.get({ sessionId: sessionA }))).toBe("NOT_FOUND");
    });

    it("lets only the coordination change anything", async () => {
      for (const actor of [memberL, spokesperson, cm]) {
        const caller = callerFor(handle.db, actor);
        expect(
          await errorCodeOf(caller.sessions.addAgendaItem({ sessionId: sessionL, kind: "free", title: "Verschiedenes", notes: "" })),
        ).toBe("FORBIDDEN");
        expect(
          await errorCodeOf(caller.sessions.plan({ bodyId: lenkungsgruppe, title: "Heimlich", scheduledAt: new Date(), place: "" })),
        ).toBe("FORBIDDEN");
        expect(
          await errorCodeOf(
            caller.bodies.addExternalMember({ bodyId: lenkungsgruppe, name: "Eva Extern", organisationName: "", function: "" }),
          ),
        ).toBe("FORBIDDEN");
      }
      expect(
        await errorCodeOf(
          callerFor(handle.db, foreignCoordinator).sessions.plan({
            bodyId: lenkungsgruppe,
            title: "Fremd",
            scheduledAt: new Date(),
            place: "",
          }),
        ),
      ).toBe("BAD_REQUEST");
      expect(
        await errorCodeOf(
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
      expect(await errorCodeOf(caller.sessions.removeAgendaItem({ agendaItemId: item!.id }))).toBe("CONFLICT");
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
        await errorCodeOf(caller.sessions.recordAttendance({ sessionId: sessionL, entries: [{ userId: memberA.userId, present: true }] })),
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

      expect(await errorCodeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: sessionL }))).toBe("BAD_REQUEST");
      const earlier = await caller.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Januar",
        scheduledAt: new Date("2026-01-10T15:00:00Z"),
        place: "",
      });
      expect(await errorCodeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: earlier.id }))).toBe(
        "BAD_REQUEST",
      );
      expect(await errorCodeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: sessionA }))).toBe("BAD_REQUEST");
      const later = await caller.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Juni",
        scheduledAt: new Date("2026-06-10T15:00:00Z"),
        place: "",
      });
      expect((await caller.sessions.get({ sessionId: later.id })).approvable.map((s) => s.id)).toEqual([sessionL]);
      expect(
        await errorCodeOf(callerFor(handle.db, memberL).sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: later.id })),
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
      expect(await errorCodeOf(caller.sessions.approveMinutes({ sessionId: sessionL, approvingSessionId: later.id }))).toBe("CONFLICT");
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
      expect(await errorCodeOf(caller.sessions.approveMinutes({ sessionId: blank.id, approvingSessionId: later.id }))).toBe("CONFLICT");
    });
  });
});
