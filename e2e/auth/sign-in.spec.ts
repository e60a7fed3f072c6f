import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn, type DemoRole } from "../fixtures";

const allAreas = [
  "Start",
  "Fälle",
  "Konferenzen",
  "Themen",
  "Steuerung",
  "Gremien",
  "Umfragen",
  "Angebote",
  "Berichte",
  "Verwaltung",
  "Protokoll",
];

const expectedNavigation: Record<DemoRole, string[]> = {
  admin: ["Start", "Gremien", "Verwaltung", "Protokoll"],
  coordinator: ["Start", "Fälle", "Konferenzen", "Themen", "Steuerung", "Gremien", "Angebote", "Berichte", "Protokoll"],
  case_manager: ["Start", "Fälle", "Konferenzen", "Themen", "Umfragen", "Angebote", "Berichte"],
  cm_spokesperson: ["Start", "Konferenzen", "Themen", "Gremien"],
  body_member: ["Start", "Themen", "Steuerung", "Gremien"],
  network_actor: ["Start", "Konferenzen"],
};

test("the sign-in page is German and accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password shows a German error and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Benutzername").fill("admin");
  await page.getByLabel("Passwort").fill("falsches-passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("Benutzername oder Passwort ist falsch.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("empty fields are named in German next to the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByLabel("Benutzername")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Bitte füllen Sie dieses Feld aus.")).toHaveCount(2);
  await expectAccessible(page);
});

for (const [role, user] of Object.entries(demoUsers) as [DemoRole, (typeof demoUsers)[DemoRole]][]) {
  test(`${role} signs in and sees exactly their areas`, async ({ page }) => {
    await signIn(page, user.username);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Willkommen, ${user.displayName}`);
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link")).toHaveText(expectedNavigation[role]);
    for (const area of allAreas.filter((a) => !expectedNavigation[role].includes(a))) {
      await expect(nav.getByRole("link", { name: area, exact: true })).toHaveCount(0);
    }
    await expectAccessible(page);
  });
}

test("a page outside one's role is refused, not just hidden", async ({ page }) => {
  await signIn(page, demoUsers.network_actor.username);
  // Answered 403, not a 200 that only looks like a refusal (one from a layout, the others from pages).
  for (const path of ["/admin/users", "/audit", "/cases", "/offers", "/steering", "/bodies/polls"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
  await expectAccessible(page);
});

test("signing out ends the session, and a copied cookie is worthless afterwards", async ({ page, browser }) => {
  await signIn(page, demoUsers.coordinator.username);
  const copiedCookies = await page.context().cookies();
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(copiedCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/audit");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  const api = await replay.request.post("/api/trpc/profile.me", {
    headers: { "content-type": "application/json", "x-http-method-override": "GET" },
    data: JSON.stringify({ json: null }),
  });
  expect(api.status()).toBe(401);
  await replay.close();
});

test("the session cookie is HttpOnly and SameSite", async ({ page }) => {
  await signIn(page, demoUsers.body_member.username);
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("kim.session"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});
