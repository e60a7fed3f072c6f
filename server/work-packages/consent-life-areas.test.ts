import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { boardCards, organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { meetingCaseId } from "../conferences/meeting-case-ids";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import type { LifeArea } from "../schemas/case-kinds";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { getWorkPackageByTrackingToken } from "./tracking-links";

const healthCardText = "Therapieplatz für das Kind finden";
const housingCardText = "Wohnberechtigungsschein beantragen";
const healthTask = "Bei der Kinderpsychiatrie einen Termin zur Diagnostik vereinbaren";
const housingTask = "Antrag auf Wohnberechtigungsschein mit der Familie ausfüllen";

describe("work packages of a case follow the life areas its consent names", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let housingModerator: Actor;
  let cm: Actor;
  let housingOnly: Actor;
  let wholeCase: Actor;
  let housingOrganisationId: string;
  let wholeOrganisationId: string;
  let caseId: string;
  let wholeConsentId: string;
  let conferenceId: string;
  let healthCardId: string;
  let housingCardId: string;
  let healthPackageId: string;
  let housingPackageId: string;

  const packageInput = (sourceCardId: string, task: string, organisationId: string, user: Actor | null, dueInDays: number) => ({
    conferenceId,
    task,
    caseId: meetingCaseId(conferenceId, caseId),
    sourceCardId,
    responsibleOrganisationId: organisationId,
    responsibleUserId: user?.userId ?? null,
    responsiblePerson: "",
    dueDate: addDays(todayInBerlin(), dueInDays),
  });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    housingOrganisationId = tenant.organisation.id;
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Ganzer Fall", kind: "jobcenter" })
      .returning();
    wholeOrganisationId = other!.id;
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: wholeOrganisationId });
    housingModerator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: housingOrganisationId });
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    housingOnly = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: housingOrganisationId });
    wholeCase = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: wholeOrganisationId });

    const caller = callerFor(handle.db, cm);
    caseId = (await createCase(handle.db, { manager: cm })).id;
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [housingOrganisationId],
      lifeAreas: ["housing"],
      grantedOn: "2026-01-05",
    });
    wholeConsentId = (
      await caller.cases.addConsent({
        caseId,
        kind: "confidentiality_release",
        organisationIds: [wholeOrganisationId],
        grantedOn: "2026-01-05",
      })
    ).id;
    await caller.cases.saveSummary({ caseId, title: "Familie mit vielen Baustellen", body: "Mehrere Stellen sind beteiligt." });
    conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "fallkonferenz",
        scheduledAt: new Date(Date.now() - 86_400_000),
        participants: [cm, housingOnly, wholeCase],
        coModerators: [housingModerator],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;

    // The tasks agreed on the board, each a case card about one life area.
    const card = (text: string, lifeArea: LifeArea, orderKey: string) => ({
      id: randomUUID(),
      conferenceId,
      lane: "arbeitspakete",
      text,
      orderKey,
      caseId,
      lifeArea,
      authorUserId: cm.userId,
      updatedSeq: 1,
    });
    const health = card(healthCardText, "health", "a0");
    const housing = card(housingCardText, "housing", "a1");
    await handle.db.insert(boardCards).values([health, housing]);
    healthCardId = health.id;
    housingCardId = housing.id;
    // Each given to an organisation and person its consent covers for that area.
    healthPackageId = (
      await callerFor(handle.db, moderator).workPackages.create(packageInput(healthCardId, healthTask, wholeOrganisationId, wholeCase, 7))
    ).id;
    housingPackageId = (
      await callerFor(handle.db, housingModerator).workPackages.create(
        packageInput(housingCardId, housingTask, housingOrganisationId, housingOnly, 14),
      )
    ).id;
  });
  afterAll(() => handle.close());

  it("offers a moderator only the task cards of the life areas their own consent covers", async () => {
    const cardsFor = async (actor: Actor) =>
      (await callerFor(handle.db, actor).workPackages.listForConference({ conferenceId })).options!.cards.map((c) => c.text);
    expect(await cardsFor(housingModerator)).toEqual([housingCardText]);
    expect(await cardsFor(moderator)).toEqual([healthCardText, housingCardText]);
  });

  it("refuses a package about health for an organisation, a person or a moderator whose consent covers housing only, or without its case", async () => {
    const refusalOf = async (actor: Actor, input: Omit<ReturnType<typeof packageInput>, "caseId"> & { caseId: string | null }) => {
      const error = (await callerFor(handle.db, actor)
        .workPackages.create(input)
        .catch((e: unknown) => e)) as { code: string; message: string; cause?: { field?: string } };
      return { code: error.code, field: error.cause?.field, message: error.message };
    };
    expect(await refusalOf(moderator, packageInput(healthCardId, healthTask, housingOrganisationId, null, 7))).toEqual({
      code: "BAD_REQUEST",
      field: "responsibleOrganisationId",
      message: "Die Schweigepflichtentbindung des Falls umfasst diese Organisation für den Lebensbereich „Gesundheit“ nicht.",
    });
    expect(await refusalOf(moderator, packageInput(healthCardId, healthTask, wholeOrganisationId, housingOnly, 7))).toEqual({
      code: "BAD_REQUEST",
      field: "responsibleUserId",
      message: "Die Schweigepflichtentbindung des Falls umfasst diese Person für den Lebensbereich „Gesundheit“ nicht.",
    });
    // Named without its case, the health card's task would reach everyone in the conference.
    expect(await refusalOf(moderator, { ...packageInput(healthCardId, healthTask, housingOrganisationId, null, 7), caseId: null })).toEqual(
      {
        code: "BAD_REQUEST",
        field: "caseId",
        message: "Die Karte gehört zu einem Fall; das Arbeitspaket daraus muss denselben Fall nennen.",
      },
    );
    expect(await refusalOf(housingModerator, packageInput(healthCardId, healthTask, wholeOrganisationId, null, 7))).toEqual({
      code: "BAD_REQUEST",
      field: "caseId",
      message: "Die Karte betrifft den Lebensbereich „Gesundheit“; dafür ist dieser Fall für Sie nicht freigegeben.",
    });
  });

  it("shows a housing-only organisation the housing package's task but not the health package's, even after the card is gone", async () => {
    // Removing the card from the board must not free the package of its life area.
    await handle.db.delete(boardCards).where(eq(boardCards.id, healthCardId));
    const tasksFor = async (actor: Actor) =>
      (await callerFor(handle.db, actor).workPackages.listForConference({ conferenceId })).workPackages.map((p) => [
        p.id,
        p.task,
        p.restricted,
      ]);
    expect(await tasksFor(housingOnly)).toEqual([
      [healthPackageId, "", true],
      [housingPackageId, housingTask, false],
    ]);
    expect(await tasksFor(wholeCase)).toEqual([
      [healthPackageId, healthTask, false],
      [housingPackageId, housingTask, false],
    ]);
    expect(await tasksFor(cm)).toEqual([
      [healthPackageId, healthTask, false],
      [housingPackageId, housingTask, false],
    ]);
  });

  it("leaves the health package's task out of the protocol for the housing-only organisation", async () => {
    const { version } = await callerFor(handle.db, moderator).conferences.protocol.generate({ conferenceId });
    const packagesFor = async (actor: Actor) =>
      (await callerFor(handle.db, actor).conferences.protocol.get({ conferenceId, version })).workPackages.map((p) => [
        p.task,
        p.restricted,
      ]);
    expect(await packagesFor(housingOnly)).toEqual([
      ["", true],
      [housingTask, false],
    ]);
    expect(await packagesFor(wholeCase)).toEqual([
      [healthTask, false],
      [housingTask, false],
    ]);
  });

  it("ends the tracking link of the health package once its organisation's consent narrows to housing", async () => {
    const tokenOf = async (workPackageId: string) =>
      (await callerFor(handle.db, moderator).workPackages.createTrackingLink({ workPackageId })).link.split("/").pop()!;
    const healthToken = await tokenOf(healthPackageId);
    const housingToken = await tokenOf(housingPackageId);
    expect((await getWorkPackageByTrackingToken(handle.db, healthToken))?.task).toBe(healthTask);

    const caller = callerFor(handle.db, cm);
    await caller.cases.revokeConsent({ caseId, consentId: wholeConsentId });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [wholeOrganisationId],
      lifeAreas: ["housing"],
      grantedOn: "2026-01-05",
    });
    expect(await getWorkPackageByTrackingToken(handle.db, healthToken)).toBeNull();
    await expect(
      callerFor(handle.db, null).workPackages.reportByLink({ token: healthToken, name: "Herr Beispiel", status: "done", note: "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getWorkPackageByTrackingToken(handle.db, housingToken))?.task).toBe(housingTask);
    expect(await callerFor(handle.db, wholeCase).workPackages.listForConference({ conferenceId })).toMatchObject({
      workPackages: [
        { id: healthPackageId, task: "", restricted: true },
        { id: housingPackageId, task: housingTask, restricted: false },
      ],
    });
  });
});
