import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { boardOperations, callApi, demoUsers, expectAccessible, signIn } from "../fixtures";

const clusterTitle = "Bezahlbarer Wohnraum";
const cardText = "Große Familien finden über Monate keine Wohnung";
const moderatorText = "Große Familien finden keine bezahlbare Wohnung.";
const participantText = "Die Mieten liegen über den Angemessenheitsgrenzen.";

/** Plans a Planungskonferenz with Nico Netzwerk through the API, as the signed-in coordinator. */
async function planConference(page: Page): Promise<string> {
  const users = await callApi<{ id: string; displayName: string }[]>(page, "users.list", null, { query: true });
  const nico = users.find((u) => u.displayName === "Nico Netzwerk")!;
  const conference = await callApi<{ id: string }>(page, "conferences.create", {
    type: "planungskonferenz",
    title: "Planungskonferenz Wohnen im Kreis",
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
    participantUserIds: [nico.id],
  });
  return conference.id;
}

/**
 * Puts a card into a new cluster through the board's own socket protocol, with the moderator's
 * session: the board's clustering UI is tested in board.spec.ts; here it only has to exist.
 */
async function clusterOnBoard(page: Page, conferenceId: string, baseURL: string) {
  const { send, close } = await boardOperations(page, baseURL, conferenceId);
  try {
    const cardId = randomUUID();
    const clusterId = randomUUID();
    await send({ kind: "card.add", cardId, lane: "themen", text: cardText, orderKey: "a0" });
    await send({ kind: "cluster.add", clusterId, title: clusterTitle, orderKey: "a0" });
    await send({ kind: "card.cluster", cardId, clusterId });
  } finally {
    close();
  }
}

test("moderator and participant formulate a theme together, agree, and it enters the theme registry", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  const conferenceId = await planConference(page);
  await clusterOnBoard(page, conferenceId, baseURL!);

  await page.goto(`/conferences/${conferenceId}/nachbereitung`);
  const formulations = page.getByRole("region", { name: "Konsensuale Formulierung generativer Themen" });
  await formulations.getByLabel("Cluster der Moderationswand").selectOption({ label: clusterTitle });
  await formulations.getByRole("button", { name: "Formulierung beginnen" }).click();
  await expect(formulations.getByRole("status").filter({ hasText: "Die Formulierung wurde begonnen." })).toBeVisible();

  const participantContext = await browser.newContext();
  const participant = await participantContext.newPage();
  await signIn(participant, demoUsers.network_actor.username);
  await participant.goto(`/conferences/${conferenceId}/nachbereitung`);

  const wording = `Wortlaut: ${clusterTitle}`;
  const moderatorEditor = page.getByRole("textbox", { name: wording });
  const participantEditor = participant.getByRole("textbox", { name: wording });
  await expect(moderatorEditor).toHaveAttribute("contenteditable", "true");
  await expect(participantEditor).toHaveAttribute("contenteditable", "true");

  // Both write at the same time, each in a paragraph of their own.
  await moderatorEditor.click();
  await participantEditor.click();
  await Promise.all([
    moderatorEditor.pressSequentially(moderatorText, { delay: 15 }),
    (async () => {
      await participant.keyboard.press("Enter");
      await participantEditor.pressSequentially(participantText, { delay: 15 });
    })(),
  ]);
  for (const editor of [moderatorEditor, participantEditor]) {
    await expect(editor).toContainText(moderatorText);
    await expect(editor).toContainText(participantText);
  }
  const moderatorCard = page.getByRole("article", { name: new RegExp(clusterTitle) });
  const participantCard = participant.getByRole("article", { name: new RegExp(clusterTitle) });
  await expect(moderatorCard.getByText("gespeichert", { exact: true })).toBeVisible();
  await expect(participantCard.getByText("gespeichert", { exact: true })).toBeVisible();
  await expectAccessible(participant);

  await participantCard.getByRole("button", { name: "Zustimmung" }).click();
  await expect(participantCard.getByRole("button", { name: "Zustimmung" })).toHaveAttribute("aria-pressed", "true");
  await moderatorCard.getByRole("button", { name: "Kann damit leben" }).click();
  await expect(moderatorCard.getByText("1 Zustimmung · 1 kann damit leben · 0 Einwand")).toBeVisible({ timeout: 15_000 });
  await expect(moderatorCard.getByText("Nico Netzwerk: Zustimmung")).toBeVisible();
  await expectAccessible(page);

  await moderatorCard.getByRole("button", { name: `Formulierung „${clusterTitle}“ abschließen` }).click();
  await expect(moderatorCard.getByRole("status").filter({ hasText: "Das Thema wurde ins Themenregister übernommen." })).toBeVisible();
  await expect(participantCard.getByText("Nur lesen: der Text ist abgeschlossen.")).toBeVisible({ timeout: 15_000 });
  await expect(participantEditor).toHaveAttribute("contenteditable", "false");

  await moderatorCard.getByRole("link", { name: `Thema „${clusterTitle}“ im Themenregister öffnen` }).click();
  await expect(page.getByRole("heading", { level: 1, name: clusterTitle })).toBeVisible();
  await expect(page.getByRole("region", { name: "Vereinbarter Wortlaut" })).toContainText(participantText);
  await expect(page.getByRole("region", { name: "Herkunft" })).toContainText(cardText);
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Themen" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Thema „${clusterTitle}“ öffnen` }) });
  await expect(row).toContainText("identifiziert");
  await expect(row).toContainText("Planungskonferenz Wohnen im Kreis");
  await expectAccessible(page);
  await participantContext.close();

  // The steering body sees the theme and its reach, but no card from the conference.
  const bodyContext = await browser.newContext();
  const body = await bodyContext.newPage();
  await signIn(body, demoUsers.body_member.username);
  await body.goto("/themes");
  await body.getByRole("link", { name: `Thema „${clusterTitle}“ öffnen` }).click();
  await expect(body.getByRole("region", { name: "Herkunft" })).toContainText("keine Karten aus Fällen");
  await expect(body.getByText(cardText)).toHaveCount(0);
  await expectAccessible(body);
  await bodyContext.close();
});
