import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

test("the coordination sees the dashboard, report status and waiting list; a case manager submits and downloads a report", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Berichte" }).click();
  await expect(page.getByRole("heading", { name: "Überblick der Koordination" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Fälle nach Stand: .*In Begleitung \d+/ })).toBeVisible();
  await page.getByText("Zahlen zum Diagramm").first().click();
  await expect(page.getByRole("rowheader", { name: "In Begleitung" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Eingang der Monatsberichte" })).toBeVisible();
  await expectAccessible(page);

  // Waiting list: a reference, never a name; then assigned to a case manager.
  await page.getByLabel("Kürzel / Vorgangsnummer").fill("WL-2026-017");
  await page.getByRole("button", { name: "Auf die Warteliste setzen" }).click();
  await expect(page.getByRole("cell", { name: "WL-2026-017", exact: true })).toBeVisible();
  await page.getByLabel("Zuweisen an WL-2026-017").selectOption({ label: "Dana Demir" });
  await page.getByRole("button", { name: "Zuweisen WL-2026-017" }).click();
  await expect(page.getByRole("cell", { name: "WL-2026-017", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // A case manager's monthly report: on screen, as Excel, and submitted.
  const cmContext = await browser.newContext();
  const cm = await cmContext.newPage();
  await signIn(cm, demoUsers.case_manager.username);
  await cm.goto("/reports");
  await expect(cm.getByRole("heading", { name: "Monatsbericht: Chris Casemanagement" })).toBeVisible();
  const download = cm.waitForEvent("download");
  await cm.getByRole("link", { name: "Als Excel herunterladen" }).click();
  expect((await download).suggestedFilename()).toMatch(/^monatsbericht-\d{4}-\d{2}\.xlsx$/);
  await cm.getByRole("button", { name: /^Bericht für .* einreichen$/ }).click();
  await expect(cm.getByText(/^Eingereicht am/)).toBeVisible();
  await expect(cm.getByRole("heading", { name: "Überblick der Koordination" })).toHaveCount(0);
  await expectAccessible(cm);
  await cmContext.close();

  await page.reload();
  await expect(page.getByRole("row", { name: /Chris Casemanagement/ })).toContainText("Eingereicht");
});

test("the coordination hands a case to another case manager, who then sees its identity", async ({ page, browser }) => {
  await signIn(page, demoUsers.coordinator.username);
  await page.goto("/cases");
  const row = page.getByRole("row").filter({ hasText: "Chris Casemanagement" }).filter({ hasText: "In Begleitung" }).first();
  const caseLink = row.getByRole("link");
  const pseudonym = (await caseLink.textContent())!;
  await caseLink.click();
  await page.getByLabel("Neue zuständige Person").selectOption({ label: "Dana Demir" });
  await page.getByRole("button", { name: "Fall übergeben" }).click();
  await expect(page.getByText("Bitte füllen Sie dieses Feld aus.")).toBeVisible();
  await page.getByLabel("Grund der Übergabe").fill("Umzug innerhalb des Kreises");
  await page.getByRole("button", { name: "Fall übergeben" }).click();
  await expect(page.getByText("Der Fall wurde übergeben.")).toBeVisible();
  await expect(page.getByText(/Dana Demir \(Umzug innerhalb des Kreises\)/)).toBeVisible();
  await expectAccessible(page);

  const context = await browser.newContext();
  const dana = await context.newPage();
  await signIn(dana, "cm-nordheim");
  await dana.goto("/cases");
  await dana.getByRole("link", { name: `Fall ${pseudonym} öffnen` }).click();
  await dana.getByRole("link", { name: "Aktendeckblatt" }).click();
  await expect(dana.getByLabel("Name", { exact: true })).not.toHaveValue("");
  await context.close();
});
