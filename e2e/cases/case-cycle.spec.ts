import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const person = { lastName: "Haddad", firstName: "Samira", birthDate: "1991-05-17" };

async function saveAndExpect(page: Page, button: string, status: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("status").filter({ hasText: status })).toBeVisible();
}

test("a case manager runs a case from screening to closure; the coordination sees it only pseudonymised", async ({ page, browser }) => {
  await signIn(page, demoUsers.case_manager.username);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Fälle" }).click();
  await page.getByRole("link", { name: "Neuen Fall anlegen" }).click();
  await expectAccessible(page);

  // Missing name: a German message at the field.
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await expect(page.getByText("Bitte füllen Sie dieses Feld aus.").first()).toBeVisible();

  await page.getByLabel("Zugang").selectOption({ label: "Screening durch Netzwerkpartner" });
  await page.getByLabel("Kommune").selectOption({ label: "Nordheim" });
  await page.getByLabel("Name", { exact: true }).fill(person.lastName);
  await page.getByLabel("Vorname").fill(person.firstName);
  await page.getByLabel("Geburtsdatum").fill(person.birthDate);
  await page.getByLabel("Screeningbogen ausfüllen").check();
  await page.getByLabel("Wohnsituation").fill("Wohnung zu klein, Kündigung droht");
  await page.getByLabel("Vordringliches Anliegen").fill("Wohnung sichern");
  await page.getByRole("radio", { name: "Ja" }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Fall anlegen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^Fall [A-Z]+-\d{4}-\d{4}$/ })).toBeVisible();
  const pseudonym = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Fall ", "");
  await expectAccessible(page);

  // Consents and intake: admission is refused until both consents are recorded.
  await page.getByRole("navigation", { name: "Bereiche des Falls" }).getByRole("link", { name: "Zugang und Erstgespräch" }).click();
  await page.getByRole("checkbox", { name: /Mehrdimensionaler Hilfebedarf/ }).check();
  await page.getByRole("radio", { name: "Aufnahme ins Case Management" }).check();
  await page.getByRole("button", { name: "Erstgespräch speichern" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Einverständniserklärung und eine Schweigepflichtentbindung" })).toBeVisible();

  await page.getByLabel("Art").selectOption({ label: "Einverständniserklärung (Datenverarbeitung)" });
  await saveAndExpect(page, "Einwilligung erfassen", "Die Einwilligung wurde erfasst.");
  await page.getByLabel("Art").selectOption({ label: "Schweigepflichtentbindung" });
  await page.getByRole("checkbox", { name: "Jobcenter Kreis Beispiel" }).check();
  await page.getByRole("checkbox", { name: "Caritasverband Kreis Beispiel" }).check();
  await saveAndExpect(page, "Einwilligung erfassen", "Die Einwilligung wurde erfasst.");
  await expect(page.getByRole("cell", { name: "Caritasverband Kreis Beispiel, Jobcenter Kreis Beispiel" })).toBeVisible();
  await saveAndExpect(page, "Erstgespräch speichern", "Status jetzt: In Begleitung");
  await expectAccessible(page);

  // Aktendeckblatt: only here does the name appear.
  await page.getByRole("link", { name: "Aktendeckblatt" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(person.lastName);
  await page.getByLabel("Straße").fill("Lindenallee 3");
  await page.getByLabel("Telefon").fill("0151 2345678");
  await page.getByRole("button", { name: "Stelle hinzufügen" }).click();
  await page.getByLabel("Aktenzeichen 1").fill("JC-2026-0815");
  await saveAndExpect(page, "Aktendeckblatt speichern", "Das Aktendeckblatt wurde gespeichert.");
  await expectAccessible(page);

  // Monitoring: a contact and an interim review.
  await page.getByRole("link", { name: "Kontakte und Monitoring" }).click();
  await page.getByLabel("Dauer (Minuten)").fill("45");
  await page.getByLabel("Thema").first().fill("Unterlagen für Wohnberechtigungsschein");
  await saveAndExpect(page, "Kontakt dokumentieren", "Der Kontakt wurde dokumentiert.");
  await expect(page.getByRole("cell", { name: "Unterlagen für Wohnberechtigungsschein" })).toBeVisible();
  await page.getByRole("radio", { name: "stabilisiert" }).check();
  await page.getByRole("radio", { name: "Wohnsituation: zum guten Teil" }).check();
  await saveAndExpect(page, "Zwischenstand festhalten", "Der Zwischenstand wurde gespeichert.");
  await expectAccessible(page);

  // Falldarstellung: the identity check names the field, not the value.
  await page.getByRole("link", { name: "Falldarstellung" }).click();
  await page.getByLabel("Titel").fill("Wohnungssuche einer Alleinerziehenden");
  await page.getByLabel("Darstellung", { exact: true }).fill(`Frau ${person.lastName} lebt mit zwei Kindern in einer zu kleinen Wohnung.`);
  await page.getByRole("button", { name: "Falldarstellung speichern" }).click();
  await expect(page.getByText(/enthält identifizierende Angaben aus dem Aktendeckblatt: Name/)).toBeVisible();
  await page
    .getByLabel("Darstellung", { exact: true })
    .fill("Eine alleinerziehende Frau lebt mit zwei Kindern in einer zu kleinen Wohnung.");
  await saveAndExpect(page, "Falldarstellung speichern", "Die Falldarstellung wurde gespeichert.");
  await expectAccessible(page);

  // Closure.
  await page.getByRole("link", { name: "Abschluss" }).click();
  await page.getByRole("radio", { name: "Gemeinsam vereinbart, weiterbetreut durch …" }).check();
  await page.getByRole("button", { name: "Fall abschließen" }).click();
  await expect(page.getByText("Bitte geben Sie an, wer weiter betreut.")).toBeVisible();
  await page.getByLabel("Weiterbetreut durch", { exact: true }).fill("Migrationsberatung");
  await page.getByRole("radio", { name: "verbessert", exact: true }).check();
  await page.getByRole("button", { name: "Fall abschließen" }).click();
  await expect(page.getByText(/Dieser Fall wurde am .* abgeschlossen\./)).toBeVisible();
  await expectAccessible(page);

  // The coordination: the case by pseudonym, never the person's name.
  const coordination = await browser.newContext();
  const coordinationPage = await coordination.newPage();
  await signIn(coordinationPage, demoUsers.coordinator.username);
  await coordinationPage.goto("/cases");
  await expect(coordinationPage.getByRole("link", { name: `Fall ${pseudonym} öffnen` })).toBeVisible();
  await expectAccessible(coordinationPage);
  await coordinationPage.getByRole("link", { name: `Fall ${pseudonym} öffnen` }).click();
  await expect(coordinationPage.getByText("Sie sehen diesen Fall pseudonymisiert.")).toBeVisible();
  await expect(coordinationPage.getByRole("link", { name: "Aktendeckblatt" })).toHaveCount(0);
  for (const value of [person.lastName, person.firstName, "Lindenallee", "JC-2026-0815"]) {
    await expect(coordinationPage.locator("body")).not.toContainText(value);
  }
  await coordinationPage.goto(page.url().replace(/\/closure$/, "/identity"));
  await expect(coordinationPage.locator("body")).not.toContainText(person.lastName);
  await coordination.close();
});
