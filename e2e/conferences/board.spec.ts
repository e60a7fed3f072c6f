import { expect, test } from "@playwright/test";
import { callApi, demoUsers, expectAccessible, signIn } from "../fixtures";

test("a moderated Planungskonferenz: phases, anonymous cards, parking area, hands, timer, clustering, dots, lock and projector", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.coordinator.username);
  const users = await callApi<{ id: string; displayName: string }[]>(page, "users.list", null, { query: true });
  const nico = users.find((u) => u.displayName === "Nico Netzwerk")!;
  const { id: conferenceId } = await callApi<{ id: string }>(page, "conferences.create", {
    type: "planungskonferenz",
    title: "Planungskonferenz Wohnen",
    scheduledAt: new Date().toISOString(),
    place: "Kreishaus, Raum 2",
    participantUserIds: [nico.id],
  });

  await page.goto(`/conferences/${conferenceId}/live`);
  await expect(page.getByText("Live verbunden")).toBeVisible();

  const participantContext = await browser.newContext();
  const participant = await participantContext.newPage();
  await signIn(participant, demoUsers.network_actor.username);
  await participant.goto(`/conferences/${conferenceId}/live`);
  await expect(participant.getByText("Live verbunden")).toBeVisible();

  await expect(page.getByRole("heading", { name: "2 Personen anwesend" })).toBeVisible();

  // The Ablaufplan starts with a talking phase; the moderator moves everyone on.
  await expect(participant.getByText("In dieser Phase wird gesprochen; die Wand ruht.")).toBeVisible();
  await expect(participant.getByRole("button", { name: "Nächste Phase" })).toHaveCount(0);
  await page.getByRole("button", { name: "Nächste Phase" }).click();
  await expect(participant.getByLabel("Neue Karte: Themenkarten")).toBeVisible();

  // Anonymous writing: the moderator sees a covered card until revealing it.
  await page.getByRole("button", { name: "Anonymes Schreiben einschalten" }).click();
  await expect(participant.getByText(/Anonymes Schreiben: Karten bleiben verdeckt/)).toBeVisible();
  await participant.getByLabel("Neue Karte: Themenkarten").fill("Kaum bezahlbarer Wohnraum für große Familien");
  await participant.getByRole("button", { name: "Karte anheften" }).click();
  const themes = page.getByRole("region", { name: "Themenkarten" });
  await expect(themes.getByText("Verdeckte Karte", { exact: true })).toBeVisible();
  await expect(page.getByText("Kaum bezahlbarer Wohnraum für große Familien")).toHaveCount(0);
  await page.getByRole("button", { name: "1 verdeckte Karte aufdecken" }).click();
  await expect(themes.getByText("Kaum bezahlbarer Wohnraum für große Familien", { exact: true })).toBeVisible();

  // A solution idea goes to the parking area instead of being lost.
  await page.getByLabel("Neue Karte: Themenkarten").fill("Wohnungsbaugesellschaft einbinden");
  await page.getByRole("button", { name: "Karte anheften" }).click();
  await page.getByRole("button", { name: /Ist eine Lösung, kein Thema\s*: Wohnungsbaugesellschaft einbinden/ }).click();
  await expect(
    participant.getByRole("region", { name: "Parkplatz für Lösungsideen" }).getByText("Wohnungsbaugesellschaft einbinden"),
  ).toBeVisible();

  // After the reveal writing is open again, and everyone sees who is writing.
  await participant.getByLabel("Neue Karte: Themenkarten").fill("Lange Wartezeiten");
  await expect(page.getByText("Schreibt gerade: Nico Netzwerk")).toBeVisible();
  await participant.getByLabel("Neue Karte: Themenkarten").fill("");

  // Hand raising and the shared countdown.
  await participant.getByRole("button", { name: "Hand heben" }).click();
  await expect(page.getByRole("region", { name: "Wortmeldungen" }).getByText("Nico Netzwerk")).toBeVisible();
  await page.getByLabel("Zeit in Minuten").fill("5");
  await page.getByRole("button", { name: "Countdown starten" }).click();
  await expect(participant.getByText(/Noch [45]:\d\d/)).toBeVisible();

  // Clustering by keyboard (the choice on the card), then dot voting within the budget.
  await page.getByRole("button", { name: "Nächste Phase" }).click();
  await participant.getByLabel("Neuer Cluster").fill("Wohnen");
  await participant.getByRole("button", { name: "Cluster anlegen" }).click();
  await participant.getByLabel("Cluster für die Karte „Kaum bezahlbarer Wohnraum für große Familien“").selectOption({ label: "Wohnen" });
  await expect(
    page.getByRole("region", { name: "Wohnen" }).getByText("Kaum bezahlbarer Wohnraum für große Familien", { exact: true }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Nächste Phase" }).click();
  await participant.getByRole("button", { name: "Punkt für „Wohnen“" }).click();
  await expect(participant.getByText("Sie haben noch 2 von 3 Punkten.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Wohnen" }).getByText("1 Punkt", { exact: true })).toBeVisible();

  // A locked board is read-only for participants.
  await page.getByRole("button", { name: "Wand sperren" }).click();
  await expect(participant.getByText("Die Wand ist gesperrt: nur die Moderation kann sie ändern.")).toBeVisible();
  await expect(participant.getByRole("button", { name: "Punkt für „Wohnen“" })).toHaveCount(0);

  await expectAccessible(participant);
  await expectAccessible(page);

  // The beamer (the projector's old address leads there) shows the same wall, read-only, without navigation.
  const projector = await page.context().newPage();
  await projector.goto(`/conferences/${conferenceId}/projector`);
  await expect(projector).toHaveURL(new RegExp(`/conferences/${conferenceId}/beamer$`));
  await expect(projector.getByRole("navigation")).toHaveCount(0);
  await expect(
    projector.getByRole("region", { name: "Wohnen" }).getByText("Kaum bezahlbarer Wohnraum für große Familien", { exact: true }),
  ).toBeVisible();
  await expect(projector.getByRole("button", { name: "Nächste Phase" })).toHaveCount(0);
  await expectAccessible(projector);
  await participantContext.close();
});
