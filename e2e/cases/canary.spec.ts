import { expect, test } from "@playwright/test";
import { demoUsers, signIn, uniqueLetters, type DemoRole } from "../fixtures";
import { monthKey, todayInBerlin } from "../../server/schemas/calendar-days";
import { capturedText, downloadedText, findCanaries, newCapture, startCapture, type Capture } from "./canary-capture";

// Letters unique to this run, so that a retry is not refused as the same person in an open case.
const run = uniqueLetters();

// Unique strings in every identifying field, with umlauts and ß so that written-out and folded
// copies are searched for too; none may ever reach anyone but the responsible CM's case file.
const canary = {
  lastName: `Kanarrowitsch${run}`,
  firstName: "Quilla",
  birthName: "Vogelsängová",
  birthDate: "1983-11-29",
  birthPlace: "Zwitscherstädt",
  street: "Gelbfederstraße 42",
  town: "Piepenhöhe",
  phone: "0172 9988776",
  email: "quilla.kanarrowitsch@example.org",
  relatives: "Ümit Flötengrüß",
};

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
  const captures: Capture[] = [];
  for (const role of viewers) {
    const context = await browser.newContext();
    const viewer = await context.newPage();
    const capture = startCapture(context, role);
    captures.push(capture);
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
        // PDF streams inflated and xlsx unzipped: compressed bytes would hide a name.
        const response = await viewer.request.get(url);
        capture.files.push(await downloadedText(await response.body()));
      }
      const status = await viewer.request.post("/api/trpc/reports.status", {
        headers: { "content-type": "application/json", "x-http-method-override": "GET" },
        data: JSON.stringify({ json: { month } }),
      });
      capture.files.push(await status.text());
    }
    await context.close();
  }
  // The case manager's own non-case screens and exports: reports and lists show pseudonyms only.
  const own = startCapture(page.context(), "case_manager (lists and reports)");
  captures.push(own);
  for (const path of ["/", "/cases", "/reports"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  const xlsx = await page.request.get(`/api/reports/monthly?month=${monthKey(todayInBerlin())}`);
  expect(xlsx.status()).toBe(200);
  const report = newCapture("monthly report (xlsx)");
  report.files.push(await downloadedText(await xlsx.body()));
  captures.push(report);

  expect(captures.reduce((n, c) => n + c.bodies.length, 0)).toBeGreaterThan(50);
  // The capture worked: the pseudonym is there, also inside the unzipped report.
  expect(report.files[0]!.includes(created.pseudonym), "pseudonym in the monthly report").toBe(true);
  expect((await capturedText(captures[0]!)).includes(created.pseudonym), "pseudonym on the coordination's screens").toBe(true);
  for (const capture of captures) expect(findCanaries(await capturedText(capture), Object.values(canary)), capture.label).toEqual([]);
});
