import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DatabaseHandle } from "@/db";
import { boardCards, conferenceProtocols, conferences, organisations, sharedDocuments, themeFormulations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { protocolPdf } from "./protocol-pdf";
import { meetingPseudonym } from "./meeting-pseudonym";
import { meetingCaseId } from "./meeting-case-ids";

const caseCardText = "Kanarienvogel-Fallkarte: Vermieter kündigt wegen Mietrückstand";
const caseTask = "Kanarienvogel-Aufgabe: Schuldnerberatung vermitteln";
const hiddenText = "Geheime anonyme Karte";

describe("conference protocol", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let moderator: Actor;
  let cm: Actor;
  let covered: Actor;
  let uncovered: Actor;
  let outsider: Actor;
  let caseId: string;
  let pseudonym: string;
  let releaseId: string;
  let conferenceId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Ausländerbehörde Test", kind: "auslaenderbehoerde" })
      .returning();
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: tenant.organisation.id });
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });
    outsider = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);

    const cmCaller = callerFor(handle.db, cm);
    const created = await createCase(handle.db, {
      manager: cm,
      kommuneId: tenant.kommune.id,
      consentFor: [tenant.organisation.id],
      consentGrantedOn: "2026-01-05",
    });
    caseId = created.id;
    pseudonym = created.pseudonym;
    releaseId = created.consentIds[0]!;
    await cmCaller.cases.saveSummary({
      caseId,
      title: "Drohender Wohnungsverlust",
      body: "Eine Familie hat Mietrückstände; die Kündigung droht.",
    });
    const conference = await createConference(handle.db, {
      planner: moderator,
      type: "fallkonferenz",
      title: "Fallkonferenz Wohnen",
      scheduledAt: new Date(),
      place: "Rathaus",
      participants: [cm, covered, uncovered],
      cases: [{ id: caseId, manager: cm }],
    });
    conferenceId = conference.id;

    // The board as the meeting left it: one cluster with votes, a case card, a never revealed anonymous card.
    const clusterId = crypto.randomUUID();
    const generalCard = crypto.randomUUID();
    const card = (values: Partial<typeof boardCards.$inferInsert> & { lane: string; text: string; orderKey: string }) => ({
      id: crypto.randomUUID(),
      conferenceId,
      authorUserId: covered.userId,
      updatedSeq: 1,
      ...values,
    });
    await handle.db
      .insert(boardCards)
      .values([
        card({ id: generalCard, lane: "perspektiven", text: "Die Familie braucht eine größere Wohnung", orderKey: "a0", clusterId }),
        card({ lane: "perspektiven", text: caseCardText, orderKey: "a1", clusterId, caseId }),
        card({ lane: "ideen", text: hiddenText, orderKey: "a0", isHidden: true }),
        card({ lane: "arbeitspakete", text: "Wohnberechtigungsschein beantragen", orderKey: "a0", isSolution: true }),
      ]);
    const [row] = await handle.db.select({ boardMeta: conferences.boardMeta }).from(conferences).where(eq(conferences.id, conferenceId));
    await handle.db
      .update(conferences)
      .set({
        boardMeta: {
          ...row!.boardMeta,
          clusters: { [clusterId]: { title: "Wohnraum", orderKey: "a0" } },
          votes: { [covered.userId]: { [clusterId]: 2, [generalCard]: 1 }, [cm.userId]: { [clusterId]: 1 } },
        },
      })
      .where(eq(conferences.id, conferenceId));

    const [formulationDocument] = await handle.db
      .insert(sharedDocuments)
      .values({ conferenceId, key: `formulation:${crypto.randomUUID()}` })
      .returning();
    await handle.db.insert(themeFormulations).values([
      {
        conferenceId,
        clusterId,
        title: "Fehlender bezahlbarer Wohnraum",
        documentId: formulationDocument!.id,
        status: "finalised",
        finalisedAt: new Date(),
        createdByUserId: moderator.userId,
      },
      {
        conferenceId,
        clusterId: crypto.randomUUID(),
        title: "Noch in Arbeit",
        documentId: formulationDocument!.id,
        createdByUserId: moderator.userId,
      },
    ]);

    const notes = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Nächster Termin in vier Wochen.")]);
    notes.getXmlFragment("default").insert(0, [paragraph]);
    await handle.db.insert(sharedDocuments).values({ conferenceId, key: "notes", state: Y.encodeStateAsUpdate(notes) });

    const dueDate = addDays(todayInBerlin(), 14);
    const moderatorCaller = callerFor(handle.db, moderator);
    await moderatorCaller.workPackages.create({
      conferenceId,
      task: caseTask,
      caseId: meetingCaseId(conferenceId, caseId),
      responsibleOrganisationId: tenant.organisation.id,
      dueDate,
    });
    await moderatorCaller.workPackages.create({
      conferenceId,
      task: "Raum für die Folgekonferenz buchen",
      responsibleOrganisationId: other!.id,
      dueDate,
    });
  });
  afterAll(() => handle.close());

  it("is generated by the moderator only, in numbered versions", async () => {
    await expect(callerFor(handle.db, covered).conferences.protocol.generate({ conferenceId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, outsider).conferences.protocol.generate({ conferenceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(handle.db, null).conferences.protocol.generate({ conferenceId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await callerFor(handle.db, moderator).conferences.protocol.generate({ conferenceId })).toMatchObject({ version: 1 });
    expect(await callerFor(handle.db, moderator).conferences.protocol.generate({ conferenceId })).toMatchObject({ version: 2 });

    const listed = await callerFor(handle.db, uncovered).conferences.protocol.list({ conferenceId });
    expect(listed.mayGenerate).toBe(false);
    expect(listed.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(listed.versions[0]!.createdByName).toBe(moderator.displayName);
    await expect(callerFor(handle.db, outsider).conferences.protocol.list({ conferenceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, outsider).conferences.protocol.get({ conferenceId, version: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(handle.db, covered).conferences.protocol.get({ conferenceId, version: 9 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("holds attendance, phases, cards by lane and cluster with votes, themes, work packages and notes", async () => {
    const protocol = await callerFor(handle.db, covered).conferences.protocol.get({ conferenceId, version: 2 });
    expect(protocol.conference).toMatchObject({ title: "Fallkonferenz Wohnen", type: "fallkonferenz", place: "Rathaus" });
    expect(protocol.attendance).toHaveLength(4);
    expect(protocol.attendance).toContainEqual({
      name: moderator.displayName,
      role: "moderator",
      organisationName: tenant.organisation.name,
    });
    const [conference] = await handle.db.select({ phases: conferences.phases }).from(conferences).where(eq(conferences.id, conferenceId));
    expect(protocol.phases).toEqual(conference!.phases.map((p) => ({ title: p.title })));

    const perspectives = protocol.lanes.find((l) => l.lane === "perspektiven")!;
    expect(perspectives.clusters).toEqual([
      expect.objectContaining({
        title: "Wohnraum",
        votes: 3,
        cards: [
          expect.objectContaining({ text: "Die Familie braucht eine größere Wohnung", votes: 1, caseId: null }),
          expect.objectContaining({
            text: caseCardText,
            caseId: meetingCaseId(conferenceId, caseId),
            casePseudonym: meetingPseudonym(caseId, conferenceId),
            restricted: false,
          }),
        ],
      }),
    ]);
    expect(protocol.lanes.find((l) => l.lane === "ideen")!.cards).toEqual([expect.objectContaining({ isHidden: true, text: "" })]);
    expect(protocol.lanes.find((l) => l.lane === "arbeitspakete")!.cards[0]).toMatchObject({ isSolution: true });
    expect(protocol.themes).toEqual([{ title: "Fehlender bezahlbarer Wohnraum" }]);
    expect(protocol.workPackages.map((p) => p.task).sort()).toEqual([caseTask, "Raum für die Folgekonferenz buchen"].sort());
    expect(protocol.workPackages.find((p) => p.caseId === meetingCaseId(conferenceId, caseId))).toMatchObject({
      casePseudonym: meetingPseudonym(caseId, conferenceId),
      responsibleOrganisationName: tenant.organisation.name,
      status: "open",
    });
    expect(protocol.notes).toContain("Nächster Termin in vier Wochen.");
    // The case goes by its meeting id only: nobody in the room learns the case file's id.
    expect(JSON.stringify(protocol)).not.toContain(caseId);

    const [stored] = await handle.db
      .select({ snapshot: conferenceProtocols.snapshot })
      .from(conferenceProtocols)
      .where(eq(conferenceProtocols.conferenceId, conferenceId))
      .limit(1);
    expect(JSON.stringify(stored!.snapshot)).not.toContain(hiddenText);
  });

  it("never shows a case's card or work package text to a viewer its consent does not cover", async () => {
    const protocol = await callerFor(handle.db, uncovered).conferences.protocol.get({ conferenceId, version: 2 });
    const serialised = JSON.stringify(protocol);
    expect(serialised).not.toContain("Kanarienvogel");
    expect(serialised).toContain("Die Familie braucht eine größere Wohnung");
    expect(serialised).toContain("Raum für die Folgekonferenz buchen");
    const caseCard = protocol.lanes
      .flatMap((l) => l.clusters.flatMap((c) => c.cards))
      .find((c) => c.caseId === meetingCaseId(conferenceId, caseId));
    expect(caseCard).toMatchObject({ text: "", restricted: true, casePseudonym: meetingPseudonym(caseId, conferenceId) });
    expect(pseudonym).not.toBe(meetingPseudonym(caseId, conferenceId));
    expect(protocol.workPackages.find((p) => p.caseId === meetingCaseId(conferenceId, caseId))).toMatchObject({
      task: "",
      restricted: true,
    });
    expect(serialised).not.toContain(caseId);

    // The responsible case manager sees it; after the revocation the covered organisation no longer does, in old versions too.
    expect(JSON.stringify(await callerFor(handle.db, cm).conferences.protocol.get({ conferenceId, version: 1 }))).toContain(
      "Kanarienvogel",
    );
    await callerFor(handle.db, cm).cases.revokeConsent({ caseId, consentId: releaseId });
    expect(JSON.stringify(await callerFor(handle.db, covered).conferences.protocol.get({ conferenceId, version: 1 }))).not.toContain(
      "Kanarienvogel",
    );
    expect(JSON.stringify(await callerFor(handle.db, cm).conferences.protocol.get({ conferenceId, version: 1 }))).toContain(
      "Kanarienvogel",
    );
  });

  it("renders a PDF", async () => {
    const protocol = await callerFor(handle.db, uncovered).conferences.protocol.get({ conferenceId, version: 2 });
    const pdf = await protocolPdf(protocol);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
