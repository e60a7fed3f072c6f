import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { demoUsers, signIn } from "../fixtures";
import { cardPhase, createConference, sendBoardOperation } from "./server-process";

const cardCount = 50;

interface Watch {
  /** Wall-clock milliseconds (comparable between pages) of the last `online` event. */
  onlineAt: number | null;
  /** Per text prefix: how many such cards are on the wall, the most ever seen, when the count was first reached. */
  counts: Record<string, { now: number; max: number; dropped: boolean; reachedAt: Record<number, number> }>;
  errorSeen: string | null;
}

/**
 * Watches the wall from inside the page: when the network came back, when a number of cards was
 * first painted (the frame after the DOM had them), whether a card ever vanished, whether an error
 * was ever shown.
 */
function watchWall(prefixes: string[]) {
  const watch: Watch = { onlineAt: null, counts: {}, errorSeen: null };
  (window as unknown as { kimWatch: Watch }).kimWatch = watch;
  for (const prefix of prefixes) watch.counts[prefix] = { now: 0, max: 0, dropped: false, reachedAt: {} };
  const clock = () => performance.timeOrigin + performance.now();
  addEventListener("online", () => (watch.onlineAt = clock()));
  const count = () => {
    const texts = [...document.querySelectorAll("li.board-card p")].map((p) => p.textContent ?? "");
    for (const prefix of prefixes) {
      const entry = watch.counts[prefix]!;
      const now = texts.filter((text) => text.startsWith(prefix)).length;
      if (now < entry.max) entry.dropped = true;
      if (now > entry.max) {
        const reached = now;
        requestAnimationFrame(() => (entry.reachedAt[reached] ??= clock()));
      }
      entry.now = now;
      entry.max = Math.max(entry.max, now);
    }
    const error = document.querySelector(".room-error");
    if (error && !watch.errorSeen) watch.errorSeen = error.textContent;
  };
  new MutationObserver(count).observe(document, { subtree: true, childList: true, characterData: true });
}

/** The page's live connection can be cut like a lost network: the socket closes and new ones fail until it is back. */
async function cuttableNetwork(context: BrowserContext, page: Page) {
  let offline = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (offline) return void ws.close();
    const server = ws.connectToServer();
    open.add(ws);
    ws.onClose(() => {
      open.delete(ws);
      void server.close();
    });
    server.onClose(() => {
      open.delete(ws);
      void ws.close();
    });
  });
  return {
    cut: async () => {
      offline = true;
      await context.setOffline(true);
      for (const ws of [...open]) await ws.close();
    },
    restore: async () => {
      offline = false;
      await context.setOffline(false);
    },
  };
}

async function openWall(browser: Browser, baseURL: string, username: string, prefixes: string[]) {
  const context = await browser.newContext({ baseURL, locale: "de-DE", timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  await page.addInitScript(watchWall, prefixes);
  const network = await cuttableNetwork(context, page);
  await signIn(page, username);
  return { context, page, network };
}

async function addCard(page: Page, text: string) {
  await page
    .getByLabel(/^Neue Karte/)
    .first()
    .fill(text);
  await page.getByRole("button", { name: "Karte anheften" }).first().click();
}

const watchOf = (page: Page) => page.evaluate(() => (window as unknown as { kimWatch: Watch }).kimWatch);
const pending = (page: Page) => page.getByText("noch nicht bestätigt");
const numbered = (prefix: string) => Array.from({ length: cardCount }, (_, i) => `${prefix} ${i + 1}`);

async function cardTexts(page: Page, prefix: string) {
  return (await page.locator("li.board-card p").allTextContents()).filter((text) => text.startsWith(prefix)).sort();
}

test("fifty cards typed offline all reach the others once the network is back, none dropped, none twice", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const prefix = "Offline-Karte";
  const writer = await openWall(browser, baseURL!, demoUsers.coordinator.username, [prefix]);
  const conferenceId = await createConference(writer.page, [demoUsers.network_actor.displayName]);
  await sendBoardOperation(writer.context, baseURL!, conferenceId, cardPhase);
  const reader = await openWall(browser, baseURL!, demoUsers.network_actor.username, [prefix]);
  for (const { page } of [writer, reader]) {
    await page.goto(`/conferences/${conferenceId}/live`);
    await expect(page.getByText("Live verbunden")).toBeVisible();
  }

  await writer.network.cut();
  await expect(writer.page.getByText(/^Verbindung unterbrochen/)).toBeVisible();
  for (const text of numbered(prefix)) await addCard(writer.page, text);
  await expect(writer.page.getByText(`(${cardCount} noch nicht bestätigt)`)).toBeVisible();

  await writer.network.restore();
  await expect(pending(writer.page)).toHaveCount(0, { timeout: 30_000 });
  await expect(reader.page.locator("li.board-card p", { hasText: prefix })).toHaveCount(cardCount, { timeout: 30_000 });
  const written = await watchOf(writer.page);
  const read = await watchOf(reader.page);
  const painted = read.counts[prefix]!.reachedAt[cardCount]!;
  console.log(
    `paced resend: network back to all ${cardCount} cards painted for the other participant: ${Math.round(painted - written.onlineAt!)} ms`,
  );
  expect(written.errorSeen).toBeNull();
  expect(written.counts[prefix]!.dropped).toBe(false);
  expect(read.counts[prefix]!.dropped).toBe(false);
  expect(await cardTexts(writer.page, prefix)).toEqual(numbered(prefix).sort());
  expect(await cardTexts(reader.page, prefix)).toEqual(numbered(prefix).sort());

  // What the database has, seen by a page loaded afresh.
  await reader.page.reload();
  await expect(reader.page.getByText("Live verbunden")).toBeVisible();
  await expect(reader.page.locator("li.board-card p", { hasText: prefix })).toHaveCount(cardCount);
  expect(await cardTexts(reader.page, prefix)).toEqual(numbered(prefix).sort());

  await writer.context.close();
  await reader.context.close();
});

test("a page that missed fifty cards paints them all within a second of the network coming back", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const prefix = "Nachhol-Karte";
  const writer = await openWall(browser, baseURL!, demoUsers.coordinator.username, [prefix]);
  const conferenceId = await createConference(writer.page, [demoUsers.network_actor.displayName]);
  await sendBoardOperation(writer.context, baseURL!, conferenceId, cardPhase);
  const reader = await openWall(browser, baseURL!, demoUsers.network_actor.username, [prefix]);
  for (const { page } of [writer, reader]) {
    await page.goto(`/conferences/${conferenceId}/live`);
    await expect(page.getByText("Live verbunden")).toBeVisible();
  }

  await reader.network.cut();
  await expect(reader.page.getByText(/^Verbindung unterbrochen/)).toBeVisible();
  for (const text of numbered(prefix)) await addCard(writer.page, text);
  await expect(pending(writer.page)).toHaveCount(0, { timeout: 30_000 });
  // Long enough offline for the reconnect attempts to have backed off, as after a real outage.
  await reader.page.waitForTimeout(6_000);
  expect((await watchOf(reader.page)).counts[prefix]!.max).toBe(0);

  await reader.network.restore();
  await expect(reader.page.locator("li.board-card p", { hasText: prefix })).toHaveCount(cardCount, { timeout: 30_000 });
  const read = await watchOf(reader.page);
  const caughtUp = read.counts[prefix]!.reachedAt[cardCount]! - read.onlineAt!;
  console.log(`catch-up: network back to all ${cardCount} missed cards painted: ${Math.round(caughtUp)} ms`);
  expect(read.errorSeen).toBeNull();
  expect(await cardTexts(reader.page, prefix)).toEqual(numbered(prefix).sort());
  expect(caughtUp).toBeLessThan(1_000);

  await writer.context.close();
  await reader.context.close();
});
