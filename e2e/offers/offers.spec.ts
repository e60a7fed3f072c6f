import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const searchForm = (page: Page) => page.getByRole("search", { name: "Angebote suchen und filtern" });
const directory = (page: Page) => page.getByRole("table", { name: "Angebotsverzeichnis" });

test("a case manager searches, filters and maintains the offer directory", async ({ page }) => {
  await signIn(page, demoUsers.case_manager.username);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Angebote" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Angebote");
  await expect(directory(page).getByRole("row", { name: /Jugendmigrationsdienst/ })).toBeVisible();
  await expectAccessible(page);

  const filters = searchForm(page);
  await filters.getByLabel("Suche", { exact: true }).fill("schuldner");
  await filters.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByText("1 Angebot gefunden.")).toBeVisible();
  await expect(directory(page).getByRole("row", { name: /Schuldner- und Insolvenzberatung/ })).toContainText("AWO Kreisverband Beispiel");

  await filters.getByRole("button", { name: "Filter zurücksetzen" }).click();
  await filters.getByLabel("Lebensbereich").selectOption({ label: "Gesundheit" });
  await filters.getByLabel("Sprache", { exact: true }).selectOption({ label: "Farsi" });
  await filters.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByText("2 Angebote gefunden.")).toBeVisible();
  await expect(directory(page).getByRole("row", { name: /Psychosoziale Beratung für Geflüchtete/ })).toBeVisible();
  // County-wide offers serve every Kommune; the Beispielstadt counselling does not serve Nordheim.
  await filters.getByLabel("Kommune", { exact: true }).selectOption({ label: "Nordheim" });
  await filters.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByText("1 Angebot gefunden.")).toBeVisible();
  await expect(directory(page).getByRole("row", { name: /Sprachmittlerpool/ })).toContainText("Kreisweit");
  await expect(directory(page).getByRole("row", { name: /Psychosoziale Beratung/ })).toHaveCount(0);

  const formSection = page.getByRole("region", { name: "Angebot anlegen" });
  // Bad input first: German messages next to the fields.
  await formSection.getByRole("button", { name: "Anlegen" }).click();
  const title = formSection.getByLabel("Titel");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAccessibleDescription("Bitte geben Sie einen Titel mit mindestens 2 Zeichen an.");
  await expect(formSection.getByRole("group", { name: "Lebensbereiche" })).toHaveAccessibleDescription(
    "Bitte wählen Sie mindestens einen Lebensbereich.",
  );
  await expectAccessible(page);

  await title.fill("Hausaufgabenhilfe für Schulkinder");
  await formSection.getByLabel("Träger").selectOption({ label: "AWO Kreisverband Beispiel" });
  await formSection.getByLabel("Beschreibung").fill("Ehrenamtliche helfen zweimal pro Woche bei den Hausaufgaben.");
  await formSection.getByLabel("Bildung/Sprache/Ausbildung/Arbeit").check();
  await formSection.getByLabel("Familiäre Situation").check();
  await formSection.getByLabel("Zielgruppe").fill("Schulkinder der Klassen 1 bis 6");
  await formSection.getByLabel("Sprachen").fill("Deutsch, Arabisch , Ukrainisch");
  await formSection.getByLabel("Kommune").selectOption({ label: "Westdorf" });
  await formSection.getByLabel("Kontakt").fill("Familienzentrum Westdorf, dienstags und donnerstags 14–16 Uhr");
  await formSection.getByRole("button", { name: "Anlegen" }).click();
  await expect(formSection.getByRole("status").first()).toHaveText("„Hausaufgabenhilfe für Schulkinder“ wurde angelegt.");
  await expect(title).toHaveValue("");

  await filters.getByRole("button", { name: "Filter zurücksetzen" }).click();
  await filters.getByLabel("Suche", { exact: true }).fill("Hausaufgaben");
  await filters.getByRole("button", { name: "Suchen" }).click();
  const row = directory(page).getByRole("row", { name: /Hausaufgabenhilfe für Schulkinder/ });
  await expect(row).toContainText("Westdorf");
  await expect(row).toContainText("Deutsch, Arabisch, Ukrainisch");
  await expect(row).toContainText("Bildung/Sprache/Ausbildung/Arbeit, Familiäre Situation");

  // Editing moves the keyboard focus to the form.
  await row.getByRole("button", { name: "Bearbeiten Hausaufgabenhilfe für Schulkinder" }).click();
  const editHeading = page.getByRole("heading", { name: "Angebot bearbeiten: Hausaufgabenhilfe für Schulkinder" });
  await expect(editHeading).toBeFocused();
  const editSection = page.getByRole("region", { name: "Angebot bearbeiten: Hausaufgabenhilfe für Schulkinder" });
  await editSection.getByLabel("Zielgruppe").fill("Schulkinder der Klassen 1 bis 10");
  await editSection.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("„Hausaufgabenhilfe für Schulkinder“ wurde gespeichert.")).toBeVisible();
  await expect(row).toContainText("Klassen 1 bis 10");

  await row.getByRole("button", { name: "Deaktivieren Hausaufgabenhilfe für Schulkinder" }).click();
  await expect(page.getByText("„Hausaufgabenhilfe für Schulkinder“ wurde deaktiviert.")).toBeVisible();
  await expect(row).toHaveCount(0);
  await filters.getByLabel("Auch deaktivierte Angebote anzeigen").check();
  await filters.getByRole("button", { name: "Suchen" }).click();
  await expect(row).toContainText("Deaktiviert");

  // Gap analysis is the coordination's; the clean-up list is for everyone who maintains offers.
  await expect(page.getByRole("heading", { name: "Mögliche Dubletten" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Abdeckung nach Lebensbereich und Kommune" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the coordination sees duplicates and coverage gaps and cleans up", async ({ page }) => {
  await signIn(page, demoUsers.coordinator.username);
  await page.goto("/offers");

  const duplicates = page.getByRole("region", { name: "Mögliche Dubletten" });
  const sameTitle = duplicates.getByRole("row", { name: /Gleicher Titel/ });
  await expect(sameTitle).toContainText("Migrationsberatung für erwachsene Zugewanderte (MBE)");
  await expect(sameTitle).toContainText("Migrationsberatung für erwachsene Zugewanderte – MBE");
  await expect(
    duplicates.getByRole("row", { name: /Gleicher Träger, gleicher Lebensbereich: Bildung\/Sprache\/Ausbildung\/Arbeit/ }).filter({
      hasText: "Berufssprachkurs B1/B2",
    }),
  ).toContainText("Integrationskurs mit Alphabetisierung");

  const coverage = page.getByRole("region", { name: "Abdeckung nach Lebensbereich und Kommune" });
  const grid = coverage.getByRole("table", { name: "Aktive Angebote je Lebensbereich (Zeilen) und Kommune (Spalten)" });
  await expect(grid.getByRole("columnheader", { name: "Am See" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "Kreisweit" })).toBeVisible();
  await expect(
    grid
      .getByRole("row", { name: /Aufenthaltsstatus\/Rechtliches/ })
      .getByRole("cell")
      .last(),
  ).toHaveText("3 Angebote");
  await expect(
    grid
      .getByRole("row", { name: /Wohnsituation/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("0 · Lücke");
  await expect(grid.getByRole("cell", { name: "Lücke" }).first()).toBeVisible();
  await expectAccessible(page);

  // Clean-up: the second MBE entry is deactivated and the candidate disappears.
  await duplicates.getByRole("button", { name: /^Deaktivieren Migrationsberatung für erwachsene Zugewanderte – MBE/ }).click();
  await expect(duplicates.getByRole("status")).toHaveText("„Migrationsberatung für erwachsene Zugewanderte – MBE“ wurde deaktiviert.");
  await expect(duplicates.getByRole("row", { name: /Gleicher Titel/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("roles without the offer database get no access", async ({ page }) => {
  await signIn(page, demoUsers.network_actor.username);
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Angebote" })).toHaveCount(0);
  await page.goto("/offers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kein Zugriff");
});
