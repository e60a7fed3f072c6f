import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, keepScreenshot, signIn } from "../fixtures";

/** A newcomer opens the demo's running meetings from the list and finds each wall filled. */
async function openFromList(page: Page, title: string) {
  await page.goto("/conferences");
  await page.getByRole("link", { name: `Konferenz „${title}“ öffnen` }).click();
  await expect(page).toHaveURL(/\/live$/);
  await expect(page.getByText("Live verbunden")).toBeAttached();
}

test("the demo has a running meeting of each type to open at once: grid, clusters with dots, and a time axis", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signIn(page, demoUsers.coordinator.username);

  await openFromList(page, "Fallkonferenz Wohnen und Arbeit (Demo)");
  const grid = page.getByRole("table", { name: "Rekonstruktion: Fälle und Perspektiven" });
  await expect(grid.locator(".board-card").first()).toBeVisible();
  await expect(grid.getByText(/Es fehlt noch:|Alle Organisationen haben ihre Sicht eingebracht/).first()).toBeVisible();
  await keepScreenshot(page, testInfo, "demo-fallkonferenz-1366x768");
  await expectAccessible(page);

  await openFromList(page, "Planungskonferenz Nordkreis (Demo)");
  await expect(page.getByText(/Generatives Thema \(Kandidat\): 2 Fälle/)).toBeVisible();
  await expect(page.locator(".board-dot").first()).toBeVisible();
  await keepScreenshot(page, testInfo, "demo-planungskonferenz-1366x768");
  await expectAccessible(page);

  await openFromList(page, "Fallrekonstruktion Weg in Arbeit (Demo)");
  const timeline = page.getByRole("region", { name: /Zeitachse/ });
  await expect(timeline).toBeVisible();
  await keepScreenshot(page, testInfo, "demo-fallrekonstruktion-1366x768");
  await expectAccessible(page);

  // The same time axis on the beamer and on a phone.
  const beamer = await context.newPage();
  await beamer.setViewportSize({ width: 1920, height: 1080 });
  await beamer.goto(page.url().replace(/\/live$/, "/beamer"));
  await expect(beamer.getByRole("region", { name: /Zeitachse/ })).toBeVisible();
  await keepScreenshot(beamer, testInfo, "demo-fallrekonstruktion-beamer-1920x1080");
  await expectAccessible(beamer);
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, demoUsers.network_actor.username);
  await phone.goto(page.url());
  await expect(phone.getByRole("region", { name: /Zeitachse/ })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await keepScreenshot(phone, testInfo, "demo-fallrekonstruktion-phone-390x844");
  await expectAccessible(phone);
  await phoneContext.close();
  await context.close();
});
