import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { todayInBerlin } from "../../server/schemas/calendar-days";
import { callApi, createOwnCase, demoUsers, expectAccessible, signIn, uniqueLetters } from "../fixtures";

// Screens that had no accessibility check or screenshot yet, at the size of a common office laptop.
test.use({ viewport: { width: 1366, height: 768 } });

/** The 1366x768 window scrolled to the screen's part, as a person sees it, and the whole page. */
async function screenshot(page: Page, testInfo: TestInfo, name: string, part: Locator) {
  await part.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
  const fullPath = testInfo.outputPath(`${name}-full-page.png`);
  await page.screenshot({ path: fullPath, fullPage: true });
  await testInfo.attach(`${name} (ganze Seite)`, { path: fullPath, contentType: "image/png" });
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not laid out: ${locator}`);
  return found;
}

/** A case of the signed-in case manager whose consent names the given organisations, with a Falldarstellung. */
async function caseForConference(page: Page, organisationNames: string[]) {
  const organisations = await callApi<{ id: string; name: string }[]>(page, "tenancy.listOrganisations", undefined, { query: true });
  const ownCase = await createOwnCase(page);
  await callApi(page, "cases.addConsent", { caseId: ownCase.id, kind: "processing", grantedOn: todayInBerlin() });
  await callApi(page, "cases.addConsent", {
    caseId: ownCase.id,
    kind: "confidentiality_release",
    organisationIds: organisations.filter((o) => organisationNames.includes(o.name)).map((o) => o.id),
    grantedOn: todayInBerlin(),
  });
  await callApi(page, "cases.saveSummary", {
    caseId: ownCase.id,
    title: "Sprachkurs und Arbeit",
    body: "Die Person sucht einen Sprachkurs, der zu den Arbeitszeiten passt.",
  });
  return { ownCase, organisations };
}

test("the guest case release table: the responsible case manager confirms one guest, another is not covered", async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, demoUsers.case_manager.username);
  const { ownCase, organisations } = await caseForConference(page, ["Jugendamt Beispielstadt"]);
  const orgId = (name: string) => organisations.find((o) => o.name === name)!.id;

  const coordination = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const moderator = await coordination.newPage();
  await signIn(moderator, demoUsers.coordinator.username);
  const users = await callApi<{ id: string; displayName: string }[]>(moderator, "users.list", null, { query: true });
  const caseManagerId = users.find((u) => u.displayName === demoUsers.case_manager.displayName)!.id;
  const conference = await callApi<{ id: string }>(moderator, "conferences.create", {
    type: "planungskonferenz",
    title: `Planungskonferenz mit Gästen ${uniqueLetters()}`,
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
    participantUserIds: [caseManagerId],
  });
  const guest = { conferenceId: conference.id, organisationId: orgId("Jugendamt Beispielstadt") };
  await callApi(moderator, "conferences.guests.invite", { ...guest, name: "Greta Gastfreund" });
  await callApi(moderator, "conferences.guests.invite", {
    conferenceId: conference.id,
    name: "Bernd Beobachter",
    organisationId: orgId("Sprachschule Nordheim"),
  });
  await coordination.close();

  await callApi(page, "conferences.addCase", { conferenceId: conference.id, caseId: ownCase.id });
  await page.goto(`/conferences/${conference.id}`);
  const releases = page.getByRole("region", { name: "Gäste und Ihre Fälle" });
  const covered = releases.getByRole("row", { name: /Greta Gastfreund/ });
  const uncovered = releases.getByRole("row", { name: /Bernd Beobachter/ });
  await expect(covered).toContainText("wartet auf Ihre Bestätigung");
  await expect(uncovered).toContainText("nennt die Organisation nicht");
  await expect(uncovered.getByRole("button")).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, testInfo, "guest-case-releases", releases);

  await covered.getByRole("button", { name: /Bestätigen/ }).click();
  await expect(releases.getByRole("status").filter({ hasText: "Greta Gastfreund sieht den Fall" })).toBeVisible();
  await expect(covered).toContainText("bestätigt");
  await expect(covered.getByRole("button", { name: /Bestätigung zurücknehmen/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "guest-case-releases-confirmed", releases);
  // The meeting's controls below start at the table's left edge with room above, not glued to it and indented.
  const table = await box(releases.getByRole("table"));
  const projector = await box(page.getByRole("link", { name: "Beameransicht öffnen" }));
  expect(Math.abs(projector.x - table.x)).toBeLessThan(2);
  expect(projector.y - (table.y + table.height)).toBeGreaterThanOrEqual(16);
});

test("the case erasure confirmation: the coordination must type the pseudonym of the closed case", async ({ page, browser }, testInfo) => {
  await signIn(page, demoUsers.case_manager.username);
  const { ownCase } = await caseForConference(page, ["Jobcenter Kreis Beispiel"]);
  await callApi(page, "cases.saveIntake", { caseId: ownCase.id, conductedOn: todayInBerlin(), decision: "admission" });
  await callApi(page, "cases.close", {
    caseId: ownCase.id,
    closedOn: todayInBerlin(),
    closingType: "moved_away",
    situationChange: "improved",
  });

  const coordination = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const coordinator = await coordination.newPage();
  await signIn(coordinator, demoUsers.coordinator.username);
  await coordinator.goto(`/cases/${ownCase.id}`);
  const erasure = coordinator.getByRole("region", { name: "Daten löschen (Art. 17 DSGVO)" });
  const confirmation = erasure.getByLabel(`Zur Bestätigung das Pseudonym ${ownCase.pseudonym} eingeben`);
  await expect(confirmation).toBeVisible();
  await expectAccessible(coordinator);
  await screenshot(coordinator, testInfo, "case-erasure", erasure);

  // A wrong pseudonym is named at the field, and nothing is erased.
  await confirmation.fill("KB-0000-0000");
  await erasure.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(confirmation).toHaveAttribute("aria-invalid", "true");
  // Said once, at the field: not repeated by the form's alert above it.
  await expect(erasure.getByText("Das eingegebene Pseudonym stimmt nicht mit diesem Fall überein.")).toHaveCount(1);
  await expectAccessible(coordinator);
  await screenshot(coordinator, testInfo, "case-erasure-wrong-pseudonym", erasure);
  await coordination.close();
});

test("the card's life-area select on the board: a case card can be narrowed to one life area", async ({ page }, testInfo) => {
  await signIn(page, demoUsers.case_manager.username);
  const { ownCase } = await caseForConference(page, ["Ausländerbehörde Kreis Beispiel"]);
  const conference = await callApi<{ id: string }>(page, "conferences.create", {
    type: "planungskonferenz",
    title: `Planungskonferenz Lebensbereiche ${uniqueLetters()}`,
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
    participantUserIds: [],
  });
  await callApi(page, "conferences.addCase", { conferenceId: conference.id, caseId: ownCase.id });
  await page.goto(`/conferences/${conference.id}/live`);
  await expect(page.getByText("Live verbunden")).toBeVisible();
  await page.getByRole("button", { name: "Nächste Phase" }).click();

  const lifeArea = page.getByLabel("Lebensbereich der Karte");
  await expect(lifeArea).toHaveAccessibleDescription(/sehen nur Teilnehmende, deren Schweigepflichtentbindung/);
  await page.getByLabel("Neue Karte: Themenkarten").fill("Kein Kitaplatz während des Sprachkurses");
  await page.getByLabel("Zu welchem Fall?").selectOption({ index: 1 });
  await lifeArea.selectOption({ index: 2 });
  await expect(page.getByLabel("Zu welchem Fall?")).not.toHaveValue("");
  await expectAccessible(page);
  await screenshot(page, testInfo, "card-life-area", lifeArea);
  // Each label is nearer its own select than the control above it, so label and select read as a pair.
  const caseSelect = await box(page.getByLabel("Zu welchem Fall?"));
  const areaLabel = await box(page.locator("label", { hasText: "Lebensbereich der Karte" }));
  const areaSelect = await box(lifeArea);
  const spaceAbove = areaLabel.y - (caseSelect.y + caseSelect.height);
  const spaceBelow = areaSelect.y - (areaLabel.y + areaLabel.height);
  expect(spaceAbove).toBeGreaterThan(2 * spaceBelow);
});
