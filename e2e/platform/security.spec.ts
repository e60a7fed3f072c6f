import { expect, test } from "@playwright/test";
import { io } from "socket.io-client";
import { demoUsers, signIn } from "../fixtures";

const routes = ["/sign-in", "/", "/admin/users", "/api/health", "/api/trpc/profile.me"];

test("every route sends the security headers", async ({ request }) => {
  for (const route of routes) {
    const response = await request.get(route, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"], route).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], route).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["content-security-policy"], route).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], route).toBe("nosniff");
    expect(headers["referrer-policy"], route).toBe("strict-origin-when-cross-origin");
    expect(headers["cross-origin-opener-policy"], route).toBe("same-origin");
    expect(headers["x-powered-by"], route).toBeUndefined();
  }
});

test("pages run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, demoUsers.admin.username);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Benutzerkonto anlegen" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("health tells an anonymous caller only that it is up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("tRPC refuses cross-site and non-JSON requests before any procedure runs", async ({ page, baseURL }) => {
  await signIn(page, demoUsers.admin.username);
  const input = JSON.stringify({ 0: { json: { name: "Angriff", kind: "kommune" } } });
  const url = `${baseURL}/api/trpc/tenancy.createKommune?batch=1`;
  const crossSite = await page.request.post(url, {
    data: input,
    headers: { "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(crossSite.status()).toBe(403);
  const plainText = await page.request.post(url, { data: input, headers: { "content-type": "text/plain" } });
  expect(plainText.status()).toBe(415);
  const form = await page.request.post(url, { form: { a: "b" } });
  expect(form.status()).toBe(415);
  await page.goto("/admin/kommunen");
  await expect(page.getByRole("row", { name: /Angriff/ })).toHaveCount(0);
});

test("API responses are not cached", async ({ page }) => {
  await signIn(page, demoUsers.admin.username);
  const response = await page.request.post("/api/trpc/profile.me", {
    headers: { "content-type": "application/json", "x-http-method-override": "GET" },
    data: JSON.stringify({ json: null }),
  });
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("sockets refuse anonymous and foreign-origin handshakes", async ({ baseURL }) => {
  const attempt = (extraHeaders: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket = io(baseURL!, { path: "/socket.io", transports: ["websocket"], extraHeaders, reconnection: false });
      socket.on("connect", () => {
        socket.disconnect();
        resolve("connected");
      });
      socket.on("connect_error", (error) => {
        socket.disconnect();
        resolve(error.message);
      });
    });
  expect(await attempt({ origin: baseURL! })).toBe("Bitte melden Sie sich an.");
  expect(await attempt({ origin: "https://evil.example" })).not.toBe("connected");
});

test("sign-in is rate limited per account and address, with a German message", async ({ page }) => {
  await page.goto("/sign-in");
  // An account no other test signs in with: its lock lasts 15 minutes. Unknown or not, the answers
  // are the same, so the limit tells nobody which accounts exist.
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.getByLabel("Benutzername").fill("konto-ohne-test");
    await page.getByLabel("Passwort").fill(`falsch-${attempt}`);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.locator("#sign-in-error")).toHaveText("Benutzername oder Passwort ist falsch.");
  }
  await page.getByLabel("Passwort").fill("Demo-Passwort-fuer-Tests-2026");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText(/Zu viele fehlgeschlagene Versuche/);
});
