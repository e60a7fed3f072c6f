import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demoUsers, signIn } from "../fixtures";
import {
  cardPhase,
  createConference,
  createPostgresDatabase,
  sendBoardOperation,
  startServerProcess,
  type ServerProcess,
} from "./server-process";

const serverUrl = process.env.TEST_DATABASE_URL;
const ports = { a: 3301, b: 3302 };

test.describe("two server processes on one database", () => {
  test.skip(
    !serverUrl,
    "needs a PostgreSQL server (TEST_DATABASE_URL; .ci/start-postgres.sh starts one): the embedded database belongs to one process",
  );

  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  const processes: ServerProcess[] = [];

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    database = await createPostgresDatabase(serverUrl!);
    // A first, alone: it migrates and seeds; B then finds both done.
    processes.push(await startServerProcess(ports.a, { kind: "postgres", url: database.url }));
    processes.push(await startServerProcess(ports.b, { kind: "postgres", url: database.url }));
  });

  test.afterAll(async () => {
    for (const server of processes) await server.stop();
    await database?.drop();
  });

  async function personOn(browser: Browser, port: number, username: string): Promise<{ context: BrowserContext; page: Page }> {
    // One browser context per process: each has its own origin and session cookie.
    const context = await browser.newContext({ baseURL: `http://localhost:${port}`, locale: "de-DE", timezoneId: "Europe/Berlin" });
    const page = await context.newPage();
    await signIn(page, username);
    return { context, page };
  }

  test("a card added through one process appears live for a participant connected to the other", async ({ browser }) => {
    test.setTimeout(180_000);
    const moderation = await personOn(browser, ports.a, demoUsers.coordinator.username);
    const participant = await personOn(browser, ports.b, demoUsers.network_actor.username);
    try {
      for (const server of processes) expect(server.output()).toContain("socket.io adapter: PostgreSQL");
      const conferenceId = await createConference(moderation.page, [demoUsers.network_actor.displayName]);
      await sendBoardOperation(moderation.context, `http://localhost:${ports.a}`, conferenceId, cardPhase);

      for (const { page } of [moderation, participant]) {
        await page.goto(`/conferences/${conferenceId}/live`);
        await expect(page.getByText("Live verbunden")).toBeVisible();
      }

      const fromB = "Sprachkurse am Abend fehlen (über Prozess B)";
      await participant.page
        .getByLabel(/^Neue Karte/)
        .first()
        .fill(fromB);
      await participant.page.getByRole("button", { name: "Karte anheften" }).first().click();
      await expect(moderation.page.getByText(fromB, { exact: true })).toBeVisible();

      const fromA = "Kinderbetreuung während der Kurse (über Prozess A)";
      await moderation.page
        .getByLabel(/^Neue Karte/)
        .first()
        .fill(fromA);
      await moderation.page.getByRole("button", { name: "Karte anheften" }).first().click();
      await expect(participant.page.getByText(fromA, { exact: true })).toBeVisible();

      // Both confirmed, neither page reloaded: the broadcasts crossed between the processes.
      for (const { page } of [moderation, participant]) await expect(page.getByText("noch nicht bestätigt")).toHaveCount(0);
    } catch (error) {
      for (const server of processes) console.log(`--- server ${server.url} ---\n${server.output().slice(-4000)}`);
      throw error;
    } finally {
      await moderation.context.close();
      await participant.context.close();
    }
  });
});
