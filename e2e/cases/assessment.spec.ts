import { expect, test, type Locator } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const area = "Aufenthaltsstatus / Rechtliches";

async function expectRow(row: Locator, texts: (string | RegExp)[]) {
  await expect(row.locator("th, td")).toHaveText(texts);
}

test("a case manager records a first assessment and a re-assessment and sees what changed", async ({ page }) => {
  await signIn(page, demoUsers.case_manager.username);
  await page.goto("/cases/new");
  await page.getByLabel("Zugang").selectOption({ label: "Direkt (selbst gekommen)" });
  await page.getByLabel("Name", { exact: true }).fill("Okonkwo");
  await page.getByLabel("Vorname").fill("Chidi");
  await page.getByLabel("Geburtsdatum").fill("1985-09-30");
  await page.getByRole("button", { name: "Fall anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Fall [A-Z]+-\d{4}-\d{4}$/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Bereiche des Falls" }).getByRole("link", { name: "Assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assessment und Re-Assessment" })).toBeVisible();
  await expect(page.getByText("Noch keine Assessments erfasst.")).toBeVisible();
  await expectAccessible(page);

  // Each area has its own form; the overview leads to it too.
  await page.getByLabel("Lebensbereich", { exact: true }).selectOption({ label: "Wohnsituation" });
  await expect(page.getByRole("group", { name: "Einschätzung der Wohnsituation" })).toBeVisible();
  const overview = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Lebensbereich" }) });
  await overview.getByRole("button", { name: `Erfassen ${area}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Assessment erfassen" })).toBeFocused();
  await expect(page.getByLabel("Lebensbereich", { exact: true })).toHaveValue("legal_status");
  await expect(page.getByRole("group", { name: "Einschätzung der Wohnsituation" })).toHaveCount(0);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Assessment speichern" }) });
  await expect(form.getByText("1 = extreme Schwierigkeiten bis 10 = kein Problem")).toBeVisible();
  await expect(form.getByRole("radio", { name: "Erstes Assessment" })).toBeChecked();

  // Without a date: the German message sits at the field.
  await form.getByLabel("Datum").fill("");
  await form.getByRole("button", { name: "Assessment speichern" }).click();
  await expect(form.getByText("Bitte geben Sie ein gültiges Datum ein.")).toBeVisible();
  await expect(form.getByLabel("Datum")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // First assessment.
  await form.getByLabel("Datum").fill("2026-01-12");
  await form.getByLabel("Wer wirkt an der Bestandsaufnahme in diesem Bereich mit?").fill("Klient, Case Managerin");
  await form.getByLabel("Aufenthaltsrechtlicher Status").selectOption({ label: "Duldung nach § 60a" });
  await form.getByLabel(/^Erläuterungen, Ergänzungen/).fill("Duldung läuft im März aus.");
  await form.getByLabel("Ressourcen, Fähigkeiten, Unterstützung").fill("Kontakt zur Flüchtlingsberatung");
  await form.getByLabel("Anliegen/Wünsche Klient*in").fill("Sicherer Aufenthalt");
  const residence = form.getByRole("group", { name: "Einschätzung der aufenthaltsrechtlichen Situation" });
  await residence.getByRole("radio", { name: "3", exact: true }).check();
  await residence.getByLabel(/^Bemerkung CM/).fill("Sehr unsicher");
  const legalHelp = form.getByRole("group", { name: "Einschätzung der Inanspruchnahme rechtlicher Hilfen, Dienste, Rechte" });
  // Keyboard: the arrow key moves within the radio group.
  await legalHelp.getByRole("radio", { name: "4", exact: true }).check();
  await page.keyboard.press("ArrowRight");
  await expect(legalHelp.getByRole("radio", { name: "5", exact: true })).toBeChecked();
  await form.getByRole("button", { name: "Assessment speichern" }).click();
  await expect(form.getByRole("status")).toHaveText("Das Assessment wurde gespeichert.");
  await expect(page.getByRole("heading", { name: "Assessment vom 12.01.2026 bearbeiten" })).toBeVisible();

  // Re-assessment: texts carried over, the scale rated afresh.
  await page.getByRole("button", { name: "Neues Assessment beginnen" }).click();
  await expect(page.getByRole("heading", { name: "Neues Assessment" })).toBeFocused();
  await expect(form.getByRole("radio", { name: "Re-Assessment" })).toBeChecked();
  await expect(form.getByLabel(/^Erläuterungen, Ergänzungen/)).toHaveValue("Duldung läuft im März aus.");
  await expect(residence.getByRole("radio", { name: "keine Angabe" })).toBeChecked();
  await form.getByLabel("Datum").fill("2026-04-14");
  await form.getByLabel("Aufenthaltsrechtlicher Status").selectOption({ label: "Aufenthaltserlaubnis" });
  await form.getByLabel(/^Erläuterungen, Ergänzungen/).fill("Aufenthaltserlaubnis nach § 25b erteilt.");
  await residence.getByRole("radio", { name: "7", exact: true }).check();
  await residence.getByLabel(/^Bemerkung CM/).fill("Titel für zwei Jahre");
  await legalHelp.getByRole("radio", { name: "4", exact: true }).check();
  await form.getByRole("button", { name: "Assessment speichern" }).click();
  await expect(form.getByRole("status")).toHaveText("Das Assessment wurde gespeichert.");
  await expect(page.getByRole("heading", { name: "Assessment vom 14.04.2026 bearbeiten" })).toBeVisible();

  // Overview: latest date, kind and mean.
  await expectRow(overview.getByRole("row", { name: new RegExp(`^${area.replace("/", "\\/")}`) }), [
    area,
    "14.04.2026",
    "Re-Assessment",
    "2",
    "5,5 von 10",
    /Erfassen.*Verlauf/,
  ]);

  // The chart, with its numbers as a table.
  await expect(
    page.getByRole("img", {
      name: `Liniendiagramm der Einschätzungen im Bereich ${area}: 2 Assessments von 12.01.2026 bis 14.04.2026, Skala 1 bis 10. Die Werte stehen in der Tabelle unter dem Diagramm.`,
    }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("img", { name: /^Liniendiagramm/ })
      .locator("svg")
      .first(),
  ).toBeVisible();
  const values = page.getByRole("table", { name: `Werte im Diagramm: ${area}` });
  await expectRow(values.getByRole("row").nth(0), [
    "Datum",
    "Art",
    "Aufenthaltsrechtliche Situation",
    "Nutzung rechtlicher Hilfen",
    "Durchschnitt",
  ]);
  await expectRow(values.getByRole("row").nth(1), ["12.01.2026", "Erstes Assessment", "3", "5", "4"]);
  await expectRow(values.getByRole("row").nth(2), ["14.04.2026", "Re-Assessment", "7", "4", "5,5"]);

  // Side by side: before, now, change.
  const scales = page.getByRole("table", { name: `Einschätzungen vorher und jetzt: ${area}` });
  await expectRow(scales.getByRole("row").nth(0), [
    "Einschätzung",
    "vorher (12.01.2026)",
    "jetzt (14.04.2026)",
    "Veränderung",
    "Bemerkungen CM",
  ]);
  await expectRow(scales.getByRole("row").nth(1), [
    "Aufenthaltsrechtliche Situation",
    "3",
    "7",
    "+4",
    /^vorher: Sehr unsicher\s*jetzt: Titel für zwei Jahre$/,
  ]);
  await expectRow(scales.getByRole("row").nth(2), ["Nutzung rechtlicher Hilfen", "5", "4", "\u22121", ""]);
  const texts = page.getByRole("table", { name: `Geänderte Angaben: ${area}` });
  await expectRow(texts.getByRole("row", { name: /^Aufenthaltsrechtlicher Status/ }), [
    "Aufenthaltsrechtlicher Status",
    "Duldung nach § 60a",
    "Aufenthaltserlaubnis",
  ]);
  await expectRow(texts.getByRole("row", { name: /^Erläuterungen/ }), [
    /^Erläuterungen, Ergänzungen/,
    "Duldung läuft im März aus.",
    "Aufenthaltserlaubnis nach § 25b erteilt.",
  ]);
  await expectAccessible(page);

  // An earlier date than the latest assessment is refused at the date field.
  await page.getByRole("button", { name: "Neues Assessment beginnen" }).click();
  await form.getByLabel("Datum").fill("2026-03-01");
  await form.getByRole("button", { name: "Assessment speichern" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "Ein neues Assessment muss nach dem letzten Assessment dieses Bereichs (am 14.04.2026) liegen.",
  );
  await expect(form.getByLabel("Datum")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});
