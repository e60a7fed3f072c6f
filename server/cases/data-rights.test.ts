import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { randomUUID } from "node:crypto";
import { generateKeyBetween } from "fractional-indexing";
import { cases, caseIdentities, contacts, formDrafts, organisations, tenants } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { applyBoardOperation } from "../conferences/board";
import { meetingCaseId } from "../conferences/meeting-case-ids";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import type { IdentityInput } from "../schemas/cases";
import { createBodyWithSession } from "../test/body-factories";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { insertTheme } from "../test/theme-factories";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { eraseExpiredCases } from "./erasure";
import { personDataPdf } from "./person-data-pdf";

const canary = { lastName: "Quastenflosser", firstName: "Ortrun", birthDate: "1970-07-07", street: "Canaryweg 1" } as IdentityInput;

async function databaseText(handle: DatabaseHandle): Promise<string> {
  // Every user table as JSON text: a stand-in for a dump, searched for the canary values.
  const tables = await handle.db.execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
  const names = (Array.isArray(tables) ? tables : (tables as { rows: { tablename: string }[] }).rows).map((r) => r.tablename);
  let text = "";
  for (const name of names) {
    const rows = await handle.db.execute(sql`select * from ${sql.identifier(name)}`);
    text += JSON.stringify(Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows);
  }
  return text;
}

describe("data subject rights", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let caseId: string;
  let tenantId: string;
  let organisationName: string;
  let pseudonym: string;
  let partner: Actor;
  let uncoveredPartner: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    tenantId = tenant.tenant.id;
    organisationName = tenant.organisation.name;
    cm = await createActor(handle.db, tenantId, ["case_manager"]);
    otherCm = await createActor(handle.db, tenantId, ["case_manager"]);
    // The coordination moderates the conference for its organisation, which the release covers.
    coordinator = await createActor(handle.db, tenantId, ["coordinator"], { organisationId: tenant.organisation.id });
    const caller = callerFor(handle.db, cm);
    ({ id: caseId, pseudonym } = await caller.cases.create({ accessChannel: "walk_in", kommuneId: null, identity: canary }));
    await caller.cases.addConsent({ caseId, kind: "processing", grantedOn: "2020-01-01" });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2020-01-01",
    });
    await caller.cases.saveIntake({
      caseId,
      conductedOn: "2020-01-02",
      decision: "admission",
      reason: `Frau ${canary.lastName} kam allein`,
    });
    await caller.cases.addContact({
      caseId,
      contactOn: "2020-02-01",
      channel: "phone",
      durationMinutes: 20,
      topic: `Rückruf ${canary.lastName}`,
    });
    await caller.cases.saveDraft({ caseId, formKey: "identity", fields: { street: [canary.street] } });

    // A Fallkonferenz about this case and another one, with cards, work packages, a theme and a poll.
    const [uncoveredOrganisation] = await handle.db
      .insert(organisations)
      .values({ tenantId, name: "Ausländerbehörde Test", kind: "auslaenderbehoerde" })
      .returning();
    partner = await createActor(handle.db, tenantId, ["network_actor"], { organisationId: tenant.organisation.id });
    uncoveredPartner = await createActor(handle.db, tenantId, ["network_actor"], { organisationId: uncoveredOrganisation!.id });
    const otherCase = await createCase(handle.db, { manager: otherCm, consentFor: [tenant.organisation.id] });
    await caller.cases.saveSummary({ caseId, title: "Wohnen", body: "Eine Familie sucht eine Wohnung." });
    await callerFor(handle.db, otherCm).cases.saveSummary({ caseId: otherCase.id, title: "Arbeit", body: "FREMDE Falldarstellung" });
    const conference = await createConference(handle.db, {
      planner: coordinator,
      type: "fallkonferenz",
      title: "Fallkonferenz Mitte",
      participants: [cm, otherCm, partner, uncoveredPartner],
      cases: [
        { id: caseId, manager: cm },
        { id: otherCase.id, manager: otherCm },
      ],
    });
    const conferenceId = conference.id;
    const opId = () => randomUUID().replace(/-/g, "");
    await applyBoardOperation(handle.db, coordinator, { conferenceId, clientOpId: opId(), op: { kind: "phase.set", index: 3 } });
    for (const [author, text, cardCaseId] of [
      [cm, "Karte zum eigenen Fall", caseId],
      [otherCm, "FREMDE Karte", otherCase.id],
    ] as const) {
      await applyBoardOperation(handle.db, author, {
        conferenceId,
        clientOpId: opId(),
        op: {
          kind: "card.add",
          cardId: randomUUID(),
          lane: "ideen",
          text,
          orderKey: generateKeyBetween(null, null),
          caseId: cardCaseId && meetingCaseId(conferenceId, cardCaseId),
          // A timeline month dates an event of the person's life: part of what they are told.
          month: "2019-05",
        },
      });
    }
    const coordinatorCaller = callerFor(handle.db, coordinator);
    const dueDate = addDays(todayInBerlin(), 14);
    const task = await coordinatorCaller.workPackages.create({
      conferenceId,
      task: "Schuldnerberatung anfragen",
      caseId: meetingCaseId(conferenceId, caseId),
      responsibleOrganisationId: tenant.organisation.id,
      dueDate,
    });
    await coordinatorCaller.workPackages.report({ workPackageId: task.id, status: "in_progress", note: "Termin steht" });
    await coordinatorCaller.workPackages.create({
      conferenceId,
      task: "FREMDES Paket",
      caseId: meetingCaseId(conferenceId, otherCase.id),
      responsibleOrganisationId: tenant.organisation.id,
      dueDate,
    });
    const theme = await insertTheme(handle.db, tenantId, coordinator.userId, {
      title: "Überschuldung",
      sources: [
        { caseId, excerpt: "Quelle aus dem Fall" },
        { caseId: otherCase.id, excerpt: "FREMDE Quelle" },
      ],
    });
    const { body } = await createBodyWithSession(handle.db, { planner: coordinator, kind: "arbeitsgruppe" });
    const poll = await coordinatorCaller.sessions.polls.create({
      bodyId: body.id,
      question: "Welche Schulden sehen Sie?",
      themeIds: [theme.id],
      dueDate,
    });
    await caller.sessions.polls.answer({ pollId: poll.id, themeId: theme.id, answer: `Bei ${pseudonym} fehlt ein P-Konto`, caseCount: 1 });
    await callerFor(handle.db, otherCm).sessions.polls.answer({
      pollId: poll.id,
      themeId: theme.id,
      answer: "FREMDE Antwort",
      caseCount: 1,
    });
    await caller.cases.close({
      caseId,
      closedOn: "2020-03-01",
      closingType: "moved_away",
      situationChange: "improved",
      reflection: `${canary.firstName} zog weg`,
    });
  });
  afterAll(() => handle.close());

  it("exports everything about the person, with recipients and access log, only to the responsible case manager", async () => {
    const data = await callerFor(handle.db, cm).cases.exportPersonData({ caseId });
    expect(data.identity).toMatchObject({ lastName: canary.lastName, street: canary.street });
    expect(data.recipients).toEqual([organisationName]);
    expect(data.contacts).toHaveLength(1);
    expect(data.closure?.closingType).toBe("moved_away");
    expect(data.accessLog.map((entry) => entry.action)).toContain("cases.case_created");
    const pdf = await personDataPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(callerFor(handle.db, otherCm).cases.exportPersonData({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, coordinator).cases.exportPersonData({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports what conferences hold about the case: disclosures, cards, work packages, theme sources, poll answers, and nothing of other cases", async () => {
    const data = await callerFor(handle.db, cm).cases.exportPersonData({ caseId });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(data.conferenceDisclosures.map((c) => ({ ...c, disclosedTo: [...c.disclosedTo].sort(byName) }))).toEqual([
      {
        title: "Fallkonferenz Mitte",
        type: "fallkonferenz",
        scheduledAt: expect.any(Date),
        status: "planned",
        onAgenda: true,
        // The moderator and the partner of the covered organisation; not the uncovered partner, not the other case's manager.
        disclosedTo: [
          { name: partner.displayName, organisation: organisationName },
          { name: coordinator.displayName, organisation: organisationName },
        ].sort(byName),
        events: [{ at: expect.any(Date), action: "conferences.case_added", by: cm.displayName }],
      },
    ]);
    expect(data.boardCards.map((card) => [card.conference, card.text, card.month])).toEqual([
      ["Fallkonferenz Mitte", "Karte zum eigenen Fall", "2019-05"],
    ]);
    expect(data.workPackages).toMatchObject([
      {
        task: "Schuldnerberatung anfragen",
        status: "in_progress",
        responsibleOrganisation: organisationName,
        updates: [{ note: "Termin steht" }],
      },
    ]);
    expect(data.themeSources.map((source) => [source.theme, source.excerpt])).toEqual([["Überschuldung", "Quelle aus dem Fall"]]);
    expect(data.pollAnswers.map((answer) => answer.answer)).toEqual([`Bei ${pseudonym} fehlt ein P-Konto`]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("FREMDE");
    expect(text).not.toContain(uncoveredPartner.displayName);
    const pdf = await personDataPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("drops unsaved drafts when the case is closed, and any left when the identity is erased", async () => {
    expect(await handle.db.select().from(formDrafts).where(eq(formDrafts.caseId, caseId))).toEqual([]);
  });

  it("erases identity and free text after the retention period, and keeps the statistics", async () => {
    await handle.db.insert(formDrafts).values({ caseId, userId: cm.userId, formKey: "identity", ciphertext: Buffer.from("stale draft") });
    await handle.db.update(tenants).set({ identityRetentionDays: 30 }).where(eq(tenants.id, tenantId));
    expect((await eraseExpiredCases(handle.db, "2020-03-15")).erased).toHaveLength(0);
    expect((await eraseExpiredCases(handle.db, "2020-04-15")).erased).toHaveLength(1);
    expect((await eraseExpiredCases(handle.db, "2020-04-16")).erased).toHaveLength(0);
    expect(await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId))).toEqual([]);
    expect(await handle.db.select().from(formDrafts).where(eq(formDrafts.caseId, caseId))).toEqual([]);
    const text = await databaseText(handle);
    for (const value of [canary.lastName, canary.firstName, canary.street]) expect(text).not.toContain(value);
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "closed", closedOn: "2020-03-01" });
    expect(row!.identityErasedAt).not.toBeNull();
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.caseId, caseId));
    expect(contact).toMatchObject({ durationMinutes: 20, channel: "phone", topic: "" });
    const dashboard = await callerFor(handle.db, coordinator).reports.dashboard();
    expect(dashboard.byClosingType).toEqual([{ closingType: "moved_away", count: 1 }]);
  });
});
