import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const summaryTitle = "Familie ohne feste Wohnung";
const summaryText =
  "Eine Familie mit zwei Kindern lebt seit einem Jahr in einer Notunterkunft; die Duldung wird alle drei Monate verlängert.";
const conferenceTitle = "Fallkonferenz Wohnen und Aufenthalt";

async function saveAndExpect(page: Page, button: string, status: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("status").filter({ hasText: status })).toBeVisible();
}

/** An active case whose Schweigepflichtentbindung covers only the Jobcenter, with a Falldarstellung. */
async function prepareCase(page: Page): Promise<string> {
  await page.goto("/cases/new");
  await page.getByLabel("Kommune").selectOption({ label: "Nordheim" });
  await page.getByLabel("Name", { exact: true }).fill("Oyelaran-Whitcombe");
  await page.getByLabel("Vorname").fill("Tamsin");
  await page.getByLabel("Geburtsdatum").fill("1986-02-11");
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Fall [A-Z]+-\d{4}-\d{4}$/ })).toBeVisible();
  const pseudonym = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Fall ", "");

  await page.getByRole("navigation", { name: "Bereiche des Falls" }).getByRole("link", { name: "Zugang und Erstgespräch" }).click();
  await page.getByLabel("Art").selectOption({ label: "Einverständniserklärung (Datenverarbeitung)" });
  await saveAndExpect(page, "Einwilligung erfassen", "Die Einwilligung wurde erfasst.");
  await page.getByLabel("Art").selectOption({ label: "Schweigepflichtentbindung" });
  await page.getByRole("checkbox", { name: "Jobcenter Kreis Beispiel" }).check();
  await saveAndExpect(page, "Einwilligung erfassen", "Die Einwilligung wurde erfasst.");
  await page.getByRole("checkbox", { name: /Mehrdimensionaler Hilfebedarf/ }).check();
  await page.getByRole("radio", { name: "Aufnahme ins Case Management" }).check();
  await saveAndExpect(page, "Erstgespräch speichern", "Status jetzt: In Begleitung");

  await page.getByRole("link", { name: "Falldarstellung" }).click();
  await page.getByLabel("Titel").fill(summaryTitle);
  await page.getByLabel("Darstellung", { exact: true }).fill(summaryText);
  await saveAndExpect(page, "Falldarstellung speichern", "Die Falldarstellung wurde gespeichert.");
  return pseudonym;
}

test("a case manager plans a Fallkonferenz, attaches a case, and uncovered participants do not see it", async ({ page, browser }) => {
  await signIn(page, demoUsers.case_manager.username);
  const pseudonym = await prepareCase(page);

  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Konferenzen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Konferenzen" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Kim Koordination (Kommunales Integrationszentrum Kreis Beispiel)" })).toBeVisible();
  await expectAccessible(page);

  // Missing title and date: messages at the fields.
  await page.getByRole("button", { name: "Konferenz planen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie die markierten Felder." })).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Datum und Uhrzeit")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Art der Konferenz").selectOption({ label: "Fallkonferenz" });
  await page.getByLabel("Titel").fill(conferenceTitle);
  await page.getByLabel("Kommune").selectOption({ label: "Nordheim" });
  await page.getByLabel("Datum und Uhrzeit").fill("2026-12-03T10:00");
  await page.getByLabel("Ort", { exact: true }).fill("Kreishaus, Raum 2.14");
  await page.getByRole("checkbox", { name: "Kim Koordination (Kommunales Integrationszentrum Kreis Beispiel)" }).check();
  await page.getByRole("checkbox", { name: "Nico Netzwerk (Ausländerbehörde Kreis Beispiel)" }).check();
  await saveAndExpect(page, "Konferenz planen", `Die Konferenz „${conferenceTitle}“ wurde geplant.`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Konferenz „${conferenceTitle}“ öffnen` }) });
  await expect(row).toContainText("Fallkonferenz");
  await expect(row).toContainText("geplant");
  await expect(row.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: `Konferenz „${conferenceTitle}“ öffnen` }).click();
  await expect(page.getByRole("heading", { level: 1, name: conferenceTitle })).toBeVisible();
  const participants = page.getByRole("region", { name: "Teilnehmende" });
  await expect(participants.getByRole("listitem").filter({ hasText: "Chris Casemanagement" })).toContainText("moderiert");
  await expect(participants).toContainText("Nico Netzwerk (Ausländerbehörde Kreis Beispiel)");
  await expect(page.getByText("Noch keine Fälle auf der Tagesordnung.")).toBeVisible();

  await page.getByLabel("Fall (mit Falldarstellung)").selectOption({ label: pseudonym });
  await saveAndExpect(page, "Fall hinzufügen", "Der Fall wurde auf die Tagesordnung gesetzt.");
  const agenda = page.getByRole("region", { name: "Fälle" });
  // In the meeting the case has a name of its own; only its case manager is told which case it is.
  const heading = agenda.getByRole("heading", { level: 3, name: /^Fall K-[A-Z2-9]{6}$/ });
  await expect(heading).toBeVisible();
  const meetingName = (await heading.textContent())!.replace("Fall ", "");
  await expect(agenda.getByText(`Ihr Fall ${pseudonym}`)).toBeVisible();
  await expect(agenda.getByRole("heading", { level: 4, name: summaryTitle })).toBeVisible();
  await expect(agenda.getByText(summaryText)).toBeVisible();

  // Only the Jobcenter is released: the coordination and the Ausländerbehörde are named as conflicts.
  const conflicts = page.getByRole("region", { name: "Freigaben prüfen" });
  await expect(conflicts.getByRole("heading", { name: `Fall ${meetingName}` })).toBeVisible();
  await expect(conflicts.getByRole("listitem")).toHaveText([
    "Kim Koordination (Kommunales Integrationszentrum Kreis Beispiel)",
    "Nico Netzwerk (Ausländerbehörde Kreis Beispiel)",
  ]);
  await expectAccessible(page);

  const network = await browser.newContext();
  const networkPage = await network.newPage();
  await signIn(networkPage, demoUsers.network_actor.username);
  await networkPage.goto("/conferences");
  await expect(networkPage.getByRole("link", { name: `Konferenz „${conferenceTitle}“ öffnen` })).toBeVisible();
  await expect(networkPage.getByRole("button", { name: "Konferenz planen" })).toHaveCount(0);
  await expectAccessible(networkPage);
  await networkPage.getByRole("link", { name: `Konferenz „${conferenceTitle}“ öffnen` }).click();
  await expect(networkPage.getByRole("heading", { level: 3, name: `Fall ${meetingName} (für Sie nicht freigegeben)` })).toBeVisible();
  await expect(networkPage.locator("body")).not.toContainText("Notunterkunft");
  await expect(networkPage.locator("body")).not.toContainText(pseudonym);
  await expect(networkPage.locator("body")).not.toContainText(summaryTitle);
  await expect(networkPage.getByRole("region", { name: "Freigaben prüfen" })).toHaveCount(0);
  await expectAccessible(networkPage);

  // The reconstruction grid: the case manager writes the client's view; the uncovered participant
  // sees that a card exists but not what it says, and who has not given their view yet.
  // Starting the meeting opens the room; the participant goes in too.
  await page.getByRole("button", { name: "Konferenz beginnen" }).click();
  await expect(page).toHaveURL(/\/live$/);
  await networkPage.getByRole("link", { name: "Live", exact: true }).click();
  for (let phase = 0; phase < 2; phase++) await page.getByRole("button", { name: "Nächste Phase" }).click();
  await expect(page.getByRole("navigation", { name: "Ablaufplan" }).getByRole("listitem").filter({ hasText: "jetzt" })).toContainText(
    "Rekonstruktion aus den Perspektiven",
  );
  await page.getByLabel("Perspektive", { exact: true }).selectOption({ label: "Sicht der Klientin / des Klienten" });
  await page.getByLabel("Ihre Beobachtung").fill("Jede Verlängerung der Duldung kostet einen Arbeitstag beim Amt");
  await page.getByRole("button", { name: "Karte anheften" }).click();
  const grid = page.getByRole("table", { name: "Rekonstruktion: Fälle und Perspektiven" });
  await expect(grid.getByText("Jede Verlängerung der Duldung kostet einen Arbeitstag beim Amt", { exact: true })).toBeVisible();
  const networkGrid = networkPage.getByRole("table", { name: "Rekonstruktion: Fälle und Perspektiven" });
  await expect(networkGrid.getByText("Karte zu einem Fall, der für Sie nicht freigegeben ist.")).toBeVisible();
  await expect(networkPage.locator("body")).not.toContainText("Arbeitstag");
  await expect(networkGrid.getByText(/Es fehlt noch:/)).toContainText("Caritasverband Kreis Beispiel");
  await page.getByRole("button", { name: new RegExp(`Unsere Sicht ist vollständig\\s*: Fall ${meetingName}`) }).click();
  await expect(networkGrid.getByText(/Es fehlt noch:/)).not.toContainText("Caritasverband");
  await expect(networkGrid.getByText(/Es fehlt noch:/)).toContainText("Ausländerbehörde Kreis Beispiel");
  await expectAccessible(page);
  await expectAccessible(networkPage);
  await network.close();
});
