import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { boardOperations, callApi, demoUsers, expectAccessible, signIn } from "../fixtures";

/**
 * A theme with nothing decided on it yet: one from the demo registry, or one formulated in a
 * Planungskonferenz by the coordinator alone (formulation itself is tested in conferences/).
 */
async function ensureTheme(page: Page, baseURL: string): Promise<{ id: string; title: string }> {
  const themes = await callApi<{ id: string; title: string; status: string }[]>(page, "themes.list", {}, { query: true });
  const fresh = themes.find((theme) => ["identified", "reviewed"].includes(theme.status));
  if (fresh) return fresh;
  const title = "Wohnraum für große Familien";
  const conference = await callApi<{ id: string }>(page, "conferences.create", {
    type: "planungskonferenz",
    title: "Planungskonferenz Wohnen",
    kommuneId: null,
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
    isOnline: false,
    participantUserIds: [],
    previousConferenceId: null,
  });
  const { send, close } = await boardOperations(page, baseURL, conference.id);
  try {
    const cardId = randomUUID();
    const clusterId = randomUUID();
    await send({ kind: "card.add", cardId, lane: "themen", text: "Große Familien finden keine Wohnung", orderKey: "a0" });
    await send({ kind: "cluster.add", clusterId, title, orderKey: "a0" });
    await send({ kind: "card.cluster", cardId, clusterId });
  } finally {
    close();
  }
  await page.goto(`/conferences/${conference.id}/nachbereitung`);
  const formulations = page.getByRole("region", { name: "Konsensuale Formulierung generativer Themen" });
  await formulations.getByLabel("Cluster der Moderationswand").selectOption({ label: title });
  await formulations.getByRole("button", { name: "Formulierung beginnen" }).click();
  const editor = page.getByRole("textbox", { name: `Wortlaut: ${title}` });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.click();
  await editor.pressSequentially("Große Familien finden keine bezahlbare Wohnung.");
  const card = page.getByRole("article", { name: new RegExp(title) });
  await expect(card.getByText("gespeichert", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Zustimmung" }).click();
  await card.getByRole("button", { name: `Formulierung „${title}“ abschließen` }).click();
  await expect(card.getByRole("status").filter({ hasText: "Das Thema wurde ins Themenregister übernommen." })).toBeVisible();
  const created = await callApi<{ id: string; title: string; status: string }[]>(page, "themes.list", {}, { query: true });
  return created.find((theme) => theme.title === title)!;
}

test("the coordination drafts a Vorlage, revises it, records the decision and follows it up until the theme is implemented", async ({
  page,
  baseURL,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  const theme = await ensureTheme(page, baseURL!);

  // A Vorlage from the theme.
  await page.goto("/steering");
  await expect(page.getByRole("heading", { level: 1, name: "Steuerung" })).toBeVisible();
  const create = page.getByRole("form", { name: "Neue Vorlage" });
  await create.getByLabel("Thema").selectOption({ label: theme.title });
  await create.getByLabel("Titel").fill("Vorlage Wohnungsbörse");
  const createEditor = create.getByRole("textbox", { name: "Text der Vorlage" });
  await createEditor.click();
  await createEditor.pressSequentially("Die Kommunen richten eine Wohnungsbörse ein.");
  await expectAccessible(page);
  await create.getByRole("button", { name: "Vorlage anlegen" }).click();
  await expect(page).toHaveURL(/\/steering\/vorlagen\//);
  await expect(page.getByRole("heading", { level: 1, name: "Vorlage Wohnungsbörse" })).toBeVisible();

  // A second version, and the words it added.
  const edit = page.getByRole("form", { name: "Neue Fassung speichern" });
  const editEditor = edit.getByRole("textbox", { name: "Text der Vorlage" });
  await expect(editEditor).toContainText("Die Kommunen richten eine Wohnungsbörse ein.");
  await editEditor.click();
  await page.keyboard.press("End");
  await editEditor.pressSequentially(" Große Wohnungen gehen zuerst an die Integrationsberatung.");
  await edit.getByRole("button", { name: "Neue Fassung speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 2 ist gespeichert." })).toBeVisible();
  const diff = page.getByRole("region", { name: "Änderungen zwischen zwei Fassungen" });
  await expect(diff.locator("ins")).toContainText("Große Wohnungen gehen zuerst an die Integrationsberatung.");
  await expect(diff.locator("ins").first()).toContainText("eingefügt:");
  await expect(page.getByRole("region", { name: "Belege aus dem Themenregister" })).toContainText("Fälle");
  await expectAccessible(page);
  const pdf = await page.request.get(`${new URL(page.url()).pathname.replace("/steering/vorlagen/", "/api/steering/vorlagen/")}/2`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // The Lenkungsgruppe's session with the theme on its agenda, made through the API.
  const bodies = await callApi<{ id: string; name: string; kind: string }[]>(page, "bodies.list", undefined, { query: true });
  const steering = bodies.find((body) => body.kind === "lenkungsgruppe")!;
  const group = bodies.find((body) => body.kind !== "lenkungsgruppe")!;
  const session = await callApi<{ id: string }>(page, "sessions.plan", {
    bodyId: steering.id,
    title: "Sitzung der Lenkungsgruppe zur Wohnungsbörse",
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus",
  });
  await callApi(page, "sessions.addAgendaItem", { sessionId: session.id, kind: "theme", themeId: theme.id });

  await page.goto(`/bodies/sessions/${session.id}`);
  const panel = page.getByRole("region", { name: "Beschluss" }).first();
  await panel.getByLabel("Ergebnis").selectOption({ label: "Angenommen" });
  await panel.getByLabel("Stimmen dafür").fill("9");
  await panel.getByLabel("Beschlusstext").fill("Die Lenkungsgruppe beschließt die Wohnungsbörse.");
  await panel.getByRole("button", { name: "Auftrag hinzufügen" }).click();
  await panel.getByLabel("Gruppe").selectOption({ label: group.name });
  await panel.getByLabel("Auftrag", { exact: true }).fill("Wohnungsbörse mit der Wohnungswirtschaft aufbauen");
  await panel.getByLabel("Zu erledigen bis").fill("2030-06-30");
  await expectAccessible(page);
  await panel.getByRole("button", { name: "Beschluss festhalten" }).click();
  await expect(panel.getByText("9 dafür, 0 dagegen, 0 Enthaltungen")).toBeVisible();
  await expect(panel).toContainText("Wohnungsbörse mit der Wohnungswirtschaft aufbauen");

  // The assignment is reported done; the theme is implemented.
  await page.goto("/steering/follow-up");
  await page.getByRole("button", { name: "Stand melden: Wohnungsbörse mit der Wohnungswirtschaft aufbauen" }).click();
  const report = page.getByRole("form", { name: /Stand melden/ });
  await report.getByLabel("Stand", { exact: true }).selectOption({ label: "Erledigt" });
  await report.getByLabel("Bemerkung").fill("Die Börse ist online.");
  await expectAccessible(page);
  await report.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "das Thema ist jetzt „umgesetzt“" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/themes/${theme.id}`);
  await expect(page.getByText("umgesetzt", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: /Weg|Schritte|Verlauf/ }).first()).toContainText("umgesetzt");
});
