import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const bodyName = "Lenkungsgruppe KIM Kreis Beispiel";
const minutesAddition = "Die nächste Sitzung findet im Februar statt.";
const colleagueLine = "Protokoll: Team Koordination.";

test("the coordination prepares and records a Lenkungsgruppe session; a member reads it", async ({ page, browser }) => {
  // Names of their own on a retry or repeat, which runs against the same database.
  const attempt = test.info().repeatEachIndex * 10 + test.info().retry;
  const suffix = attempt === 0 ? "" : ` ${attempt + 1}`;
  const sessionTitle = `Lenkungsgruppe Dezember${suffix}`;
  const expert = `Prof. Jonas Albrecht${suffix}`;
  await signIn(page, demoUsers.coordinator.username);
  await page.goto("/bodies");
  await expect(page.getByRole("heading", { level: 1, name: "Gremien" })).toBeVisible();
  await expectAccessible(page);

  const body = page.getByRole("region", { name: bodyName });
  await body.getByText(`Externes Mitglied aufnehmen (${bodyName})`).click();
  await body.getByLabel("Name", { exact: true }).fill(expert);
  await body.getByLabel("Organisation", { exact: true }).fill("Kreisverwaltung");
  await body.getByLabel("Funktion", { exact: true }).fill("Vorsitz");
  await body.getByRole("button", { name: "Aufnehmen" }).click();
  await expect(body.getByRole("listitem").filter({ hasText: `${expert}, Kreisverwaltung, Vorsitz` })).toBeVisible();

  await body.getByText(`Sitzung planen (${bodyName})`).click();
  await body.getByLabel("Titel der Sitzung").fill(sessionTitle);
  await body.getByLabel("Datum und Uhrzeit").fill("2026-12-01T15:00");
  await body.getByLabel("Ort", { exact: true }).fill("Kreishaus, Sitzungssaal 2");
  await body.getByRole("button", { name: "Sitzung planen", exact: true }).click();
  await expectAccessible(page);
  await body.getByRole("link", { name: `Zur Sitzung „${sessionTitle}“` }).click();
  await expect(page.getByRole("heading", { level: 1, name: sessionTitle })).toBeVisible();
  await expectAccessible(page);

  // Agenda: a theme from the registry (when the demo tenant has one) and a free item.
  const agenda = page.getByRole("region", { name: "Tagesordnung" });
  const themeOptions = agenda.getByLabel("Thema aus dem Themenregister").locator("option:not([value=''])");
  if ((await themeOptions.count()) > 0) {
    const themeTitle = (await themeOptions.first().textContent())!.trim();
    await agenda.getByLabel("Thema aus dem Themenregister").selectOption({ label: themeTitle });
    await agenda.getByRole("button", { name: "Auf die Tagesordnung setzen" }).click();
    await expect(agenda.getByRole("status").filter({ hasText: `„${themeTitle}“ steht auf der Tagesordnung.` })).toBeVisible();
  } else {
    test.info().annotations.push({ type: "note", description: "The demo tenant has no theme yet; only a free item was added." });
  }
  await agenda.getByLabel("Art des Punkts").selectOption({ label: "Freier Punkt" });
  await agenda.getByLabel("Titel des Punkts").fill("Verschiedenes");
  await agenda.getByRole("button", { name: "Auf die Tagesordnung setzen" }).click();
  await expect(agenda.getByRole("listitem").filter({ hasText: "Verschiedenes" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Einladung als versandt vermerken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Der Versand der Einladung ist vermerkt." })).toBeVisible();

  const attendance = page.getByRole("region", { name: "Anwesenheit" });
  await attendance.getByLabel(new RegExp(demoUsers.body_member.displayName)).check();
  await attendance.getByLabel(`${expert}, Kreisverwaltung, Vorsitz`, { exact: true }).check();
  await attendance.getByRole("button", { name: "Anwesenheit speichern" }).click();
  await expect(attendance.getByRole("status").filter({ hasText: "Die Anwesenheit wurde gespeichert." })).toBeVisible();

  // The minutes: the draft goes into the shared text; a member reads along without reloading.
  const minutes = page.getByRole("region", { name: "Protokoll" });
  await minutes.getByRole("button", { name: "Entwurf aus Tagesordnung und Beschlüssen einfügen" }).click();
  const editor = minutes.getByRole("textbox", { name: "Protokolltext" });
  await expect(editor).toContainText("Verschiedenes");
  await expect(editor).toContainText(`Anwesend: ${demoUsers.body_member.displayName}`);
  await expect(minutes.getByText("gespeichert", { exact: true })).toBeVisible();
  const sessionUrl = page.url();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, demoUsers.body_member.username);
  await member.goto(sessionUrl);
  const readAlong = member.getByRole("region", { name: "Protokoll" }).getByRole("textbox", { name: "Protokolltext" });
  await expect(readAlong).toContainText("Verschiedenes");
  await expect(readAlong).toHaveAttribute("aria-readonly", "true");
  await expect(member.getByRole("button", { name: "Entwurf aus Tagesordnung und Beschlüssen einfügen" })).toHaveCount(0);

  // A colleague in the coordination writes at the top while the first one writes at the end.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, demoUsers.coordinator.username);
  await colleague.goto(sessionUrl);
  const colleagueEditor = colleague.getByRole("region", { name: "Protokoll" }).getByRole("textbox", { name: "Protokolltext" });
  await expect(colleagueEditor).toContainText("Verschiedenes");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await colleagueEditor.click();
  await colleague.keyboard.press("Control+Home");
  await Promise.all([page.keyboard.type(minutesAddition, { delay: 15 }), colleague.keyboard.type(`${colleagueLine} `, { delay: 15 })]);
  for (const view of [editor, colleagueEditor, readAlong]) {
    await expect(view).toContainText(minutesAddition);
    await expect(view).toContainText(colleagueLine);
  }
  await expect(minutes.getByText("gespeichert", { exact: true })).toBeVisible();
  await expectAccessible(member);
  await colleagueContext.close();

  // Stored as typed: a reload shows both hands.
  await page.reload();
  await expect(page.getByRole("region", { name: "Protokoll" }).getByRole("textbox", { name: "Protokolltext" })).toContainText(
    colleagueLine,
  );
  await expect(page.getByRole("region", { name: "Protokoll" }).getByRole("textbox", { name: "Protokolltext" })).toContainText(
    minutesAddition,
  );
  await expectAccessible(page);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Einladung als PDF herunterladen" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("einladung-2026-12-01.pdf");
  expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("link", { name: "Einladung mit Tagesordnung (Druckansicht)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Einladung: ${sessionTitle}` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Verschiedenes" })).toBeVisible();
  await expectAccessible(page);

  // The body member finds the session among their bodies and sees it read-only.
  await member.goto("/bodies");
  await expectAccessible(member);
  await member.getByRole("link", { name: sessionTitle, exact: true }).click();
  await expect(member.getByRole("heading", { level: 1, name: sessionTitle })).toBeVisible();
  await expect(member.getByText("Sie sehen diese Sitzung als Mitglied")).toBeVisible();
  await expect(member.getByRole("region", { name: "Protokoll" })).toContainText(minutesAddition);
  await expect(member.getByRole("button", { name: "Auf die Tagesordnung setzen" })).toHaveCount(0);
  expect(member.url()).toBe(sessionUrl);
  await expectAccessible(member);
  await memberContext.close();

  // An external member who attended leaves the body but stays on this session's list.
  await page.goto("/bodies");
  const bodyAfter = page.getByRole("region", { name: bodyName });
  await bodyAfter.getByRole("button", { name: `${expert} entfernen` }).click();
  await expect(
    bodyAfter.getByRole("status").filter({ hasText: `${expert} ist ausgeschieden und bleibt in den Anwesenheitslisten` }),
  ).toBeVisible();
  await expect(bodyAfter.getByRole("listitem").filter({ hasText: `${expert},` })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(sessionUrl);
  await expect(
    page.getByRole("region", { name: "Anwesenheit" }).getByLabel(`${expert}, Kreisverwaltung, Vorsitz, inzwischen ausgeschieden`),
  ).toBeChecked();
});

test("a CM spokesperson reads the sessions of their bodies without a refused request", async ({ page }) => {
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 403) refused.push(response.url());
  });
  await signIn(page, demoUsers.cm_spokesperson.username);
  await page.goto("/bodies");
  const sessionLinks = page.locator('a[href^="/bodies/sessions/"]');
  await expect(sessionLinks.first()).toBeVisible();
  const sessionUrl = (await sessionLinks.first().getAttribute("href"))!;
  await page.goto(sessionUrl);
  await expect(page.getByRole("region", { name: "Tagesordnung" })).toBeVisible();
  await expect(page.getByText("Sie sehen diese Sitzung als Mitglied")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  expect(refused).toEqual([]);
  await expectAccessible(page);
});
