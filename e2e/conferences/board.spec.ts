import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

test("moderator and participant work on one board live; a card of someone else is protected", async ({ page, browser }) => {
  await signIn(page, demoUsers.coordinator.username);
  const conferenceId = await page.evaluate(async () => {
    const call = async (path: string, input: unknown) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-http-method-override": path.endsWith(".list") ? "GET" : "POST" },
        body: JSON.stringify({ json: input }),
      });
      return (await response.json()).result.data.json;
    };
    const users = (await call("users.list", null)) as { id: string; displayName: string }[];
    const nico = users.find((u) => u.displayName === "Nico Netzwerk")!;
    const conference = await call("conferences.create", {
      type: "planungskonferenz",
      title: "Planungskonferenz Wohnen",
      kommuneId: null,
      scheduledAt: new Date().toISOString(),
      place: "Kreishaus, Raum 2",
      isOnline: false,
      participantUserIds: [nico.id],
    });
    return conference.id as string;
  });

  await page.goto(`/conferences/${conferenceId}`);
  await expect(page.getByText("Live verbunden")).toBeVisible();

  const participantContext = await browser.newContext();
  const participant = await participantContext.newPage();
  await signIn(participant, demoUsers.network_actor.username);
  await participant.goto(`/conferences/${conferenceId}`);
  await expect(participant.getByText("Live verbunden")).toBeVisible();

  await participant.getByLabel("Neue Karte: Themenkarten").fill("Kaum bezahlbarer Wohnraum für große Familien");
  await participant.getByRole("button", { name: "Karte anheften" }).first().click();
  const themes = page.getByRole("region", { name: "Themenkarten" });
  await expect(themes.getByText("Kaum bezahlbarer Wohnraum für große Familien", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: /Nach „Generative Themen \(Kandidaten\)“\s*: Kaum bezahlbarer Wohnraum/ }).click();
  await expect(participant.getByRole("region", { name: "Generative Themen (Kandidaten)" }).getByText("Kaum bezahlbarer Wohnraum für große Familien", { exact: true })).toBeVisible();

  await page.getByLabel("Neue Karte: Parkplatz für Lösungsideen").fill("Wohnungsbaugesellschaft einbinden");
  await page.getByRole("button", { name: "Karte anheften" }).nth(2).click();
  await expect(participant.getByText("Wohnungsbaugesellschaft einbinden", { exact: true })).toBeVisible();
  await participant.getByRole("button", { name: /Entfernen\s*: Wohnungsbaugesellschaft einbinden/ }).click();
  await expect(participant.getByRole("alert").filter({ hasText: "Nur die Verfasserin" })).toBeVisible();
  await expect(page.getByText("Wohnungsbaugesellschaft einbinden", { exact: true })).toBeVisible();

  await expectAccessible(participant);
  await expectAccessible(page);
  await participantContext.close();
});
