import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createCase } from "../test/case-factories";
import { meetingPseudonym } from "./meeting-pseudonym";
import { meetingCaseId } from "./meeting-case-ids";

const summaryBody = "Eine Familie mit drei Kindern sucht seit Monaten eine größere Wohnung; der Aufenthalt ist ungeklärt.";

describe("conferences", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let coveredActor: Actor;
  let uncoveredActor: Actor;
  let bodyMember: Actor;
  let outsider: Actor;
  let foreignCoordinator: Actor;
  let caseId: string;
  let pseudonym: string;
  let releaseId: string;
  let bareCaseId: string;
  let conferenceId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    const [uncoveredOrganisation] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Ausländerbehörde Test", kind: "auslaenderbehoerde" })
      .returning();
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: tenant.organisation.id });
    coveredActor = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncoveredActor = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: uncoveredOrganisation!.id });
    bodyMember = await createActor(handle.db, tenant.tenant.id, ["body_member"]);
    outsider = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    foreignCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);

    const created = await createCase(handle.db, {
      manager: cm,
      kommuneId: tenant.kommune.id,
      consentFor: [tenant.organisation.id],
      consentGrantedOn: "2026-01-05",
    });
    caseId = created.id;
    pseudonym = created.pseudonym;
    releaseId = created.consentIds[0]!;
    await callerFor(handle.db, cm).cases.saveSummary({ caseId, title: "Wohnungssuche einer Familie", body: summaryBody });
    bareCaseId = (await createCase(handle.db, { manager: cm, kommuneId: tenant.kommune.id })).id;
  });
  afterAll(() => handle.close());

  it("plans a conference and lists it for its participants only, newest first", async () => {
    const caller = callerFor(handle.db, cm);
    const earlier = await caller.conferences.create({
      type: "fallrekonstruktion",
      title: "Rekonstruktion im Frühjahr",
      scheduledAt: new Date("2026-03-01T09:00:00Z"),
    });
    const conference = await caller.conferences.create({
      type: "fallkonferenz",
      title: "Fallkonferenz Wohnen",
      kommuneId: tenant.kommune.id,
      scheduledAt: new Date("2026-11-03T09:00:00Z"),
      place: "Kreishaus, Raum 2",
      participantUserIds: [coordinator.userId, coveredActor.userId, uncoveredActor.userId],
    });
    conferenceId = conference.id;
    const list = await caller.conferences.list();
    expect(list.map((c) => c.id)).toEqual([conferenceId, earlier.id]);
    expect(list[0]).toMatchObject({
      type: "fallkonferenz",
      title: "Fallkonferenz Wohnen",
      place: "Kreishaus, Raum 2",
      status: "planned",
      participants: 4,
      role: "moderator",
    });
    expect((await callerFor(handle.db, uncoveredActor).conferences.list()).map((c) => c.id)).toEqual([conferenceId]);
    expect(await callerFor(handle.db, outsider).conferences.list()).toEqual([]);

    const details = await callerFor(handle.db, coveredActor).conferences.get({ conferenceId });
    expect(details.conference).toMatchObject({ title: "Fallkonferenz Wohnen", kommuneName: tenant.kommune.name, isOnline: false });
    expect(details.viewer).toMatchObject({ role: "participant", abilities: { moderate: false, plan: false, attachCases: false } });
    expect(details.participants).toHaveLength(4);
    expect(details.participants[0]).toMatchObject({ userId: cm.userId, role: "moderator" });
    expect(details.participants.find((p) => p.userId === coordinator.userId)).toMatchObject({
      displayName: coordinator.displayName,
      organisationName: tenant.organisation.name,
    });
  });

  it("answers NOT_FOUND to non-participants and other tenants", async () => {
    await expect(callerFor(handle.db, outsider).conferences.get({ conferenceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, foreignCoordinator).conferences.get({ conferenceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, foreignCoordinator).conferences.consentConflicts({ conferenceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets only the coordination and case managers plan, and only with colleagues of the tenant", async () => {
    for (const actor of [coveredActor, bodyMember]) {
      await expect(
        callerFor(handle.db, actor).conferences.create({
          type: "fallkonferenz",
          title: "Nicht erlaubt",
          scheduledAt: new Date("2026-11-03T09:00:00Z"),
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(handle.db, actor).conferences.candidates()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      callerFor(handle.db, coordinator).conferences.create({
        type: "planungskonferenz",
        title: "Mit Fremden",
        scheduledAt: new Date("2026-11-03T09:00:00Z"),
        participantUserIds: [foreignCoordinator.userId],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("nicht aktiv") });
    const candidates = await callerFor(handle.db, coordinator).conferences.candidates();
    const ids = candidates.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([cm.userId, coveredActor.userId, uncoveredActor.userId]));
    expect(ids).not.toContain(coordinator.userId);
    expect(ids).not.toContain(bodyMember.userId);
    expect(ids).not.toContain(foreignCoordinator.userId);
    expect(candidates.find((c) => c.id === coveredActor.userId)?.organisationName).toBe(tenant.organisation.name);
  });

  it("lets only the responsible case manager attach a case, and only one with a Falldarstellung", async () => {
    await expect(callerFor(handle.db, cm).conferences.addCase({ conferenceId, caseId: bareCaseId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Dieser Fall hat noch keine Falldarstellung. Schreiben Sie zuerst eine pseudonymisierte Falldarstellung.",
    });
    await expect(callerFor(handle.db, coordinator).conferences.addCase({ conferenceId, caseId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, coveredActor).conferences.addCase({ conferenceId, caseId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Another case manager is not on the list; invited or not, the case is not theirs.
    await expect(callerFor(handle.db, otherCm).conferences.addCase({ conferenceId, caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = await callerFor(handle.db, cm).conferences.get({ conferenceId });
    expect(before.attachableCases.map((c) => c.id)).toEqual([caseId]);
    await expect(callerFor(handle.db, cm).conferences.addCase({ conferenceId, caseId })).resolves.toMatchObject({ caseId, position: 0 });
    await expect(callerFor(handle.db, cm).conferences.addCase({ conferenceId, caseId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await callerFor(handle.db, cm).conferences.get({ conferenceId })).attachableCases).toEqual([]);
  });

  it("shows the Falldarstellung only to the responsible case manager and participants covered by the consent", async () => {
    const own = await callerFor(handle.db, cm).conferences.get({ conferenceId });
    const pseudonymHere = meetingPseudonym(caseId, conferenceId);
    expect(pseudonymHere).not.toBe(pseudonym);
    expect(own.cases).toEqual([
      expect.objectContaining({
        caseId: meetingCaseId(conferenceId, caseId),
        pseudonym: pseudonymHere,
        ownPseudonym: pseudonym,
        // Only the responsible case manager is led to the case file.
        caseFileId: caseId,
        released: true,
        isMine: true,
        mayRemove: true,
        summary: expect.objectContaining({ body: summaryBody }),
      }),
    ]);
    const covered = await callerFor(handle.db, coveredActor).conferences.get({ conferenceId });
    expect(covered.cases[0]).toMatchObject({
      caseId: meetingCaseId(conferenceId, caseId),
      pseudonym: pseudonymHere,
      ownPseudonym: null,
      caseFileId: null,
      released: true,
      isMine: false,
      mayRemove: false,
      summary: { title: "Wohnungssuche einer Familie", body: summaryBody },
    });
    const uncovered = await callerFor(handle.db, uncoveredActor).conferences.get({ conferenceId });
    expect(uncovered.cases).toEqual([expect.objectContaining({ pseudonym: pseudonymHere, released: false, summary: null })]);
    expect(JSON.stringify(uncovered)).not.toContain(pseudonym);
    expect(JSON.stringify(covered)).not.toContain(caseId);
    expect(JSON.stringify(uncovered)).not.toContain(caseId);
    expect(JSON.stringify(uncovered)).not.toContain("Wohnungssuche");
    expect(JSON.stringify(uncovered)).not.toContain(summaryBody.slice(0, 20));
  });

  it("lists exactly the participants whose organisation the consent does not cover", async () => {
    const conflicts = await callerFor(handle.db, cm).conferences.consentConflicts({ conferenceId });
    expect(conflicts).toEqual([
      {
        caseId: meetingCaseId(conferenceId, caseId),
        pseudonym: meetingPseudonym(caseId, conferenceId),
        uncovered: [{ userId: uncoveredActor.userId, displayName: uncoveredActor.displayName, organisationName: "Ausländerbehörde Test" }],
      },
    ]);
    // A participant who neither moderates nor is responsible for the case sees no conflicts of it.
    expect(await callerFor(handle.db, coordinator).conferences.consentConflicts({ conferenceId })).toEqual([]);
  });

  it("hides the Falldarstellung at the next call once the consent is revoked", async () => {
    await callerFor(handle.db, cm).cases.revokeConsent({ caseId, consentId: releaseId });
    const covered = await callerFor(handle.db, coveredActor).conferences.get({ conferenceId });
    expect(covered.cases[0]).toMatchObject({ released: false, summary: null });
    expect((await callerFor(handle.db, cm).conferences.get({ conferenceId })).cases[0]).toMatchObject({ released: true });
    const conflicts = await callerFor(handle.db, cm).conferences.consentConflicts({ conferenceId });
    expect(conflicts[0]!.uncovered.map((p) => p.userId).sort()).toEqual(
      [coordinator.userId, coveredActor.userId, uncoveredActor.userId].sort(),
    );
  });

  it("lets the moderator or the responsible case manager take a case off the agenda, and audits every change", async () => {
    // The case is named as the conference shows it; the case file's id is not on the agenda.
    const meetingId = meetingCaseId(conferenceId, caseId);
    await expect(callerFor(handle.db, cm).conferences.removeCase({ conferenceId, caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, coordinator).conferences.removeCase({ conferenceId, caseId: meetingId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, uncoveredActor).conferences.removeCase({ conferenceId, caseId: meetingId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, cm).conferences.removeCase({ conferenceId, caseId: meetingId })).resolves.toEqual({ ok: true });
    expect((await callerFor(handle.db, cm).conferences.get({ conferenceId })).cases).toEqual([]);
    await expect(callerFor(handle.db, cm).conferences.removeCase({ conferenceId, caseId: meetingId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const rows = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "conference"), eq(auditEvents.targetId, conferenceId)));
    expect(rows.map((r) => r.action).sort()).toEqual([
      "conferences.case_added",
      "conferences.case_removed",
      "conferences.conference_created",
    ]);
    expect(rows.every((r) => r.actorUserId === cm.userId && r.tenantId === tenant.tenant.id)).toBe(true);
    expect(rows.find((r) => r.action === "conferences.case_added")!.details).toEqual({ caseId });
  });
});
