import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, organisations, workPackages } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { workPackageAbilities, type WorkPackageRelation } from "./policy";
import { getWorkPackageByTrackingToken, trackingLinkExpiry } from "./tracking-links";
import { meetingPseudonym } from "../conferences/meeting-pseudonym";
import { meetingCaseId } from "../conferences/meeting-case-ids";

const dayMs = 86_400_000;
const inDays = (days: number) => addDays(todayInBerlin(), days);
const task = "Termin beim Jobcenter zur Anerkennung des Abschlusses vereinbaren";

describe("work package policy", () => {
  const none: WorkPackageRelation = { conferenceRole: null, isResponsibleCaseManager: false, isResponsibleUser: false };
  const cases: [string, WorkPackageRelation, { view: boolean; report: boolean; createTrackingLink: boolean }][] = [
    ["stranger", none, { view: false, report: false, createTrackingLink: false }],
    ["participant", { ...none, conferenceRole: "participant" }, { view: true, report: false, createTrackingLink: false }],
    ["guest", { ...none, conferenceRole: "guest" }, { view: true, report: false, createTrackingLink: false }],
    ["moderator", { ...none, conferenceRole: "moderator" }, { view: true, report: true, createTrackingLink: true }],
    ["responsible case manager", { ...none, isResponsibleCaseManager: true }, { view: true, report: true, createTrackingLink: true }],
    ["responsible person", { ...none, isResponsibleUser: true }, { view: true, report: true, createTrackingLink: false }],
  ];
  for (const [name, relation, expected] of cases) {
    it(`${name}: ${JSON.stringify(expected)}`, () => expect(workPackageAbilities(relation)).toEqual(expected));
  }

  it("keeps a tracking link at least 90 days and until 30 days after the due date", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(trackingLinkExpiry("2026-01-10", now).toISOString()).toBe("2026-04-01T12:00:00.000Z");
    expect(trackingLinkExpiry("2026-06-01", now).toISOString()).toBe("2026-07-01T23:59:59.000Z");
  });
});

describe("work packages", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let moderator: Actor;
  let cm: Actor;
  let otherCm: Actor;
  let covered: Actor;
  let uncovered: Actor;
  let outsider: Actor;
  let foreign: Actor;
  let uncoveredOrganisationId: string;
  let caseId: string;
  let pseudonym: string;
  let releaseId: string;
  let conferenceId: string;
  let packageId: string;
  let plainPackageId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Ausländerbehörde Test", kind: "auslaenderbehoerde" })
      .returning();
    uncoveredOrganisationId = other!.id;
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: tenant.organisation.id });
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: uncoveredOrganisationId });
    outsider = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    foreign = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);

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
      title: "Anerkennung des Abschlusses",
      body: "Ein ausländischer Berufsabschluss soll anerkannt werden; es fehlen Unterlagen.",
    });

    const conference = await createConference(handle.db, {
      planner: moderator,
      type: "fallkonferenz",
      title: "Fallkonferenz Arbeit",
      scheduledAt: new Date(Date.now() - 7 * dayMs),
      participants: [cm, otherCm, covered, uncovered],
      cases: [{ id: caseId, manager: cm }],
    });
    conferenceId = conference.id;
  });
  afterAll(() => handle.close());

  const input = () => ({
    conferenceId,
    task,
    // The form names the case as the conference shows it.
    caseId: meetingCaseId(conferenceId, caseId),
    responsibleOrganisationId: tenant.organisation.id,
    responsibleUserId: covered.userId,
    responsiblePerson: "Frau Beispiel",
    dueDate: inDays(14),
  });

  it("lets only the moderator create; others on the list are refused, everyone else does not find the conference", async () => {
    await expect(callerFor(handle.db, covered).workPackages.create(input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, cm).workPackages.create(input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, outsider).workPackages.create(input())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, foreign).workPackages.create(input())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, null).workPackages.create(input())).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const created = await callerFor(handle.db, moderator).workPackages.create(input());
    expect(created).toMatchObject({ status: "open", dueDate: input().dueDate });
    packageId = created.id;
    plainPackageId = (
      await callerFor(handle.db, moderator).workPackages.create({
        ...input(),
        caseId: null,
        responsibleUserId: null,
        task: "Raum für die nächste Sitzung buchen",
      })
    ).id;
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "conferences.work_package_created")).limit(1);
    expect(JSON.stringify(audit?.details)).not.toContain("Jobcenter");
  });

  it("refuses past due dates, cases off the agenda, organisations and people the consent does not cover", async () => {
    const moderatorCaller = callerFor(handle.db, moderator);
    const fieldOf = async (promise: Promise<unknown>) => {
      const error = (await promise.catch((e: unknown) => e)) as { code: string; cause?: { field?: string } };
      return [error.code, error.cause?.field] as const;
    };
    expect(await fieldOf(moderatorCaller.workPackages.create({ ...input(), dueDate: inDays(-2) }))).toEqual(["BAD_REQUEST", "dueDate"]);
    expect(await fieldOf(moderatorCaller.workPackages.create({ ...input(), caseId: crypto.randomUUID() }))).toEqual([
      "BAD_REQUEST",
      "caseId",
    ]);
    expect(await fieldOf(moderatorCaller.workPackages.create({ ...input(), responsibleOrganisationId: uncoveredOrganisationId }))).toEqual([
      "BAD_REQUEST",
      "responsibleOrganisationId",
    ]);
    expect(await fieldOf(moderatorCaller.workPackages.create({ ...input(), responsibleUserId: uncovered.userId }))).toEqual([
      "BAD_REQUEST",
      "responsibleUserId",
    ]);
    expect(await fieldOf(moderatorCaller.workPackages.create({ ...input(), responsibleUserId: foreign.userId }))).toEqual([
      "BAD_REQUEST",
      "responsibleUserId",
    ]);
    expect(await fieldOf(moderatorCaller.workPackages.create({ ...input(), sourceCardId: crypto.randomUUID() }))).toEqual([
      "BAD_REQUEST",
      "sourceCardId",
    ]);
    await expect(
      moderatorCaller.workPackages.create({ ...input(), responsibleOrganisationId: (await createTenant(handle.db)).organisation.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const reconstruction = await moderatorCaller.conferences.create({
      type: "fallrekonstruktion",
      title: "Rekonstruktion",
      scheduledAt: new Date(),
    });
    await expect(moderatorCaller.workPackages.create({ ...input(), conferenceId: reconstruction.id, caseId: null })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lists packages for participants, with a case's task only for those its consent covers", async () => {
    const seenByCovered = await callerFor(handle.db, covered).workPackages.listForConference({ conferenceId });
    expect(seenByCovered.viewer.mayCreate).toBe(false);
    expect(seenByCovered.options).toBeNull();
    expect(seenByCovered.workPackages.find((p) => p.id === packageId)).toMatchObject({
      task,
      casePseudonym: meetingPseudonym(caseId, conferenceId),
      restricted: false,
      responsibleOrganisationName: tenant.organisation.name,
      responsibleUserName: covered.displayName,
      responsiblePerson: "Frau Beispiel",
      status: "open",
      isOverdue: false,
      abilities: { report: true, createTrackingLink: false },
    });
    const seenByUncovered = await callerFor(handle.db, uncovered).workPackages.listForConference({ conferenceId });
    expect(seenByUncovered.workPackages.find((p) => p.id === packageId)).toMatchObject({
      task: "",
      restricted: true,
      casePseudonym: meetingPseudonym(caseId, conferenceId),
    });
    expect(seenByUncovered.workPackages.find((p) => p.id === plainPackageId)).toMatchObject({
      task: "Raum für die nächste Sitzung buchen",
      restricted: false,
    });
    expect(JSON.stringify(seenByUncovered)).not.toContain("Jobcenter");

    const seenByModerator = await callerFor(handle.db, moderator).workPackages.listForConference({ conferenceId });
    expect(seenByModerator.viewer.mayCreate).toBe(true);
    expect(seenByModerator.options?.cases).toEqual([
      { id: meetingCaseId(conferenceId, caseId), name: meetingPseudonym(caseId, conferenceId) },
    ]);
    // Nobody in the room learns the case file's id, the moderator included.
    for (const seen of [seenByCovered, seenByUncovered, seenByModerator]) expect(JSON.stringify(seen)).not.toContain(caseId);
    expect(pseudonym).not.toBe(meetingPseudonym(caseId, conferenceId));
    expect(seenByModerator.options?.organisations.map((o) => o.id)).toContain(uncoveredOrganisationId);

    await expect(callerFor(handle.db, outsider).workPackages.listForConference({ conferenceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor(handle.db, foreign).workPackages.listForConference({ conferenceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets the responsible person, the responsible case manager and the moderator report, not another case manager", async () => {
    const report = { workPackageId: packageId, status: "in_progress" as const, note: "Unterlagen angefordert." };
    await expect(callerFor(handle.db, otherCm).workPackages.report(report)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, uncovered).workPackages.report(report)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, outsider).workPackages.report(report)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, foreign).workPackages.report(report)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, covered).workPackages.report(report)).resolves.toMatchObject({ status: "in_progress" });
    await expect(callerFor(handle.db, cm).workPackages.report({ ...report, note: "Termin steht." })).resolves.toMatchObject({
      status: "in_progress",
    });
    await expect(
      callerFor(handle.db, moderator).workPackages.report({ workPackageId: plainPackageId, status: "in_progress", note: "" }),
    ).resolves.toBeDefined();

    const listed = await callerFor(handle.db, covered).workPackages.listForConference({ conferenceId });
    expect(listed.workPackages.find((p) => p.id === packageId)?.updates).toEqual([
      expect.objectContaining({ status: "in_progress", note: "Unterlagen angefordert.", authorName: covered.displayName, viaLink: false }),
      expect.objectContaining({ note: "Termin steht.", authorName: cm.displayName }),
    ]);
  });

  it("lists the packages of one's own cases and one's own responsibility", async () => {
    expect((await callerFor(handle.db, cm).workPackages.listMine()).map((p) => p.id)).toEqual([packageId]);
    expect((await callerFor(handle.db, covered).workPackages.listMine()).map((p) => p.id)).toEqual([packageId]);
    expect(await callerFor(handle.db, otherCm).workPackages.listMine()).toEqual([]);
    expect(await callerFor(handle.db, foreign).workPackages.listMine()).toEqual([]);
  });

  it("makes a tracking link for the moderator or the responsible case manager, usable without an account", async () => {
    await expect(callerFor(handle.db, covered).workPackages.createTrackingLink({ workPackageId: packageId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, otherCm).workPackages.createTrackingLink({ workPackageId: packageId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, outsider).workPackages.createTrackingLink({ workPackageId: packageId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const first = await callerFor(handle.db, moderator).workPackages.createTrackingLink({ workPackageId: packageId });
    const { link, expiresAt } = await callerFor(handle.db, cm).workPackages.createTrackingLink({ workPackageId: packageId });
    expect(link).toMatch(/^\/arbeitspaket\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 89 * dayMs);
    const token = link.split("/").pop()!;
    const [stored] = await handle.db.select().from(workPackages).where(eq(workPackages.id, packageId));
    expect(stored!.trackingTokenHash).not.toContain(token);

    // A new link replaces the old one.
    expect(await getWorkPackageByTrackingToken(handle.db, first.link.split("/").pop()!)).toBeNull();
    const view = await getWorkPackageByTrackingToken(handle.db, token);
    expect(view).toMatchObject({
      task,
      casePseudonym: meetingPseudonym(caseId, conferenceId),
      status: "in_progress",
      responsibleOrganisationName: tenant.organisation.name,
    });
    expect(JSON.stringify(view)).not.toContain("Raum für die nächste Sitzung");

    const anonymous = callerFor(handle.db, null);
    await expect(
      anonymous.workPackages.reportByLink({ token, name: "Frau Beispiel", status: "done", note: "Termin war am Montag." }),
    ).resolves.toEqual({ ok: true });
    const after = await getWorkPackageByTrackingToken(handle.db, token);
    expect(after?.status).toBe("done");
    expect(after?.updates.at(-1)).toMatchObject({ authorName: "Frau Beispiel", status: "done", note: "Termin war am Montag." });
    const moderatorView = await callerFor(handle.db, moderator).workPackages.listForConference({ conferenceId });
    expect(moderatorView.workPackages.find((p) => p.id === packageId)?.updates.at(-1)).toMatchObject({
      viaLink: true,
      authorName: "Frau Beispiel",
    });

    const wrong = "A".repeat(43);
    expect(await getWorkPackageByTrackingToken(handle.db, wrong)).toBeNull();
    await expect(anonymous.workPackages.reportByLink({ token: wrong, name: "Jemand", status: "done", note: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("ungültig oder abgelaufen"),
    });
    await expect(anonymous.workPackages.reportByLink({ token: "kurz", name: "Jemand", status: "done", note: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await handle.db
      .update(workPackages)
      .set({ trackingTokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(workPackages.id, packageId));
    expect(await getWorkPackageByTrackingToken(handle.db, token)).toBeNull();
    await expect(anonymous.workPackages.reportByLink({ token, name: "Frau Beispiel", status: "open", note: "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await handle.db.update(workPackages).set({ status: "in_progress" }).where(eq(workPackages.id, packageId));
  });

  it("puts open packages first on a follow-up conference and drops them once done", async () => {
    const moderatorCaller = callerFor(handle.db, moderator);
    await expect(
      callerFor(handle.db, otherCm).conferences.create({
        type: "fallkonferenz",
        title: "Nicht beteiligt",
        scheduledAt: new Date(),
        previousConferenceId: conferenceId,
      }),
    ).resolves.toBeDefined();
    await expect(
      callerFor(handle.db, outsider).conferences.create({
        type: "fallkonferenz",
        title: "Fremd",
        scheduledAt: new Date(),
        previousConferenceId: conferenceId,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const followUp = await moderatorCaller.conferences.create({
      type: "fallkonferenz",
      title: "Folgekonferenz Arbeit",
      scheduledAt: new Date(Date.now() + 14 * dayMs),
      previousConferenceId: conferenceId,
      participantUserIds: [cm.userId, uncovered.userId],
    });
    const items = await callerFor(handle.db, cm).workPackages.followUpItems({ conferenceId: followUp.id });
    expect(items.map((i) => i.id).sort()).toEqual([packageId, plainPackageId].sort());
    expect(items[0]).toMatchObject({ conferenceTitle: "Fallkonferenz Arbeit" });
    const forUncovered = await callerFor(handle.db, uncovered).workPackages.followUpItems({ conferenceId: followUp.id });
    expect(forUncovered.find((i) => i.id === packageId)).toMatchObject({ task: "", restricted: true });
    await expect(callerFor(handle.db, outsider).workPackages.followUpItems({ conferenceId: followUp.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // A later conference about the same case, not declared a follow-up, also reviews them.
    const later = await callerFor(handle.db, cm).conferences.create({
      type: "fallkonferenz",
      title: "Weitere Fallkonferenz",
      scheduledAt: new Date(Date.now() + 30 * dayMs),
    });
    await callerFor(handle.db, cm).conferences.addCase({ conferenceId: later.id, caseId });
    expect((await callerFor(handle.db, cm).workPackages.followUpItems({ conferenceId: later.id })).map((i) => [i.id, i.caseId])).toEqual([
      [packageId, meetingCaseId(later.id, caseId)],
    ]);

    await callerFor(handle.db, cm).workPackages.report({ workPackageId: packageId, status: "done", note: "" });
    await moderatorCaller.workPackages.report({ workPackageId: plainPackageId, status: "dropped", note: "" });
    expect(await callerFor(handle.db, cm).workPackages.followUpItems({ conferenceId: followUp.id })).toEqual([]);
    expect(await callerFor(handle.db, cm).workPackages.followUpItems({ conferenceId: later.id })).toEqual([]);
    await callerFor(handle.db, cm).workPackages.report({ workPackageId: packageId, status: "in_progress", note: "Doch noch offen." });
  });

  it("ends a case's tracking link and hides its task once the consent is revoked", async () => {
    const { link } = await callerFor(handle.db, moderator).workPackages.createTrackingLink({ workPackageId: packageId });
    const token = link.split("/").pop()!;
    expect(await getWorkPackageByTrackingToken(handle.db, token)).not.toBeNull();
    await callerFor(handle.db, cm).cases.revokeConsent({ caseId, consentId: releaseId });
    expect(await getWorkPackageByTrackingToken(handle.db, token)).toBeNull();
    const seen = await callerFor(handle.db, covered).workPackages.listForConference({ conferenceId });
    expect(seen.workPackages.find((p) => p.id === packageId)).toMatchObject({ task: "", restricted: true });
    expect(seen.workPackages.find((p) => p.id === packageId)?.updates.every((u) => u.note === "")).toBe(true);
    expect((await callerFor(handle.db, cm).workPackages.listMine())[0]).toMatchObject({ task, restricted: false });
  });
});
