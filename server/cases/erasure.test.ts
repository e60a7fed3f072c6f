import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { generateKeyBetween } from "fractional-indexing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  assessments,
  auditEvents,
  boardCards,
  caseIdentities,
  casePollAnswers,
  caseTransfers,
  cases,
  conferenceCases,
  contacts,
  formDrafts,
  gapReports,
  helpPlanMeasures,
  referrals,
  screenings,
  sharedDocuments,
  sharedDocumentUpdates,
  tenants,
  themeSources,
  workPackages,
} from "@/db/schema";
import type { Actor } from "../auth/policy";
import { applyBoardOperation } from "../conferences/board";
import { meetingCaseId } from "../conferences/meeting-case-ids";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import type { IdentityInput } from "../schemas/cases";
import { createBodyWithSession } from "../test/body-factories";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { createTestDatabase, type TestDatabaseHandle } from "../test/database";
import { dumpDatabaseText } from "../test/database-dump";
import { callerFor, createActor, createTenant } from "../test/factories";
import { insertTheme } from "../test/theme-factories";
import { eraseExpiredCases } from "./erasure";
import { meetingPseudonym } from "./meeting-pseudonym";

// Every free text of the erased case carries ZITRONE; the other case's texts carry BIRNE and must stay.
const canary = { lastName: "Quastenflosser", firstName: "Ortrun", birthDate: "1970-07-07", street: "Canaryweg 1" } as IdentityInput;
const dueDate = addDays(todayInBerlin(), 14);
const opId = () => randomUUID().replace(/-/g, "");

describe("erasure after the retention period", () => {
  let handle: TestDatabaseHandle;
  let tenantId: string;
  let cm: Actor;
  let coordinator: Actor;
  let erased: { id: string; pseudonym: string };
  let other: { id: string; pseudonym: string };
  let plain: { id: string };
  let blocked: { id: string };
  let conferenceId: string;
  let themeId: string;

  async function closeCase(caseId: string, reflection: string, admit = true) {
    if (admit) {
      await callerFor(handle.db, cm).cases.addConsent({ caseId, kind: "processing", grantedOn: "2026-01-03" });
      await callerFor(handle.db, cm).cases.saveIntake({ caseId, conductedOn: "2026-01-03", decision: "admission" });
    }
    await callerFor(handle.db, cm).cases.close({
      caseId,
      closedOn: "2026-03-01",
      closingType: "moved_away",
      situationChange: "improved",
      reflection,
    });
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    tenantId = tenant.tenant.id;
    cm = await createActor(handle.db, tenantId, ["case_manager"], { organisationId: tenant.organisation.id });
    coordinator = await createActor(handle.db, tenantId, ["coordinator"], { organisationId: tenant.organisation.id });
    const partner = await createActor(handle.db, tenantId, ["network_actor"], { organisationId: tenant.organisation.id });
    const cmCaller = callerFor(handle.db, cm);
    erased = await createCase(handle.db, { manager: cm, identity: canary, consentFor: [tenant.organisation.id] });
    other = await createCase(handle.db, { manager: cm, consentFor: [tenant.organisation.id] });
    plain = await createCase(handle.db, { manager: cm, consentFor: [tenant.organisation.id] });
    blocked = await createCase(handle.db, { manager: cm, consentFor: [tenant.organisation.id] });
    const caseId = erased.id;

    await cmCaller.cases.saveScreening({
      caseId,
      screening: {
        screenedOn: "2026-01-02",
        problemsByArea: { housing: "ZITRONE-screening" },
        urgentConcern: "ZITRONE-urgent",
        verdict: "yes",
      },
    });
    await cmCaller.cases.addConsent({ caseId, kind: "processing", grantedOn: "2026-01-03", scopeNote: "ZITRONE-scope" });
    await cmCaller.cases.saveIntake({
      caseId,
      conductedOn: "2026-01-03",
      decision: "admission",
      reason: `ZITRONE-intake ${canary.lastName}`,
    });
    await cmCaller.cases.addContact({ caseId, contactOn: "2026-01-04", channel: "phone", durationMinutes: 25, topic: "ZITRONE-contact" });
    await handle.db.insert(assessments).values({
      caseId,
      lifeArea: "housing",
      isReassessment: false,
      assessedOn: "2026-01-05",
      wishes: "ZITRONE-wishes",
      scales: { stability: { rating: 4, remark: "ZITRONE-remark" } },
    });
    const [measure] = await handle.db
      .insert(helpPlanMeasures)
      .values({ caseId, task: "ZITRONE-measure", isMissingOffer: true, missingOfferDescription: "ZITRONE-missing" })
      .returning();
    const [gap] = await handle.db
      .insert(gapReports)
      .values({ tenantId, description: "ZITRONE-gap", measureId: measure!.id, reportedByUserId: cm.userId })
      .returning();
    await handle.db.insert(referrals).values({
      caseId,
      organisationId: tenant.organisation.id,
      cmRole: "broker",
      mode: "warm_handover",
      referredOn: "2026-01-06",
      note: "ZITRONE-referral",
      consentOverrideReason: "ZITRONE-override",
    });
    await handle.db.insert(caseTransfers).values({
      caseId,
      toUserId: cm.userId,
      reason: "ZITRONE-transfer",
      transferredByUserId: coordinator.userId,
    });
    for (const target of [erased, other]) {
      await callerFor(handle.db, cm).cases.saveSummary({
        caseId: target.id,
        title: "Wohnen",
        body: target === erased ? "ZITRONE-summary" : "BIRNE-summary",
      });
    }

    // A Fallkonferenz about both cases: cards, a work package with a report, notes, a protocol.
    const conference = await createConference(handle.db, {
      planner: coordinator,
      type: "fallkonferenz",
      participants: [cm, partner],
      cases: [
        { id: erased.id, manager: cm },
        { id: other.id, manager: cm },
      ],
    });
    conferenceId = conference.id;
    await applyBoardOperation(handle.db, coordinator, { conferenceId, clientOpId: opId(), op: { kind: "phase.set", index: 3 } });
    const card = (text: string, cardCaseId: string | null) =>
      applyBoardOperation(handle.db, cm, {
        conferenceId,
        clientOpId: opId(),
        op: {
          kind: "card.add",
          cardId: randomUUID(),
          lane: "themen",
          text,
          orderKey: generateKeyBetween(null, null),
          caseId: cardCaseId && meetingCaseId(conferenceId, cardCaseId),
        },
      });
    const own = await card("ZITRONE-card", erased.id);
    const ownCardId = (own.applied.op as { cardId: string }).cardId;
    await applyBoardOperation(handle.db, cm, {
      conferenceId,
      clientOpId: opId(),
      op: { kind: "card.edit", cardId: ownCardId, text: "ZITRONE-edited" },
    });
    // A month on the case's card dates an event of the person's life.
    await applyBoardOperation(handle.db, cm, {
      conferenceId,
      clientOpId: opId(),
      op: { kind: "card.month", cardId: ownCardId, month: "1999-11" },
    });
    await card("BIRNE-card", other.id);
    await card("Allgemeine Karte", null);
    const coordinatorCaller = callerFor(handle.db, coordinator);
    const task = await coordinatorCaller.workPackages.create({
      conferenceId,
      task: "ZITRONE-task",
      caseId: meetingCaseId(conferenceId, caseId),
      responsibleOrganisationId: tenant.organisation.id,
      dueDate,
    });
    await coordinatorCaller.workPackages.report({ workPackageId: task.id, status: "in_progress", note: "ZITRONE-update" });
    await coordinatorCaller.workPackages.create({
      conferenceId,
      task: "BIRNE-task",
      caseId: meetingCaseId(conferenceId, other.id),
      responsibleOrganisationId: tenant.organisation.id,
      dueDate,
    });
    // The notes and a theme's formulation, written together; one paragraph of each names the case.
    const meetingName = meetingPseudonym(caseId, conferenceId);
    for (const [key, lines] of [
      ["notes", [`Zu ${meetingName}: ZITRONE-notes`, "BIRNE-notes für alle"]],
      [`formulation:${randomUUID()}`, ["Familien finden keine Wohnung", `Wie bei ${meetingName}: ZITRONE-formulation`]],
    ] as const) {
      const shared = new Y.Doc();
      for (const line of lines) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(line)]);
        shared.getXmlFragment("default").push([paragraph]);
      }
      const [document] = await handle.db.insert(sharedDocuments).values({ conferenceId, key }).returning();
      await handle.db
        .insert(sharedDocumentUpdates)
        .values({ documentId: document!.id, update: Buffer.from(Y.encodeStateAsUpdate(shared)), actorUserId: coordinator.userId });
    }
    await coordinatorCaller.conferences.protocol.generate({ conferenceId });

    // A theme seen in both cases (one source from the case's card), and a poll answer naming the case.
    themeId = (
      await insertTheme(handle.db, tenantId, coordinator.userId, {
        title: "Wohnraum fehlt",
        sources: [
          { caseId, excerpt: "ZITRONE-excerpt", kind: "conference" },
          { caseId: other.id, excerpt: "BIRNE-excerpt", kind: "conference" },
        ],
      })
    ).id;
    await handle.db
      .insert(themeSources)
      .values({ themeId, tenantId, kind: "gap_report", gapReportId: gap!.id, excerpt: "ZITRONE-gap-source" });
    const { body } = await createBodyWithSession(handle.db, { planner: coordinator, kind: "arbeitsgruppe" });
    const poll = await coordinatorCaller.sessions.polls.create({
      bodyId: body.id,
      question: "Was beobachten Sie zum Wohnraum?",
      themeIds: [themeId],
      dueDate,
    });
    await cmCaller.sessions.polls.answer({ pollId: poll.id, themeId, answer: `ZITRONE-poll bei ${erased.pseudonym}`, caseCount: 2 });
    const otherCm = await createActor(handle.db, tenantId, ["case_manager"]);
    await callerFor(handle.db, otherCm).sessions.polls.answer({ pollId: poll.id, themeId, answer: "BIRNE-poll", caseCount: 1 });

    await closeCase(caseId, "ZITRONE-closure", false);
    await handle.db.insert(formDrafts).values({ caseId, userId: cm.userId, formKey: "closure", ciphertext: Buffer.from("ZITRONE-draft") });
    await closeCase(plain.id, "");
    await closeCase(blocked.id, "");
    await closeCase(other.id, "");
    await handle.db.insert(contacts).values({
      caseId: blocked.id,
      tenantId,
      userId: cm.userId,
      contactOn: "2026-01-04",
      channel: "phone",
      durationMinutes: 10,
      topic: "GESPERRT",
    });
    await handle.db.update(tenants).set({ identityRetentionDays: 30 }).where(eq(tenants.id, tenantId));
    // The other case is kept longer: it closed later.
    await handle.db.update(cases).set({ closedOn: "2026-12-01" }).where(eq(cases.id, other.id));
    // One case whose erasure fails in the database, to show the run goes on without it.
    // Only the owner may add a trigger; the application's role may not.
    const owner = await handle.asOwner();
    await owner.execute(
      sql`create function refuse_erasure() returns trigger language plpgsql as $$ begin raise exception 'erasure refused'; end $$`,
    );
    await owner.execute(
      sql`create trigger refuse_erasure before update on contacts for each row when (old.topic = 'GESPERRT') execute function refuse_erasure()`,
    );
  });
  afterAll(() => handle.close());

  it("erases every free text and identity value of a case that was in a conference, a theme and a poll, and keeps the statistics", async () => {
    expect(await eraseExpiredCases(handle.db, "2026-03-15")).toEqual({ erased: [], failed: [] });
    const report = await eraseExpiredCases(handle.db, "2026-04-15");

    expect(report.erased.map((e) => e.caseId).sort()).toEqual([erased.id, plain.id].sort());
    expect(report.failed).toEqual([{ caseId: blocked.id, pseudonym: expect.any(String), reason: "P0001" }]);
    const tables = report.erased.find((e) => e.caseId === erased.id)!.tables;
    expect(tables).toMatchObject({
      case_identities: 1,
      form_drafts: 1,
      screenings: 1,
      case_summaries: 1,
      gap_reports: 1,
      board_cards: 1,
      conference_protocols: 1,
      shared_documents: 2,
      work_packages: 1,
      work_package_updates: 1,
      theme_sources: 2,
      case_poll_answers: 1,
    });
    expect(tables.board_operations).toBeGreaterThanOrEqual(2);

    const dump = await dumpDatabaseText(handle.db);
    for (const value of ["ZITRONE", canary.lastName, canary.firstName, canary.street, "1999-11"]) expect(dump).not.toContain(value);
    for (const value of [
      "Familien finden keine Wohnung",
      "BIRNE-card",
      "BIRNE-task",
      "BIRNE-excerpt",
      "BIRNE-notes",
      "BIRNE-poll",
      "BIRNE-summary",
      "Allgemeine Karte",
    ])
      expect(dump).toContain(value);

    // The statistics shell: status, dates, counts, ratings, the agenda entry and the theme's case count.
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, erased.id));
    expect(row).toMatchObject({ status: "closed", closedOn: "2026-03-01", pseudonym: erased.pseudonym });
    expect(row!.identityErasedAt).not.toBeNull();
    expect(await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, erased.id))).toEqual([]);
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.caseId, erased.id));
    expect(contact).toMatchObject({ durationMinutes: 25, channel: "phone", topic: "" });
    const [assessment] = await handle.db.select().from(assessments).where(eq(assessments.caseId, erased.id));
    expect(assessment!.scales).toEqual({ stability: { rating: 4, remark: "" } });
    const [agenda] = await handle.db
      .select()
      .from(conferenceCases)
      .where(and(eq(conferenceCases.conferenceId, conferenceId), eq(conferenceCases.caseId, erased.id)));
    expect(agenda!.summaryId).toBeNull();
    expect(
      await handle.db.select({ text: boardCards.text, month: boardCards.month }).from(boardCards).where(eq(boardCards.caseId, erased.id)),
    ).toEqual([{ text: "", month: null }]);
    const [pkg] = await handle.db.select().from(workPackages).where(eq(workPackages.caseId, erased.id));
    expect(pkg).toMatchObject({ task: "", status: "in_progress", dueDate });
    const sources = await handle.db.select().from(themeSources).where(eq(themeSources.themeId, themeId));
    expect(sources).toHaveLength(3);
    const [referral] = await handle.db.select().from(referrals).where(eq(referrals.caseId, erased.id));
    expect(referral!.consentOverrideReason).toBe("");
    const answers = await handle.db.select().from(casePollAnswers);
    expect(answers.map((a) => a.caseCount).sort()).toEqual([1, 2]);
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.identity_erased"), eq(auditEvents.targetId, erased.id)));
    expect(audit!.details).toMatchObject({ reason: "retention", tables: { case_identities: 1 } });

    // The failed case is tried again the next day; the erased ones are not erased twice.
    const next = await eraseExpiredCases(handle.db, "2026-04-16");
    expect(next.erased).toEqual([]);
    expect(next.failed.map((f) => f.caseId)).toEqual([blocked.id]);
  });

  it("keeps the notes of the meeting that do not name the case, readable from the compacted document", async () => {
    const [document] = await handle.db
      .select()
      .from(sharedDocuments)
      .where(and(eq(sharedDocuments.conferenceId, conferenceId), eq(sharedDocuments.key, "notes")));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, document!.state!);
    expect(doc.getXmlFragment("default").toString()).toBe("<paragraph>BIRNE-notes für alle</paragraph>");
    expect(await handle.db.select().from(sharedDocumentUpdates).where(eq(sharedDocumentUpdates.documentId, document!.id))).toEqual([]);
    expect(await handle.db.select({ text: screenings.otherProblems }).from(screenings).where(eq(screenings.caseId, erased.id))).toEqual([
      { text: "" },
    ]);
  });
});
