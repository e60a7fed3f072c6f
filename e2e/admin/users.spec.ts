import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

test("an admin creates a user, who then signs in with the new role", async ({ page, browser }) => {
  await signIn(page, demoUsers.admin.username);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Verwaltung" }).click();
  await expect(page.getByRole("heading", { name: "Benutzerkonto anlegen" })).toBeVisible();
  await expectAccessible(page);

  const form = page.locator("form", { has: page.getByRole("heading", { name: "Benutzerkonto anlegen" }) });
  // Bad input first: German messages tied to the fields.
  await form.getByLabel("Benutzername").fill("X");
  await form.getByRole("button", { name: "Anlegen" }).click();
  await expect(form.getByText("Der Benutzername muss mindestens 3 Zeichen lang sein.")).toBeVisible();
  await expect(form.getByText("Das Passwort muss mindestens 12 Zeichen lang sein.")).toBeVisible();
  await expect(form.getByLabel("Benutzername")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await form.getByLabel("Benutzername").fill("m.schneider");
  await form.getByLabel("Anzeigename").fill("Mira Schneider");
  await form.getByLabel("Organisation").selectOption({ label: "Caritasverband Kreis Beispiel" });
  await form.getByLabel("Erstes Passwort").fill("Sonnenblumen am Rhein 2026");
  await form.getByLabel("Rolle 1").selectOption({ label: "Case Management" });
  await form.getByLabel("Geltungsbereich 1").selectOption({ label: "Kommune: Nordheim" });
  await form.getByRole("button", { name: "Anlegen" }).click();
  await expect(form.getByRole("status")).toHaveText("„Mira Schneider“ wurde angelegt.");
  await expect(page.getByRole("cell", { name: "m.schneider" })).toBeVisible();

  const context = await browser.newContext();
  const newUserPage = await context.newPage();
  await signIn(newUserPage, "m.schneider", "Sonnenblumen am Rhein 2026");
  await expect(newUserPage.getByRole("heading", { level: 1 })).toHaveText("Willkommen, Mira Schneider");
  await expect(newUserPage.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Fälle" })).toBeVisible();

  // Deactivation ends the running session at the next request.
  const row = page.getByRole("row", { name: /Mira Schneider/ });
  await row.getByRole("button", { name: /Deaktivieren/ }).click();
  await expect(page.getByText("„Mira Schneider“ wurde deaktiviert; alle Sitzungen sind beendet.")).toBeVisible();
  await newUserPage.reload();
  await expect(newUserPage).toHaveURL(/\/sign-in/);
  await context.close();

  // The audit view shows what happened, in German.
  await page.getByRole("link", { name: "Protokoll" }).click();
  await expect(page.getByRole("cell", { name: "Benutzerkonto angelegt" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Benutzerkonto deaktiviert" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("an admin maintains Kommunen, organisations and bodies", async ({ page }) => {
  await signIn(page, demoUsers.admin.username);
  await page.goto("/admin/kommunen");
  await page.getByLabel("Name").fill("Neustadt");
  await page.getByLabel("Art").selectOption({ label: "Bezirk" });
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByRole("status")).toHaveText("„Neustadt“ wurde angelegt.");
  await expect(page.getByRole("row", { name: /Neustadt/ })).toContainText("Bezirk");
  await page.getByLabel("Name").fill("Neustadt");
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText("Dieser Name ist bereits vergeben.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/organisations");
  await page.getByLabel("Name").fill("Diakonie Neustadt");
  await page.getByLabel("Art").selectOption({ label: "Wohlfahrtsverband" });
  await page.getByLabel("Kommune").selectOption({ label: "Neustadt" });
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByRole("row", { name: /Diakonie Neustadt/ })).toContainText("Neustadt");
  await expectAccessible(page);

  await page.goto("/admin/bodies");
  await page.getByLabel("Name").fill("Arbeitsgruppe Wohnraum");
  await page.getByLabel("Übergeordnetes Gremium").selectOption({ label: "Fachgruppe Wohnen und Stadtentwicklung" });
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByRole("row", { name: /Arbeitsgruppe Wohnraum/ })).toContainText("Fachgruppe Wohnen und Stadtentwicklung");
  await expectAccessible(page);
});

test("an admin sets the programme's caseload key, with a German message for bad input", async ({ page }) => {
  await signIn(page, demoUsers.admin.username);
  await page.goto("/admin/settings");
  await page.getByLabel("Fallschlüssel (Fälle je Vollzeitstelle)").fill("0");
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByText("Bitte eine Zahl zwischen 1 und 200 angeben.")).toBeVisible();
  await page.getByLabel("Fallschlüssel (Fälle je Vollzeitstelle)").fill("45");
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Die Einstellungen wurden gespeichert.");
  await expectAccessible(page);
});
