import { expect, test, type Page, type Response } from "@playwright/test";
import { demoUsers, signIn, uniqueLetters, type DemoRole } from "../fixtures";
import { monthKey, todayInBerlin } from "../../server/schemas/calendar-days";

// Letters unique to this run, so that a retry is not refused as the same person in an open case.
const run = uniqueLetters();

// Unique strings in every identifying field; none may ever reach anyone but the responsible CM's case file.
const canary = {
  lastName: `Kanarrowitsch${run}`,
  firstName: "Quilla",
  birthName: "Vogelsangova",
  birthDate: "1983-11-29",
  birthPlace: "Zwitscherstadt",
  street: "Gelbfederweg 42",
  town: "Piepenhausen",
  phone: "0172 9988776",
  email: "quilla.kanarrowitsch@example.org",
};

function variants(value: string): string[] {
  return [
    value,
    value.toLowerCase(),
    value.toUpperCase(),
    encodeURIComponent(value),
    Buffer.from(value).toString("base64"),
    JSON.stringify(value).slice(1, -1),
  ];
}

function recordBodies(page: Page, bodies: string[]) {
  page.on("response", (response: Response) => {
    void response.text().then(
      (text) => bodies.push(text),
      () => {},
    );
  });
}

test("identity values never leave the case file: every other screen, API answer and export is clean", async ({ page, browser }) => {
  // Five people visit eleven screens each.
  test.setTimeout(180_000);
  await signIn(page, demoUsers.case_manager.username);
  const created = await page.evaluate(async (identity) => {
    const post = async (path: string, input: unknown) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return (await response.json()).result.data.json;
    };
    const c = await post("cases.create", { accessChannel: "walk_in", kommuneId: null, identity });
    await post("cases.addConsent", { caseId: c.id, kind: "processing", grantedOn: "2026-11-01" });
    return c as { id: string; pseudonym: string };
  }, canary);
  const contact = { caseId: created.id, contactOn: todayInBerlin() };
  await page.evaluate(async ({ caseId, contactOn }) => {
    const post = (path: string, input: unknown) =>
      fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
    await post("cases.addContact", {
      caseId,
      contactOn,
      channel: "phone",
      durationMinutes: 15,
      topic: "Erstkontakt",
    });
  }, contact);

  const viewers: DemoRole[] = ["coordinator", "network_actor", "body_member", "cm_spokesperson", "admin"];
  // Who also fetches the downloads that carry case data: the coordination.
  const downloading: ReadonlySet<DemoRole> = new Set(["coordinator"]);
  const bodies: string[] = [];
  for (const role of viewers) {
    const context = await browser.newContext();
    const viewer = await context.newPage();
    recordBodies(viewer, bodies);
    await signIn(viewer, demoUsers[role].username);
    for (const path of [
      "/",
      "/cases",
      `/cases/${created.id}`,
      `/cases/${created.id}/identity`,
      `/cases/${created.id}/closure`,
      "/reports",
      "/offers",
      "/audit",
      "/themes",
      "/conferences",
      "/bodies",
    ]) {
      await viewer.goto(path);
      await viewer.waitForLoadState("networkidle");
    }
    if (downloading.has(role)) {
      const month = monthKey(todayInBerlin());
      for (const url of [
        `/api/reports/monthly?month=${month}`,
        `/api/cases/${created.id}/export?format=json`,
        `/api/cases/${created.id}/export?format=pdf`,
      ]) {
        const response = await viewer.request.get(url);
        bodies.push((await response.body()).toString("latin1"));
      }
      const status = await viewer.request.post("/api/trpc/reports.status", {
        headers: { "content-type": "application/json", "x-http-method-override": "GET" },
        data: JSON.stringify({ json: { month } }),
      });
      bodies.push(await status.text());
    }
    await context.close();
  }
  // The case manager's own non-case screens and exports: reports and lists show pseudonyms only.
  recordBodies(page, bodies);
  for (const path of ["/", "/cases", "/reports"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  const xlsx = await page.request.get(`/api/reports/monthly?month=${monthKey(todayInBerlin())}`);
  expect(xlsx.status()).toBe(200);
  bodies.push((await xlsx.body()).toString("latin1"));

  expect(bodies.length).toBeGreaterThan(50);
  const all = bodies.join("\n");
  expect(all).toContain(created.pseudonym);
  for (const value of Object.values(canary)) {
    for (const variant of variants(value)) expect(all, `found ${value}`).not.toContain(variant);
  }
});
