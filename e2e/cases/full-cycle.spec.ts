import { expect, test, type Page, type Response } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";
import { addDays, todayInBerlin } from "../../server/schemas/calendar-days";

// Values that exist only in this case's Aktendeckblatt; the coordination must never receive them.
const person = {
  lastName: "Tarkowska",
  firstName: "Mirela",
  birthDate: "1983-06-21",
  street: "Kastanienweg 17",
  phone: "0157 3344556",
  fileNumber: "JC-2026-4711",
};
const area = "Aufenthaltsstatus / Rechtliches";
const isoDay = (offsetDays = 0) => addDays(todayInBerlin(), offsetDays);
const germanDay = (iso: string) => iso.split("-").reverse().join(".");

async function saveAndExpect(page: Page, button: string, status: string | RegExp) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("status").filter({ hasText: status })).toBeVisible();
}

function caseTab(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Bereiche des Falls" }).getByRole("link", { name, exact: true });
}

/** Nothing of the unsaved form may sit in the browser's own storage. */
async function expectNothingInBrowserStorage(page: Page, values: string[]) {
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const value of values) expect(stored).not.toContain(value);
}

test("one person through the whole cycle; the coordination then sees the case only pseudonymised", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, demoUsers.case_manager.username);

  // 1. Access and screening.
  await page.goto("/cases/new");
  await page.getByLabel("Zugang").selectOption({ label: "Screening durch Netzwerkpartner" });
  await page.getByLabel("Kommune").selectOption({ label: "Beispielstadt" });
  await page.getByLabel("Erstkontakt am (wenn nicht heute)").fill(isoDay(-30));
  await page.getByLabel("Name", { exact: true }).fill(person.lastName);
  await page.getByLabel("Vorname").fill(person.firstName);
  await page.getByLabel("Geburtsdatum").fill(person.birthDate);
  await page.getByLabel("Screeningbogen ausfüllen").check();
  await page.getByLabel("Wohnsituation").fill("Duldung läuft aus, Wohnung in Gefahr");
  await page.getByLabel("Vordringliches Anliegen").fill("Aufenthalt sichern");
  await page.getByRole("radio", { name: "Ja" }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Fall [A-Z]+-\d{4}-\d{4}$/ })).toBeVisible();
  const pseudonym = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Fall ", "");
  const caseUrl = page.url();
  await expectAccessible(page);

  // 2. Intake with consents; the Schweigepflichtentbindung survives a reload as a draft.
  await caseTab(page, "Zugang und Erstgespräch").click();
  const consentForm = page.locator("form", { has: page.getByRole("heading", { name: "Einwilligung erfassen" }) });
  await consentForm.getByLabel("Art", { exact: true }).selectOption({ label: "Einverständniserklärung (Datenverarbeitung)" });
  await saveAndExpect(page, "Einwilligung erfassen", "Die Einwilligung wurde erfasst.");
  await consentForm.getByLabel("Art", { exact: true }).selectOption({ label: "Schweigepflichtentbindung" });
  await consentForm.getByRole("checkbox", { name: "Caritasverband Kreis Beispiel" }).check();
  await consentForm.getByRole("checkbox", { name: "Jobcenter Kreis Beispiel" }).check();
  await expect(consentForm.getByText(/^Entwurf gespeichert/)).toBeVisible();
  await page.reload();
  await expect(consentForm.getByText(/^Ungespeicherter Entwurf vom .* wiederhergestellt\./)).toBeVisible();
  await expect(consentForm.getByLabel("Art", { exact: true })).toHaveValue("confidentiality_release");
  await expect(consentForm.getByRole("checkbox", { name: "Caritasverband Kreis Beispiel" })).toBeChecked();
  await expect(consentForm.getByRole("checkbox", { name: "Jobcenter Kreis Beispiel" })).toBeChecked();
  await expectAccessible(page);
  await saveAndExpect(page, "Einwilligung erfassen", "Die Einwilligung wurde erfasst.");
  await expect(page.getByRole("cell", { name: "Caritasverband Kreis Beispiel, Jobcenter Kreis Beispiel" })).toBeVisible();
  await page.getByLabel("Datum des Erstgesprächs").fill(isoDay(-28));
  await page.getByRole("checkbox", { name: /Mehrdimensionaler Hilfebedarf/ }).check();
  await page.getByRole("radio", { name: "Aufnahme ins Case Management" }).check();
  await saveAndExpect(page, "Erstgespräch speichern", "Status jetzt: In Begleitung");
  await expectAccessible(page);

  // 3. Aktendeckblatt: the unsaved draft comes back after a reload, but never from the browser's storage.
  await caseTab(page, "Aktendeckblatt").click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(person.lastName);
  await page.getByLabel("Straße").fill(person.street);
  await page.getByLabel("Telefon").fill(person.phone);
  await page.getByRole("button", { name: "Stelle hinzufügen" }).click();
  await page.getByLabel("Aktenzeichen 1").fill(person.fileNumber);
  await expect(page.getByText(/^Entwurf gespeichert/)).toBeVisible();
  await expectNothingInBrowserStorage(page, [person.street, person.phone, person.fileNumber, person.lastName]);
  await page.reload();
  await expect(page.getByText(/^Ungespeicherter Entwurf vom .* wiederhergestellt\./)).toBeVisible();
  await expect(page.getByLabel("Straße")).toHaveValue(person.street);
  await expect(page.getByLabel("Telefon")).toHaveValue(person.phone);
  await expect(page.getByLabel("Aktenzeichen 1")).toHaveValue(person.fileNumber);
  await expectAccessible(page);
  await saveAndExpect(page, "Aktendeckblatt speichern", "Das Aktendeckblatt wurde gespeichert.");
  await page.reload();
  await expect(page.getByLabel("Aktenzeichen 1")).toHaveValue(person.fileNumber);
  await expect(page.getByText(/^Ungespeicherter Entwurf/)).toHaveCount(0);

  // 4. First assessment.
  await caseTab(page, "Assessment").click();
  await expect(page.getByRole("heading", { level: 1, name: "Assessment und Re-Assessment" })).toBeVisible();
  const overview = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Lebensbereich" }) });
  await overview.getByRole("button", { name: `Erfassen ${area}` }).click();
  const assessment = page.locator("form", { has: page.getByRole("button", { name: "Assessment speichern" }) });
  const residence = assessment.getByRole("group", { name: "Einschätzung der aufenthaltsrechtlichen Situation" });
  await assessment.getByLabel("Datum").fill(isoDay(-21));
  await assessment.getByLabel("Aufenthaltsrechtlicher Status").selectOption({ label: "Duldung nach § 60a" });
  await assessment.getByLabel(/^Erläuterungen, Ergänzungen/).fill("Duldung für drei Monate.");
  await assessment.getByLabel("Anliegen/Wünsche Klient*in").fill("Sicherer Aufenthalt");
  await residence.getByRole("radio", { name: "2", exact: true }).check();
  await assessment.getByRole("button", { name: "Assessment speichern" }).click();
  await expect(assessment.getByRole("status")).toHaveText("Das Assessment wurde gespeichert.");
  await expectAccessible(page);

  // 5-7. Goals, help plan, linking within the Schweigepflichtentbindung.
  await caseTab(page, "Ziele und Hilfeplan").click();
  const agreement = page.locator("form", { has: page.getByRole("heading", { name: "Neue Zielvereinbarung" }) });
  const goal1 = agreement.getByRole("group", { name: "Ziel 1 (am wichtigsten)" });
  await agreement.getByLabel("Datum der Vereinbarung").fill(isoDay(-20));
  await agreement.getByLabel("Nächste Fortschreibung bzw. Zielüberprüfung spätestens am").fill(isoDay(40));
  await goal1.getByLabel("Ziel: Was soll erreicht werden?").fill("Aufenthaltserlaubnis nach § 25b beantragt");
  await goal1.getByLabel("Lebensbereich").selectOption({ label: area });
  await goal1.getByLabel("Bis wann soll das Ziel erreicht sein?").fill(isoDay(60));
  await agreement.getByRole("radio", { name: "Ja", exact: true }).check();
  await agreement.getByRole("button", { name: "Zielvereinbarung speichern" }).click();
  await expect(page.getByText(/^Die Zielvereinbarung wurde gespeichert\./)).toBeVisible();
  await expectAccessible(page);

  const measureForm = page.locator("form", { has: page.getByRole("heading", { name: "Maßnahme hinzufügen" }) });
  await measureForm.getByLabel("Zu welchem Ziel?").selectOption({ label: "Ziel 1: Aufenthaltserlaubnis nach § 25b beantragt" });
  await measureForm.getByLabel("Aufgabe / Maßnahme").fill("Aufenthaltsrechtliche Beratung");
  await measureForm.getByLabel("Anbieter").selectOption({ label: "Caritasverband Kreis Beispiel" });
  await measureForm.getByRole("button", { name: "Maßnahme speichern" }).click();
  await expect(page.getByText("Die Maßnahme wurde gespeichert.")).toBeVisible();

  const referralForm = page.locator("form", { has: page.getByRole("heading", { name: "Neue Vermittlung" }) });
  await referralForm.getByLabel("Organisation").selectOption({ label: "Caritasverband Kreis Beispiel" });
  await referralForm.getByLabel("Zu Maßnahme").selectOption({ label: "Aufenthaltsrechtliche Beratung" });
  await referralForm.getByLabel("Rolle des Case Managements").selectOption({ label: "Vermittelnd" });
  await referralForm.getByLabel("Form der Zusammenarbeit").selectOption({ label: "Warme Übergabe (gemeinsames Gespräch)" });
  await referralForm.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(page.getByText("Die Vermittlung wurde erfasst.")).toBeVisible();
  // The referral's row, not the measure's: only referrals carry the CM's role.
  const referralRow = page.getByRole("row").filter({ hasText: "Caritasverband Kreis Beispiel" }).filter({ hasText: "Vermittelnd" });
  await expect(referralRow.getByRole("cell").nth(6)).toHaveText("liegt vor");
  await expectAccessible(page);

  // 8. Monitoring: a contact and a Zwischenstand.
  await caseTab(page, "Kontakte und Monitoring").click();
  await page.getByLabel("Dauer (Minuten)").fill("50");
  await page.getByLabel("Thema").first().fill("Antrag § 25b vorbereitet");
  await saveAndExpect(page, "Kontakt dokumentieren", "Der Kontakt wurde dokumentiert.");
  await page.getByRole("radio", { name: "verbessert", exact: true }).check();
  await page.getByRole("radio", { name: `${area}: zum guten Teil` }).check();
  await saveAndExpect(page, "Zwischenstand festhalten", "Der Zwischenstand wurde gespeichert.");
  await expectAccessible(page);

  // 9. Re-assessment, compared with the first.
  await caseTab(page, "Assessment").click();
  // Coming back, the form starts a new assessment of the area, with the latest one a click away.
  await expect(page.getByRole("heading", { level: 3, name: "Neues Assessment" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Letztes Assessment vom ${germanDay(isoDay(-21))} bearbeiten` })).toBeVisible();
  await expect(assessment.getByRole("radio", { name: "Re-Assessment" })).toBeChecked();
  await assessment.getByLabel("Datum").fill(isoDay(0));
  await assessment.getByLabel("Aufenthaltsrechtlicher Status").selectOption({ label: "Aufenthaltserlaubnis" });
  await residence.getByRole("radio", { name: "7", exact: true }).check();
  await assessment.getByRole("button", { name: "Assessment speichern" }).click();
  await expect(assessment.getByRole("status")).toHaveText("Das Assessment wurde gespeichert.");
  const scales = page.getByRole("table", { name: `Einschätzungen vorher und jetzt: ${area}` });
  await expect(scales.getByRole("row", { name: /^Aufenthaltsrechtliche Situation/ })).toContainText("+5");
  await expectAccessible(page);

  // 10. Closure; the half-filled Abschlussbogen survives a reload as a draft.
  await caseTab(page, "Abschluss").click();
  await page.getByRole("radio", { name: "Gemeinsam vereinbart, weiterbetreut durch …" }).check();
  await page.getByLabel("Weiterbetreut durch", { exact: true }).fill("Migrationsberatung");
  await page.getByRole("radio", { name: "verbessert", exact: true }).check();
  await expect(page.getByText(/^Entwurf gespeichert/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Ungespeicherter Entwurf vom .* wiederhergestellt\./)).toBeVisible();
  await expect(page.getByRole("radio", { name: "Gemeinsam vereinbart, weiterbetreut durch …" })).toBeChecked();
  await expect(page.getByLabel("Weiterbetreut durch", { exact: true })).toHaveValue("Migrationsberatung");
  await expect(page.getByRole("radio", { name: "verbessert", exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Fall abschließen" }).click();
  await expect(page.getByText(/Dieser Fall wurde am .* abgeschlossen\./)).toBeVisible();
  await expectAccessible(page);

  // The coordination: dashboard, case list, case view and the monthly report, all by pseudonym only.
  const context = await browser.newContext();
  const coordination = await context.newPage();
  const bodies: string[] = [];
  coordination.on("response", (response: Response) => {
    void response.text().then(
      (text) => bodies.push(text),
      () => {},
    );
  });
  await signIn(coordination, demoUsers.coordinator.username);
  await coordination.goto("/reports");
  await expect(coordination.getByRole("heading", { name: "Überblick der Koordination" })).toBeVisible();
  await expect(coordination.getByRole("img", { name: /^Fälle nach Stand: .*Abgeschlossen \d+/ })).toBeVisible();
  await coordination.getByRole("button", { name: "Bericht von Chris Casemanagement anzeigen" }).click();
  const report = coordination.getByRole("region", { name: "Monatsbericht: Chris Casemanagement" });
  // The report opens on the last month; this case's contact lies in the current one.
  await report.getByLabel("Monat").fill(isoDay(0).slice(0, 7));
  await expect(report.getByRole("row", { name: new RegExp(`^${pseudonym} Abgeschlossen`) })).toBeVisible();
  await expectAccessible(coordination);

  await coordination.goto("/cases");
  await coordination.getByRole("link", { name: `Fall ${pseudonym} öffnen` }).click();
  await expect(coordination.getByText("Sie sehen diesen Fall pseudonymisiert.")).toBeVisible();
  await expect(coordination.getByRole("link", { name: "Aktendeckblatt" })).toHaveCount(0);
  await expectAccessible(coordination);
  await coordination.goto(`${caseUrl.replace(/\/$/, "")}/identity`);
  await coordination.waitForLoadState("networkidle");

  const month = isoDay(0).slice(0, 7);
  const workbook = await coordination.request.get(`/api/reports/monthly?month=${month}&userId=${await cmUserId(coordination)}`);
  bodies.push((await workbook.body()).toString("latin1"));
  await context.close();

  const seen = bodies.join("\n");
  expect(seen).toContain(pseudonym);
  for (const value of [
    person.lastName,
    person.firstName,
    person.birthDate,
    germanDay(person.birthDate),
    person.street,
    person.phone,
    person.fileNumber,
  ]) {
    expect(seen, `the coordination received ${value}`).not.toContain(value);
  }
});

/** The demo case manager's id, as the coordination's report status lists it. */
async function cmUserId(page: Page): Promise<string> {
  const response = await page.request.post("/api/trpc/reports.status", {
    headers: { "content-type": "application/json", "x-http-method-override": "GET" },
    data: JSON.stringify({ json: { month: isoDay(0).slice(0, 7) } }),
  });
  const status = (await response.json()).result.data.json as { caseManagers: { id: string; displayName: string }[] };
  return status.caseManagers.find((cm) => cm.displayName === demoUsers.case_manager.displayName)!.id;
}
