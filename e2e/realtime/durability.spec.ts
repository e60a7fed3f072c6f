import { expect, test, type Page } from "@playwright/test";
import { demoUsers, signIn } from "../fixtures";
import {
  cardPhase,
  createConference,
  createPgliteFolder,
  createPostgresDatabase,
  sendBoardOperation,
  startServerProcess,
  type Backend,
  type ServerProcess,
} from "./server-process";

const port = 3303;
const baseURL = `http://localhost:${port}`;
const cardCount = 20;

interface Store {
  name: string;
  create: () => Promise<{ backend: Backend; remove: () => Promise<void> }>;
}

const stores: Store[] = [
  {
    name: "PostgreSQL",
    create: async () => {
      const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
      return { backend: { kind: "postgres", url: database.url }, remove: database.drop };
    },
  },
  {
    name: "embedded PGlite",
    create: async () => {
      const folder = createPgliteFolder();
      return { backend: { kind: "pglite", dataDir: folder.dataDir }, remove: async () => folder.remove() };
    },
  },
];

const pending = (page: Page) => page.getByText("noch nicht bestätigt");

async function addCard(page: Page, text: string) {
  await page
    .getByLabel(/^Neue Karte/)
    .first()
    .fill(text);
  await page.getByRole("button", { name: "Karte anheften" }).first().click();
}

for (const store of stores) {
  test.describe(`server killed hard mid-meeting (${store.name})`, () => {
    test.skip(
      store.name === "PostgreSQL" && !process.env.TEST_DATABASE_URL,
      "needs a PostgreSQL server (TEST_DATABASE_URL; .ci/start-postgres.sh starts one)",
    );

    let storage: Awaited<ReturnType<Store["create"]>> | undefined;
    let server: ServerProcess | undefined;

    test.afterAll(async () => {
      await server?.stop();
      await storage?.remove();
    });

    test("every acknowledged card is there after kill -9 and restart, and the open page catches up without reloading", async ({
      browser,
    }) => {
      test.setTimeout(300_000);
      storage = await store.create();
      server = await startServerProcess(port, storage.backend);
      const context = await browser.newContext({ baseURL, locale: "de-DE", timezoneId: "Europe/Berlin" });
      const page = await context.newPage();
      try {
        await signIn(page, demoUsers.coordinator.username);
        const conferenceId = await createConference(page, [demoUsers.network_actor.displayName]);
        await sendBoardOperation(context, baseURL, conferenceId, cardPhase);
        await page.goto(`/conferences/${conferenceId}/live`);
        await expect(page.getByText("Live verbunden")).toBeVisible();

        for (let i = 1; i <= cardCount; i++) {
          await addCard(page, `Bestätigte Karte ${i}`);
          // Acknowledged means committed: only then the next one.
          await expect(pending(page)).toHaveCount(0);
        }
        // A marker on the window: gone if anything reloads the page from here on.
        await page.evaluate(() => ((window as unknown as { kimMarker: number }).kimMarker = 1));

        await server.kill();
        await expect(page.getByText("Verbindung unterbrochen")).toBeVisible();
        // Written while the server is down: kept in the page and sent once it is back.
        await addCard(page, "Karte während des Ausfalls");
        await expect(pending(page)).toBeVisible();

        server = await startServerProcess(port, storage.backend);
        await expect(page.getByText("Live verbunden")).toBeVisible({ timeout: 60_000 });
        await expect(pending(page)).toHaveCount(0, { timeout: 30_000 });
        await expect(page.getByText(/^Bestätigte Karte \d+$/)).toHaveCount(cardCount);
        await expect(page.getByText("Karte während des Ausfalls", { exact: true })).toBeVisible();

        await addCard(page, "Karte nach dem Neustart");
        await expect(pending(page)).toHaveCount(0);
        expect(await page.evaluate(() => (window as unknown as { kimMarker?: number }).kimMarker)).toBe(1);

        // What the server has, seen by someone who was not there.
        const fresh = await browser.newContext({ baseURL, locale: "de-DE", timezoneId: "Europe/Berlin" });
        const other = await fresh.newPage();
        await signIn(other, demoUsers.coordinator.username);
        await other.goto(`/conferences/${conferenceId}/live`);
        await expect(other.getByText("Live verbunden")).toBeVisible();
        await expect(other.getByText(/^Bestätigte Karte \d+$/)).toHaveCount(cardCount);
        for (const text of ["Karte während des Ausfalls", "Karte nach dem Neustart"]) {
          await expect(other.getByText(text, { exact: true })).toBeVisible();
        }
        await fresh.close();
      } catch (error) {
        console.log(`--- server ${baseURL} ---\n${server?.output().slice(-4000)}`);
        throw error;
      } finally {
        await context.close();
      }
    });
  });
}
