import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { io } from "socket.io-client";
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
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/** Screens are reviewed by looking at them: the picture is kept with the test's results. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** A tRPC call with the signed-in session of the page, as the screens make it (queries by POST). */
export async function callApi<T>(page: Page, path: string, input: unknown, { query = false } = {}): Promise<T> {
  return page.evaluate(
    async ({ path, input, query }) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-http-method-override": query ? "GET" : "POST" },
        body: JSON.stringify({ json: input }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body.error?.json?.message ?? body)}`);
      return body.result.data.json;
    },
    { path, input, query },
  ) as Promise<T>;
}

/** Letters unique to one call, for names that must not meet an earlier test's (or retry's) data. */
export function uniqueLetters(length = 6): string {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

/**
 * A case of the signed-in case manager, opened through the API with a person of its own, so a
 * test works on its own data rather than on whichever demo case comes first.
 */
export async function createOwnCase(page: Page): Promise<{ id: string; pseudonym: string }> {
  const letters = uniqueLetters();
  const identity = { lastName: `Testfall${letters}`, firstName: "Eda", birthDate: "1990-05-17" };
  return callApi(page, "cases.create", { accessChannel: "walk_in", kommuneId: null, identity });
}

/**
 * Board operations sent from the test over the page's session, for setting up a board quickly
 * (the board's own screens are tested in conferences/). Close it when done.
 */
export async function boardOperations(page: Page, baseURL: string, conferenceId: string) {
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("kim.session"))!;
  const socket = io(baseURL, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { origin: baseURL, cookie: `${session.name}=${session.value}` },
  });
  const send = (op: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) =>
      socket.emit("board:op", { conferenceId, clientOpId: randomUUID().replace(/-/g, ""), op }, (ack: { ok: boolean; message?: string }) =>
        ack.ok ? resolve() : reject(new Error(ack.message)),
      ),
    );
  return { send, close: () => socket.disconnect() };
}
