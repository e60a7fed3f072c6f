import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { boardOperations, callApi, demoUsers, expectAccessible, signIn } from "../fixtures";

const conferenceTitle = "Planungskonferenz Anerkennung Herbst";
const themeTitle = "Anerkennung ausländischer Berufsabschlüsse dauert zu lange";

/**
 * The whole steering path in one run: a theme born in a finished Planungskonferenz absorbs a
 * duplicate, goes on the Lenkungsgruppe's agenda, is assigned to a working group, becomes a
 * Vorlage that is decided, and its page shows every step.
 */
test("from a Planungskonferenz to a decided Vorlage: the theme page shows the whole chain", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, demoUsers.coordinator.username);

  // A Planungskonferenz whose plenum clusters cards into one theme, formulated and agreed.
  const conference = await callApi<{ id: string }>(page, "conferences.create", {
    type: "planungskonferenz",
    title: conferenceTitle,
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
  });
  await callApi(page, "conferences.setStatus", { conferenceId: conference.id, status: "running" });
  const { send, close } = await boardOperations(page, baseURL!, conference.id);
  try {
    const clusterId = randomUUID();
    await send({ kind: "cluster.add", clusterId, title: themeTitle, orderKey: "a0" });
    for (const text of [
      "Pflegekraft wartet seit 14 Monaten auf die Anerkennung",
      "Ingenieurin arbeitet als Reinigungskraft, bis der Bescheid kommt",
    ]) {
      const cardId = randomUUID();
      await send({ kind: "card.add", cardId, lane: "themen", text, orderKey: "a0" });
      await send({ kind: "card.cluster", cardId, clusterId });
    }
  } finally {
    close();
  }
  await page.goto(`/conferences/${conference.id}/nachbereitung`);
  const formulations = page.getByRole("region", { name: "Konsensuale Formulierung generativer Themen" });
  await formulations.getByLabel("Cluster der Moderationswand").selectOption({ label: themeTitle });
  await formulations.getByRole("button", { name: "Formulierung beginnen" }).click();
  const editor = page.getByRole("textbox", { name: `Wortlaut: ${themeTitle}` });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.click();
  await editor.pressSequentially("Verfahren zur Anerkennung dauern so lange, dass Fachkräfte unter ihrer Qualifikation arbeiten.");
  const card = page.getByRole("article", { name: new RegExp(themeTitle) });
  await expect(card.getByText("gespeichert", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Zustimmung" }).click();
  await card.getByRole("button", { name: `Formulierung „${themeTitle}“ abschließen` }).click();
  await expect(card.getByRole("status").filter({ hasText: "Das Thema wurde ins Themenregister übernommen." })).toBeVisible();
  await callApi(page, "conferences.setStatus", { conferenceId: conference.id, status: "finished" });
  const themes = await callApi<{ id: string; title: string }[]>(page, "themes.list", {}, { query: true });
  const theme = themes.find((t) => t.title === themeTitle)!;

  // A duplicate seen elsewhere is merged into the conference's theme.
  const duplicate = await callApi<{ themeId: string }>(page, "themes.split", await splitInputFor(page, theme.id));
  await page.goto(`/themes/${theme.id}`);
  const manage = page.getByRole("region", { name: "Thema bearbeiten" });
  await manage.getByLabel("Thema, das in dieses aufgeht").selectOption({ value: duplicate.themeId });
  await manage.getByRole("button", { name: "Zusammenführen" }).click();
  await expect(page.getByText("Das Thema wurde hierher zusammengeführt.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Hierher zusammengeführte Themen" })).toBeVisible();

  // The Lenkungsgruppe puts it on its agenda and assigns it to a working group.
  const bodies = await callApi<{ id: string; name: string; kind: string }[]>(page, "bodies.list", undefined, { query: true });
  const steering = bodies.find((body) => body.kind === "lenkungsgruppe")!;
  const group = bodies.find((body) => body.kind === "arbeitsgruppe")!;
  const first = await callApi<{ id: string }>(page, "sessions.plan", {
    bodyId: steering.id,
    title: "Lenkungsgruppe: Anerkennung",
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
  });
  await page.goto(`/bodies/sessions/${first.id}`);
  const agenda = page.getByRole("region", { name: "Tagesordnung" });
  await agenda.getByLabel("Thema aus dem Themenregister").selectOption({ label: themeTitle });
  await agenda.getByRole("button", { name: "Auf die Tagesordnung setzen" }).click();
  await expect(agenda.getByRole("status").filter({ hasText: `„${themeTitle}“ steht auf der Tagesordnung.` })).toBeVisible();
  const assign = page.getByRole("region", { name: "Beschluss" }).first();
  await assign.getByLabel("Ergebnis").selectOption({ label: "Angenommen" });
  await assign.getByLabel("Beschlusstext").fill("Die Arbeitsgruppe erarbeitet einen Vorschlag zur schnelleren Anerkennung.");
  await assign.getByRole("button", { name: "Auftrag hinzufügen" }).click();
  await assign.getByLabel("Gruppe").selectOption({ label: group.name });
  await assign.getByLabel("Auftrag", { exact: true }).fill("Lösungsvorschlag mit der Anerkennungsstelle erarbeiten");
  await assign.getByLabel("Zu erledigen bis").fill("2030-03-31");
  await assign.getByRole("button", { name: "Beschluss festhalten" }).click();
  await expect(assign).toContainText("Lösungsvorschlag mit der Anerkennungsstelle erarbeiten");
  await expectAccessible(page);

  // The working group's proposal, drafted, revised and submitted.
  await page.goto("/steering");
  const draft = page.getByRole("form", { name: "Lösungsvorschlag entwerfen" });
  await draft.getByLabel("Thema").selectOption({ label: themeTitle });
  await draft.getByLabel("Gruppe").selectOption({ label: group.name });
  await draft.getByLabel("Titel").fill("Lotsen für Anerkennung");
  const draftEditor = draft.getByRole("textbox", { name: "Vorschlag" });
  await draftEditor.click();
  await draftEditor.pressSequentially("Eine feste Ansprechperson begleitet jedes Verfahren.");
  await draft.getByRole("button", { name: "Entwurf speichern" }).click();
  await expect(draft.getByRole("status").filter({ hasText: "Der Entwurf ist gespeichert." })).toBeVisible();
  await page.getByRole("button", { name: "Vorschlag „Lotsen für Anerkennung“ bearbeiten" }).click();
  const revise = page.getByRole("form", { name: "Vorschlag „Lotsen für Anerkennung“ bearbeiten" });
  await revise.getByLabel("Titel").fill("Anerkennungslotsen in jeder Kommune");
  await revise.getByRole("button", { name: "Änderungen speichern" }).click();
  await page.getByRole("button", { name: "Vorschlag „Anerkennungslotsen in jeder Kommune“ einreichen" }).click();
  await expect(page.getByText("Der Vorschlag ist eingereicht.")).toBeVisible();
  await expectAccessible(page);

  // The coordination drafts the Vorlage, which the Lenkungsgruppe decides at its next session.
  await page.goto("/steering");
  const create = page.getByRole("form", { name: "Neue Vorlage" });
  await create.getByLabel("Thema").selectOption({ label: themeTitle });
  await create.getByLabel("Titel").fill("Vorlage Anerkennungslotsen");
  const vorlageEditor = create.getByRole("textbox", { name: "Text der Vorlage" });
  await vorlageEditor.click();
  await vorlageEditor.pressSequentially("Jede Kommune benennt eine Lotsin für Anerkennungsverfahren.");
  await create.getByRole("button", { name: "Vorlage anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vorlage Anerkennungslotsen" })).toBeVisible();
  const vorlageId = new URL(page.url()).pathname.split("/").pop()!;
  const second = await callApi<{ id: string }>(page, "sessions.plan", {
    bodyId: steering.id,
    title: "Lenkungsgruppe: Vorlage Anerkennung",
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
  });
  await callApi(page, "sessions.addAgendaItem", { sessionId: second.id, kind: "vorlage", vorlageId });
  await page.goto(`/bodies/sessions/${second.id}`);
  const decide = page.getByRole("region", { name: "Beschluss" }).first();
  await decide.getByLabel("Ergebnis").selectOption({ label: "Angenommen" });
  await decide.getByLabel("Stimmen dafür").fill("11");
  await decide.getByLabel("Beschlusstext").fill("Die Lenkungsgruppe beschließt die Anerkennungslotsen.");
  await decide.getByRole("button", { name: "Beschluss festhalten" }).click();
  await expect(decide.getByText("11 dafür, 0 dagegen, 0 Enthaltungen")).toBeVisible();

  // The theme's page shows where it came from and what became of it.
  await page.goto(`/themes/${theme.id}`);
  const trace = page.getByRole("region", { name: "Nachverfolgung" });
  await expect(trace).toContainText(conferenceTitle);
  await expect(trace).toContainText("Lenkungsgruppe: Anerkennung");
  await expect(trace).toContainText("Lenkungsgruppe: Vorlage Anerkennung");
  await expect(trace).toContainText("Vorlage Anerkennungslotsen");
  await expect(trace).toContainText("Lösungsvorschlag mit der Anerkennungsstelle erarbeiten");
  await expect(trace).toContainText(group.name);
  await expect(page.getByRole("region", { name: "Hierher zusammengeführte Themen" })).toBeVisible();
  await expectAccessible(page);
});

/**
 * A second theme to merge: split one card of the conference's theme off into its own theme, as if
 * it had been recorded separately, so that the merge brings it back with its provenance.
 */
async function splitInputFor(page: Page, themeId: string) {
  const detail = await callApi<{ sources: { id: string }[] | null }>(page, "themes.get", { themeId }, { query: true });
  return {
    themeId,
    sourceIds: [detail.sources![0]!.id],
    title: "Lange Anerkennungsverfahren (Doppelung)",
    description: "Anerkennung dauert zu lange.",
  };
}
