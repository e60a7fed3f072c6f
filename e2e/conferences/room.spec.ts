import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { generateNKeysBetween } from "fractional-indexing";
import { boardOperations, callApi, demoUsers, expectAccessible, keepScreenshot, signIn, uniqueLetters } from "../fixtures";

const moderatorScreen = { width: 1366, height: 768 };
const beamerScreen = { width: 1920, height: 1080 };
const phoneScreen = { width: 390, height: 844 };

const orderKeys = generateNKeysBetween(null, null, 60);

const problems = [
  "Kaum bezahlbarer Wohnraum für große Familien",
  "Lange Wartezeiten bei der Ausländerbehörde",
  "Sprachkurse ohne Kinderbetreuung",
  "Anerkennung ausländischer Abschlüsse dauert über ein Jahr",
  "Keine Termine beim Jobcenter",
  "Schulplätze fehlen mitten im Schuljahr",
  "Ärztliche Versorgung ohne Dolmetschende schwierig",
  "Abends fährt kein Bus in die Kreisstadt",
];

async function pageScroll(page: Page) {
  return page.evaluate(() => ({
    vertical: document.documentElement.scrollHeight - window.innerHeight,
    horizontal: document.documentElement.scrollWidth - window.innerWidth,
  }));
}

/** A running Planungskonferenz of the coordination with Nico Netzwerk, in its card phase. */
async function runningPlanningConference(page: Page, baseURL: string) {
  const users = await callApi<{ id: string; displayName: string }[]>(page, "users.list", null, { query: true });
  const nico = users.find((u) => u.displayName === demoUsers.network_actor.displayName)!;
  const { id } = await callApi<{ id: string }>(page, "conferences.create", {
    type: "planungskonferenz",
    title: `Planungskonferenz Raum ${uniqueLetters()}`,
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus, Saal",
    participantUserIds: [nico.id],
  });
  await callApi(page, "conferences.setStatus", { conferenceId: id, status: "running" });
  const operations = await boardOperations(page, baseURL, id);
  // Paced below the board's limit of operations per second for one connection.
  const board = {
    send: async (op: Record<string, unknown>) => {
      await operations.send(op);
      await new Promise((resolve) => setTimeout(resolve, 60));
    },
    close: operations.close,
  };
  await board.send({ kind: "phase.set", index: 1 });
  return { id, board };
}

test("the Live view fills the moderator's screen with lanes side by side, and a card dragged into a cluster arrives everywhere", async ({
  browser,
  baseURL,
}, testInfo) => {
  const moderatorContext = await browser.newContext({ viewport: moderatorScreen });
  const page = await moderatorContext.newPage();
  await signIn(page, demoUsers.coordinator.username);
  const { id, board } = await runningPlanningConference(page, baseURL!);
  const cardIds: string[] = [];
  for (const [index, text] of problems.entries()) {
    const cardId = randomUUID();
    cardIds.push(cardId);
    await board.send({ kind: "card.add", cardId, lane: "themen", text, orderKey: orderKeys[index]! });
  }

  // A running conference opens in its room.
  await page.goto(`/conferences/${id}`);
  await expect(page).toHaveURL(new RegExp(`/conferences/${id}/live$`));
  await expect(page.getByText("Live verbunden")).toBeAttached();
  await expect(page.getByRole("heading", { name: /Themenkarten \(8 Karten\)/ })).toBeVisible();
  const rail = page.getByRole("navigation", { name: "Ablaufplan" });
  await expect(rail.getByRole("listitem").filter({ hasText: "jetzt" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Moderation" }).getByRole("button", { name: "Nächste Phase" })).toBeVisible();
  expect((await pageScroll(page)).vertical).toBeLessThanOrEqual(0);
  await keepScreenshot(page, testInfo, "live-moderator-1366x768");
  await expectAccessible(page);

  // Clustering: the clusters stand beside the unclustered cards, not below them.
  await page.getByRole("button", { name: "Nächste Phase" }).click();
  for (const title of ["Wohnen", "Arbeit"]) {
    await page.getByLabel("Neuer Cluster").fill(title);
    await page.getByRole("button", { name: "Cluster anlegen" }).click();
  }
  const unclustered = page.getByRole("region", { name: "Noch keinem Cluster zugeordnet" });
  const housing = page.getByRole("region", { name: "Wohnen", exact: true });
  await expect(housing).toBeVisible();
  const [left, right] = [await unclustered.boundingBox(), await housing.boundingBox()];
  expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
  expect(Math.abs(right!.y - left!.y)).toBeLessThan(2);
  expect((await pageScroll(page)).vertical).toBeLessThanOrEqual(0);

  // Two other screens watch: a participant and the beamer.
  const participantContext = await browser.newContext({ viewport: moderatorScreen });
  const participant = await participantContext.newPage();
  await signIn(participant, demoUsers.network_actor.username);
  await participant.goto(`/conferences/${id}/live`);
  // Without the toolbar the room still fits: nothing scrolls the page, the hand is in full view.
  await expect(participant.getByRole("button", { name: "Hand heben" })).toBeInViewport({ ratio: 1 });
  expect((await pageScroll(participant)).vertical).toBeLessThanOrEqual(0);
  const beamer = await moderatorContext.newPage();
  await beamer.setViewportSize(beamerScreen);
  await beamer.goto(`/conferences/${id}/beamer`);
  await expect(beamer.getByRole("region", { name: "Wohnen", exact: true })).toBeVisible();

  // Drag by mouse: the drop target shows itself, and the card lands in every browser.
  const card = page.locator(`#focus-card-${cardIds[0]}`);
  const from = (await card.boundingBox())!;
  const to = (await housing.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + 20, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 12 });
  await expect(housing).toHaveClass(/board-lane-over/);
  await keepScreenshot(page, testInfo, "live-dragging-1366x768");
  await page.mouse.up();
  for (const screen of [page, participant, beamer])
    await expect(screen.getByRole("region", { name: "Wohnen", exact: true }).getByText(problems[0]!, { exact: true })).toBeVisible();
  await keepScreenshot(page, testInfo, "live-clusters-1366x768");
  board.close();
  await participantContext.close();
  await moderatorContext.close();
});

test("on a phone a participant writes, raises a hand and follows without sideways scrolling", async ({ browser, baseURL }, testInfo) => {
  const moderatorContext = await browser.newContext({ viewport: moderatorScreen });
  const page = await moderatorContext.newPage();
  await signIn(page, demoUsers.coordinator.username);
  const { id, board } = await runningPlanningConference(page, baseURL!);
  for (const [index, text] of problems.slice(0, 5).entries())
    await board.send({ kind: "card.add", cardId: randomUUID(), lane: "themen", text, orderKey: orderKeys[index]! });

  await page.goto(`/conferences/${id}/live`);
  const phoneContext = await browser.newContext({ viewport: phoneScreen, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, demoUsers.network_actor.username);
  await phone.goto(`/conferences/${id}/live`);
  await expect(phone.getByText("Live verbunden")).toBeAttached();
  await expect(phone.getByText(problems[4]!, { exact: true })).toBeVisible();
  expect((await pageScroll(phone)).horizontal).toBeLessThanOrEqual(0);

  await phone.getByLabel("Neue Karte: Themenkarten").fill("Kein WLAN in der Unterkunft");
  await phone.getByRole("button", { name: "Karte anheften" }).click();
  await expect(page.getByText("Kein WLAN in der Unterkunft", { exact: true })).toBeVisible();
  // The hand and "follow" sit in the bar at the bottom of the screen, in reach of the thumb.
  const hand = phone.getByRole("button", { name: "Hand heben" });
  const box = (await hand.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(phoneScreen.height - 80);
  await hand.click();
  await expect(page.getByRole("region", { name: "Wortmeldungen" }).getByText(demoUsers.network_actor.displayName)).toBeVisible();
  await expect(phone.getByRole("button", { name: "Der Moderation folgen" })).toHaveAttribute("aria-pressed", "true");
  await board.send({ kind: "phase.set", index: 2 });
  await expect(phone.getByRole("region", { name: "Noch keinem Cluster zugeordnet" })).toBeVisible();
  expect((await pageScroll(phone)).horizontal).toBeLessThanOrEqual(0);
  await keepScreenshot(phone, testInfo, "live-phone-390x844");
  await expectAccessible(phone);
  board.close();
  await phoneContext.close();
  await moderatorContext.close();
});

test("the beamer shows a 60-card wall whole, in large type, with the way in for phones", async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext({ viewport: beamerScreen });
  const page = await context.newPage();
  await signIn(page, demoUsers.coordinator.username);
  const { id, board } = await runningPlanningConference(page, baseURL!);
  const cardIds = Array.from({ length: 60 }, () => randomUUID());
  for (let index = 0; index < 60; index++)
    await board.send({
      kind: "card.add",
      cardId: cardIds[index],
      lane: "themen",
      text: `${problems[index % problems.length]} (${index + 1})`,
      orderKey: orderKeys[index]!,
    });

  await page.goto(`/conferences/${id}/beamer`);
  await expect(page.getByRole("heading", { name: /Themenkarten \(60 Karten\)/ })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button")).toHaveCount(0);
  await expect(page.getByText("Phase 2 von 6")).toBeVisible();
  // Every card fully on the screen, none cut off, and the page does not scroll.
  const cards = page.locator(".board-card");
  await expect(cards).toHaveCount(60);
  for (const box of await cards.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(beamerScreen.width);
    expect(box.bottom).toBeLessThanOrEqual(beamerScreen.height);
  }
  expect(await pageScroll(page)).toEqual({ vertical: 0, horizontal: 0 });
  await keepScreenshot(page, testInfo, "beamer-60-cards-1920x1080");
  await expectAccessible(page);

  // It follows the moderator: the card pointed at is marked for the room.
  await board.send({ kind: "focus.set", target: `card:${cardIds[29]}` });
  await expect(page.locator(`#focus-card-${cardIds[29]}`)).toHaveClass(/beamer-focus/);
  await board.send({ kind: "phase.set", index: 2 });
  await expect(page.getByText("Phase 3 von 6")).toBeVisible();
  await expect(page.getByRole("region", { name: "Noch keinem Cluster zugeordnet" })).toBeVisible();

  // The short link under the QR code leads a participant's phone into the room.
  const link = (await page.locator(".beamer-link").textContent())!;
  expect(link).toMatch(/\/m\/[0-9a-f]{8}$/);
  const phoneContext = await browser.newContext({ viewport: phoneScreen, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, demoUsers.network_actor.username);
  await phone.goto(link.slice(link.indexOf("/m/")));
  await expect(phone).toHaveURL(new RegExp(`/conferences/${id}/live$`));
  board.close();
  await phoneContext.close();
  await context.close();
});

test("Vorbereitung and Nachbereitung are views of their own, reachable from the room", async ({ page, baseURL }, testInfo) => {
  await page.setViewportSize(moderatorScreen);
  await signIn(page, demoUsers.coordinator.username);
  const { id, board } = await runningPlanningConference(page, baseURL!);
  board.close();
  await page.goto(`/conferences/${id}/live`);
  await page.getByRole("link", { name: "Vorbereitung", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${id}/vorbereitung$`));
  await expect(page.getByRole("region", { name: "Teilnehmende" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Externe Gäste" })).toBeVisible();
  await keepScreenshot(page, testInfo, "vorbereitung-1366x768");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nachbereitung", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${id}/nachbereitung$`));
  await expect(page.getByRole("region", { name: "Protokoll" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Konsensuale Formulierung generativer Themen" })).toBeVisible();
  await keepScreenshot(page, testInfo, "nachbereitung-1366x768");
  await expectAccessible(page);
});

test("the meeting runs by keyboard: the moderator moves the phase, a participant writes a card and files it into a cluster", async ({
  browser,
  baseURL,
}) => {
  const moderatorContext = await browser.newContext({ viewport: moderatorScreen });
  const page = await moderatorContext.newPage();
  await signIn(page, demoUsers.coordinator.username);
  const { id, board } = await runningPlanningConference(page, baseURL!);
  await board.send({ kind: "phase.set", index: 0 });
  board.close();
  await page.goto(`/conferences/${id}/live`);
  const participantContext = await browser.newContext({ viewport: moderatorScreen });
  const participant = await participantContext.newPage();
  await signIn(participant, demoUsers.network_actor.username);
  await participant.goto(`/conferences/${id}/live`);
  await expect(participant.getByText("In dieser Phase wird gesprochen; die Wand ruht.")).toBeVisible();

  // The moderator reaches "Nächste Phase" with Tab alone and presses it with Enter.
  await page.keyboard.press("Tab");
  let steps = 0;
  while (
    !(await page.getByRole("button", { name: "Nächste Phase" }).evaluate((button) => button === document.activeElement)) &&
    steps++ < 30
  )
    await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const field = participant.getByLabel("Neue Karte: Themenkarten");
  await expect(field).toBeVisible();

  // The participant writes with the keyboard and pins the card with the next Tab stop's button.
  await field.focus();
  await participant.keyboard.type("Keine Kita-Plätze für Kinder unter drei");
  await participant.keyboard.press("Tab");
  await expect(participant.getByRole("button", { name: "Karte anheften" })).toBeFocused();
  await participant.keyboard.press("Space");
  await expect(page.getByText("Keine Kita-Plätze für Kinder unter drei", { exact: true })).toBeVisible();

  // Clustering: the choice on the card is the keyboard's way to move it.
  await page.getByRole("button", { name: "Nächste Phase" }).press("Enter");
  await page.getByLabel("Neuer Cluster").fill("Kinderbetreuung");
  await page.getByLabel("Neuer Cluster").press("Enter");
  const choice = participant.getByLabel("Cluster für die Karte „Keine Kita-Plätze für Kinder unter drei“");
  await choice.focus();
  await choice.press("ArrowDown");
  await expect(
    page
      .getByRole("region", { name: "Kinderbetreuung", exact: true })
      .getByText("Keine Kita-Plätze für Kinder unter drei", { exact: true }),
  ).toBeVisible();
  await participantContext.close();
  await moderatorContext.close();
});
