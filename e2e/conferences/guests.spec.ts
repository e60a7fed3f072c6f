import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const title = "Planungskonferenz mit Gast";
const guestCard = "Sprachkurse enden vor dem Arbeitsbeginn";

test("a moderator invites an external guest who confirms through the link and works on the board only", async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, demoUsers.coordinator.username);
  const conferenceId = await page.evaluate(async (conferenceTitle) => {
    const response = await fetch("/api/trpc/conferences.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        json: {
          type: "planungskonferenz",
          title: conferenceTitle,
          kommuneId: null,
          scheduledAt: new Date().toISOString(),
          place: "Kreishaus",
          isOnline: false,
          participantUserIds: [],
        },
      }),
    });
    return (await response.json()).result.data.json.id as string;
  }, title);

  // Guests are invited in the Vorbereitung; the wall is the Live view, open beside it.
  await page.goto(`/conferences/${conferenceId}`);
  await expect(page).toHaveURL(new RegExp(`/conferences/${conferenceId}/vorbereitung$`));
  const room = await page.context().newPage();
  await room.goto(`/conferences/${conferenceId}/live`);
  await expect(room.getByText("Live verbunden")).toBeVisible();
  const guests = page.getByRole("region", { name: "Externe Gäste" });

  // A missing name is named at its field.
  await guests.getByRole("button", { name: "Einladungslink erstellen" }).click();
  await expect(guests.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await guests.getByLabel("Name", { exact: true }).fill("Greta Gastfreund");
  await guests.getByLabel("Organisation aus der Liste").selectOption({ label: "Jobcenter Kreis Beispiel" });
  await guests.getByLabel("Organisation oder Stelle (freie Angabe)").fill("Team U25");
  await guests.getByRole("button", { name: "Einladungslink erstellen" }).click();
  await expect(guests.getByRole("status").filter({ hasText: "Der Einladungslink für Greta Gastfreund wurde erstellt." })).toBeVisible();
  const linkField = guests.getByLabel("Persönlicher Link für den Gast");
  await expect(linkField).toHaveAttribute("readonly", "");
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/gast\/[A-Za-z0-9_-]{43}$/);
  await guests.getByRole("button", { name: "Link kopieren" }).click();
  await expect(guests.getByText("Der Link wurde in die Zwischenablage kopiert.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(guests.getByRole("row", { name: /Greta Gastfreund/ })).toContainText("Eingeladen");
  await expectAccessible(page);

  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { level: 1, name: "Einladung zu einer Konferenz" })).toBeVisible();
  await expect(guest.getByText(title)).toBeVisible();
  await expect(guest.getByLabel("Ihr Name")).toHaveValue("Greta Gastfreund");
  await expect(guest.getByLabel("Ihre Organisation oder Stelle")).toHaveValue("Team U25");
  await expectAccessible(guest);

  // Without the confidentiality notice confirmed there is no way in.
  await guest.getByRole("button", { name: "Bestätigen und Konferenz öffnen" }).click();
  const notice = guest.getByRole("checkbox", { name: /Hinweis zur Schweigepflicht gelesen/ });
  await expect(notice).toHaveAttribute("aria-invalid", "true");
  await expect(guest.getByText("Bitte bestätigen Sie den Hinweis zur Schweigepflicht.")).toBeVisible();
  await notice.check();
  await guest.getByRole("button", { name: "Bestätigen und Konferenz öffnen" }).click();

  await expect(guest).toHaveURL(new RegExp(`/conferences/${conferenceId}/vorbereitung$`));
  await expect(guest.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const navigation = guest.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(navigation.getByRole("link")).toHaveCount(1);
  await expect(navigation.getByRole("link", { name: "Meine Konferenz" })).toHaveAttribute("aria-current", "page");
  await expect(guest.getByRole("region", { name: "Externe Gäste" })).toHaveCount(0);
  await guest.getByRole("link", { name: "Live", exact: true }).click();
  await expect(guest.getByText("Live verbunden")).toBeVisible();

  // The guest follows the moderator into the card phase and pins a card the moderator sees live.
  await expect(guest.getByRole("button", { name: "Nächste Phase" })).toHaveCount(0);
  await room.getByRole("button", { name: "Nächste Phase" }).click();
  await guest.getByLabel("Neue Karte: Themenkarten").fill(guestCard);
  await guest.getByRole("button", { name: "Karte anheften" }).click();
  await expect(room.getByRole("region", { name: "Themenkarten" }).getByText(guestCard, { exact: true })).toBeVisible();
  await expectAccessible(guest);

  await page.reload();
  await expect(page.getByRole("region", { name: "Externe Gäste" }).getByRole("row", { name: /Greta Gastfreund/ })).toContainText(
    "Bestätigt",
  );

  // No other area: the case list is refused, the start page leads back to the conference.
  await guest.goto("/cases");
  await expect(guest.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
  await expect(guest.getByText(/[A-Z]+-\d{4}-\d{4}/)).toHaveCount(0);
  const casesAnswer = await guest.evaluate(
    async () =>
      (
        await fetch("/api/trpc/cases.list", {
          method: "POST",
          headers: { "content-type": "application/json", "x-http-method-override": "GET" },
          body: JSON.stringify({ json: {} }),
        })
      ).status,
  );
  expect(casesAnswer).toBe(403);
  await guest.goto("/");
  await expect(guest).toHaveURL(new RegExp(`/conferences/${conferenceId}/vorbereitung$`));

  // Revoking ends the guest's session at the next request.
  await page.getByRole("button", { name: /Zugang widerrufen\s*\(Gast Greta Gastfreund\)/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Der Zugang von Greta Gastfreund wurde widerrufen." })).toBeVisible();
  await guest.reload();
  await expect(guest).toHaveURL(/\/sign-in/);
  await guest.goto(link);
  await expect(guest.getByText(/Dieser Link ist ungültig oder nicht mehr gültig/)).toBeVisible();
  await guestContext.close();
});
