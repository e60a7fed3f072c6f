import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";
import { addDays, todayInBerlin } from "../../server/schemas/calendar-days";

const conferenceTitle = "Fallkonferenz Ausbildung und Sprache";
const followUpTitle = "Folgekonferenz Ausbildung und Sprache";
const task = "Sprachkurs B1 mit Kinderbetreuung vermitteln";
const note = "Anmeldung ist erfolgt, Beginn im Januar.";
const dueDate = addDays(todayInBerlin(), 21);

async function planConference(page: Page, title: string, scheduledAt: string, previousTitle?: string) {
  await page.goto("/conferences");
  await page.getByLabel("Art der Konferenz").selectOption({ label: "Fallkonferenz" });
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Datum und Uhrzeit").fill(scheduledAt);
  await page.getByRole("checkbox", { name: "Nico Netzwerk (Ausländerbehörde Kreis Beispiel)" }).check();
  if (previousTitle) {
    const previous = page.getByLabel("Folgekonferenz von");
    const value = await previous.locator("option", { hasText: previousTitle }).getAttribute("value");
    await previous.selectOption(value!);
  }
  await page.getByRole("button", { name: "Konferenz planen" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Die Konferenz „${title}“ wurde geplant.` })).toBeVisible();
  await page.getByRole("link", { name: `Konferenz „${title}“ öffnen` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // Work packages are agreed in the meeting and followed up after it.
  await page.getByRole("link", { name: "Nachbereitung", exact: true }).click();
  await expect(page).toHaveURL(/\/nachbereitung$/);
}

test("work packages are agreed, reported through a link without an account, reviewed in the follow-up and kept in the protocol", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.case_manager.username);
  await planConference(page, conferenceTitle, "2026-12-10T10:00");
  const conferenceUrl = page.url();
  const packages = page.getByRole("region", { name: "Arbeitspakete", exact: true });
  await expect(packages.getByText("Noch keine Arbeitspakete vereinbart.")).toBeVisible();

  // Missing organisation and due date: messages at the fields.
  await packages.getByLabel("Aufgabe").fill(task);
  await packages.getByRole("button", { name: "Arbeitspaket anlegen" }).click();
  await expect(packages.getByLabel("Verantwortliche Organisation")).toHaveAttribute("aria-invalid", "true");
  await expect(packages.getByLabel("Fällig am")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await packages.getByLabel("Verantwortliche Organisation").selectOption({ label: "Jobcenter Kreis Beispiel" });
  await packages.getByLabel("Ansprechperson (Freitext)").fill("Frau Jobcenter");
  await packages.getByLabel("Fällig am").fill(dueDate);
  await packages.getByRole("button", { name: "Arbeitspaket anlegen" }).click();
  await expect(packages.getByRole("status").filter({ hasText: "Das Arbeitspaket wurde angelegt." })).toBeVisible();
  const row = packages.getByRole("row").filter({ hasText: task });
  await expect(row).toContainText("Jobcenter Kreis Beispiel, Frau Jobcenter");
  await expect(row).toContainText("offen");

  await row.getByRole("button", { name: `Rückmeldelink erstellen: ${task}` }).click();
  const linkField = packages.getByLabel("Rückmeldelink", { exact: true });
  await expect(linkField).toHaveValue(/\/arbeitspaket\/[A-Za-z0-9_-]{43}$/);
  const link = await linkField.inputValue();
  await expect(row).toContainText(/Rückmeldelink gültig bis/);
  await expectAccessible(page);

  // The responsible actor: a fresh browser without any session.
  const partner = await browser.newContext();
  const form = await partner.newPage();
  await form.goto(link);
  await expect(form.getByRole("heading", { level: 1, name: "Arbeitspaket: Stand melden" })).toBeVisible();
  await expect(form.getByText(task)).toBeVisible();
  await expect(form.getByText("Noch keine Rückmeldung.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Abmelden" })).toHaveCount(0);
  await expect(form.locator("body")).not.toContainText(conferenceTitle);
  await expectAccessible(form);
  await form.getByLabel("Ihr Name").fill("Frau Jobcenter");
  await form.getByLabel("Status", { exact: true }).selectOption({ label: "in Arbeit" });
  await form.getByLabel("Notiz").fill(note);
  await form.getByRole("button", { name: "Stand melden" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Vielen Dank. Der Stand wurde gespeichert." })).toBeVisible();
  const history = form.getByRole("region", { name: "Bisherige Rückmeldungen" });
  await expect(history.getByRole("listitem")).toContainText(`in Arbeit – Frau Jobcenter: ${note}`);
  await expectAccessible(form);

  // A wrong link gets one neutral message.
  await form.goto(`/arbeitspaket/${"A".repeat(43)}`);
  await expect(form.getByText("Dieser Link ist ungültig oder abgelaufen.", { exact: false })).toBeVisible();
  await expect(form.getByRole("button", { name: "Stand melden" })).toHaveCount(0);
  await expectAccessible(form);
  await partner.close();

  await page.reload();
  const updated = page.getByRole("region", { name: "Arbeitspakete", exact: true }).getByRole("row").filter({ hasText: task });
  await expect(updated).toContainText("in Arbeit");
  await expect(updated).toContainText(`Frau Jobcenter (über Link): ${note}`);

  // The protocol keeps the work package; the PDF is served to the participant.
  const protocol = page.getByRole("region", { name: "Protokoll" });
  await protocol.getByRole("button", { name: "Protokoll erzeugen" }).click();
  await expect(protocol.getByRole("status").filter({ hasText: "Version 1 des Protokolls wurde erzeugt." })).toBeVisible();
  const download = protocol.getByRole("link", { name: "Version 1 als PDF herunterladen" });
  const response = await page.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expectAccessible(page);

  // The follow-up conference reviews the open package as its first agenda item.
  await planConference(page, followUpTitle, "2027-01-14T10:00", conferenceTitle);
  const followUp = page.getByRole("region", { name: "TOP 1: Offene Arbeitspakete aus früheren Konferenzen" });
  const item = followUp.getByRole("row").filter({ hasText: task });
  await expect(item).toContainText("in Arbeit");
  await expect(item).toContainText(conferenceTitle);
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.indexOf("TOP 1: Offene Arbeitspakete aus früheren Konferenzen")).toBeLessThan(headings.indexOf("Arbeitspakete"));
  await expectAccessible(page);

  // Once done, it no longer comes up.
  await page.goto(conferenceUrl);
  await page.getByRole("button", { name: `Stand melden: ${task}` }).click();
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "erledigt" });
  await page.getByRole("button", { name: "Stand speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Der Stand wurde gespeichert." })).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: followUpTitle })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Arbeitspakete" })).toBeVisible();
  await expect(page.getByRole("region", { name: "TOP 1: Offene Arbeitspakete aus früheren Konferenzen" })).toHaveCount(0);
});
