import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const pair =
  /„(Sprachkurse ohne Kinderbetreuung am Nachmittag|Fehlende Kinderbetreuung während der Sprachkurse)“ in „(Sprachkurse ohne Kinderbetreuung am Nachmittag|Fehlende Kinderbetreuung während der Sprachkurse)“ zusammenführen/;

test("the coordination filters the registry, merges duplicates and undoes it, sees the board and downloads the annual report", async ({
  page,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Themen" }).click();
  await expect(page.getByRole("heading", { name: "Themenregister", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Suche in Titel und Wortlaut").fill("Kinderbetreuung");
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 Themen gefunden." })).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "zurückgestellt" });
  await page.getByLabel("Suche in Titel und Wortlaut").fill("");
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page.getByRole("link", { name: /Ausländerbehörde/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "1 Thema gefunden." })).toBeVisible();
  await page.getByRole("link", { name: "Filter zurücksetzen" }).click();

  // A suggested duplicate, merged with one click.
  await page.getByRole("button", { name: pair }).first().click();
  await expect(page.getByText("Die Themen wurden zusammengeführt.")).toBeVisible();
  await page.goto("/themes?search=Kinderbetreuung");
  await expect(page.getByRole("status").filter({ hasText: "1 Thema gefunden." })).toBeVisible();
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Hierher zusammengeführte Themen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Zusammenführung von „.*“ rückgängig machen$/ }).click();
  await expect(page.getByRole("heading", { name: "Hierher zusammengeführte Themen" })).toHaveCount(0);
  await page.goto("/themes?search=Kinderbetreuung");
  await expect(page.getByRole("status").filter({ hasText: "2 Themen gefunden." })).toBeVisible();

  // One allowed step along the path, with a note.
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByLabel("Neuer Status").selectOption({ label: "gesichtet" });
  await page.getByLabel("Begründung").fill("In der Koordination gesichtet, Dublette geprüft");
  await page.getByRole("button", { name: "Status ändern" }).click();
  await expect(page.getByText("Der Status wurde geändert.")).toBeVisible();
  await expect(page.getByText(/gesichtet – Kim Koordination – In der Koordination gesichtet/)).toBeVisible();

  await page.goto("/themes/board");
  await expect(page.getByRole("heading", { name: "Themen nach Status", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^zurückgestellt \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/themes/compare");
  await expect(page.getByRole("table", { name: "Fälle je Thema und Kommune" })).toBeVisible();
  await page.getByRole("button", { name: /^Thema/ }).click();
  await expectAccessible(page);

  await page.goto("/themes");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Jahresbericht herunterladen (Excel)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^themen-jahresbericht-\d{4}\.xlsx$/);
});

test("a Lenkungsgruppe member sees aggregates only", async ({ page }) => {
  await signIn(page, demoUsers.body_member.username);
  await page.goto("/themes");
  await expect(page.getByText(/Als Mitglied eines Gremiums sehen Sie Kennzahlen ohne Fallbezug/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "weniger als 5" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mögliche Dubletten" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Thema „Große Familien finden keinen bezahlbaren Wohnraum“ öffnen" }).click();
  await expect(page.getByText(/Als Mitglied eines Gremiums sehen Sie Zahlen und Herkunft/)).toBeVisible();
  await expect(page.getByText("Vermieter lehnen große Familien ab")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Thema bearbeiten" })).toHaveCount(0);
  await expectAccessible(page);
});
