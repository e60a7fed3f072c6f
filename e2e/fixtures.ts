import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { demoPassword } from "../playwright.config";

export { demoPassword };

export const demoUsers = {
  admin: { username: "admin", displayName: "Alex Admin" },
  coordinator: { username: "koordination", displayName: "Kim Koordination" },
  case_manager: { username: "casemanagement", displayName: "Chris Casemanagement" },
  cm_spokesperson: { username: "cm-sprecherin", displayName: "Sam Sprecherin" },
  body_member: { username: "lenkungsgruppe", displayName: "Lou Lenkungsgruppe" },
  network_actor: { username: "netzwerk", displayName: "Nico Netzwerk" },
} as const;

export type DemoRole = keyof typeof demoUsers;

export async function signIn(page: Page, username: string, password = demoPassword) {
  await page.goto("/sign-in");
  await page.getByLabel("Benutzername").fill(username);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
}

/** WCAG 2.2 AA as axe-core checks it; the violations are listed in the failure message. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}
