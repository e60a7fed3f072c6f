import { expect, test } from "@playwright/test";
import { addDays, todayInBerlin } from "../../server/schemas/calendar-days";
import { boardOperations, callApi, createOwnCase, demoUsers, signIn, uniqueLetters } from "../fixtures";

test("a revoked consent takes the case's work package off another participant's open page at once", async ({ page, browser, baseURL }) => {
  const task = `Wohnberatung vermitteln ${uniqueLetters()}`;
  await signIn(page, demoUsers.case_manager.username);
  const ownCase = await createOwnCase(page);
  const organisations = await callApi<{ id: string; name: string }[]>(page, "tenancy.listOrganisations", undefined, { query: true });
  const authority = organisations.find((o) => o.name === "Ausländerbehörde Kreis Beispiel")!;
  const consent = await callApi<{ id: string }>(page, "cases.addConsent", {
    caseId: ownCase.id,
    kind: "confidentiality_release",
    organisationIds: [authority.id],
    grantedOn: todayInBerlin(),
  });
  await callApi(page, "cases.saveSummary", {
    caseId: ownCase.id,
    title: "Wohnungssuche",
    body: "Eine Familie mit zwei Kindern sucht eine größere Wohnung.",
  });
  const candidates = await callApi<{ id: string; displayName: string }[]>(page, "conferences.candidates", undefined, { query: true });
  const networkActor = candidates.find((c) => c.displayName === demoUsers.network_actor.displayName)!;
  const conference = await callApi<{ id: string }>(page, "conferences.create", {
    type: "fallkonferenz",
    title: `Fallkonferenz Widerruf ${uniqueLetters()}`,
    kommuneId: "",
    scheduledAt: `${todayInBerlin()}T10:00`,
    place: "Kreishaus",
    isOnline: false,
    participantUserIds: [networkActor.id],
    coModeratorUserIds: [],
    previousConferenceId: "",
  });
  await callApi(page, "conferences.addCase", { conferenceId: conference.id, caseId: ownCase.id });
  const view = await callApi<{ cases: { caseId: string }[] }>(page, "conferences.get", { conferenceId: conference.id }, { query: true });
  await callApi(page, "workPackages.create", {
    conferenceId: conference.id,
    task,
    caseId: view.cases[0]!.caseId,
    responsibleOrganisationId: authority.id,
    dueDate: addDays(todayInBerlin(), 14),
  });

  // The meeting is handing out work packages; the participant of the covered organisation is in the room.
  const moderator = await boardOperations(page, baseURL!, conference.id);
  await moderator.send({ kind: "phase.set", index: 4 });
  moderator.close();
  const partner = await browser.newContext();
  const participant = await partner.newPage();
  await signIn(participant, demoUsers.network_actor.username);
  await participant.goto(`/conferences/${conference.id}/live`);
  const packages = participant.getByRole("region", { name: "Arbeitspakete", exact: true });
  await expect(packages.getByRole("row").filter({ hasText: task })).toBeVisible();
  // At the wall, i.e. in the meeting's room, where a change of consent is announced.
  await expect(participant.getByRole("region", { name: "1 Person anwesend" }).getByText(demoUsers.network_actor.displayName)).toBeVisible();

  // The case manager revokes the consent; the open page drops the task without a reload.
  await callApi(page, "cases.revokeConsent", { caseId: ownCase.id, consentId: consent.id });
  await expect(packages.getByText(task)).toHaveCount(0);
  await expect(packages.getByText(`Für Sie nicht freigegeben (Fall`)).toBeVisible();
  await partner.close();
});
