import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { demoUsers, signIn } from "../fixtures";
import { findNginx, nodeOf, proxyClientHeader, proxyRequest, sendBoardOperationThroughProxy, startProxy, type ProxyProcess } from "./proxy";
import { cardPhase, createConference, createPostgresDatabase, startServerProcess, type ServerProcess } from "./server-process";

const serverUrl = process.env.TEST_DATABASE_URL;
const nginx = findNginx();
const ports = { a: 3301, b: 3302, proxy: 3343, proxyHttp: 3344 };
const publicUrl = `https://localhost:${ports.proxy}`;

test.describe("two server processes on one database behind the nginx proxy", () => {
  test.skip(
    !serverUrl,
    "needs a PostgreSQL server (TEST_DATABASE_URL; .ci/start-postgres.sh starts one): the embedded database belongs to one process",
  );
  test.skip(!nginx, "needs nginx (Debian package nginx; .ci/run installs it) to run the proxy configuration in deploy/nginx");

  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  const processes: ServerProcess[] = [];
  let proxy: ProxyProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    database = await createPostgresDatabase(serverUrl!);
    // As deployed: the public HTTPS address, the header only the proxy writes, a name per node.
    // Ten sign-in attempts per account and address, as the limiter test below counts.
    const node = (name: string) => ({
      NEXTAUTH_URL: publicUrl,
      TRUSTED_PROXY_HEADER: proxyClientHeader,
      KIM_NODE_NAME: name,
      SIGN_IN_ATTEMPTS_PER_15_MINUTES: "10",
    });
    // A first, alone: it migrates and seeds; B then finds both done.
    processes.push(await startServerProcess(ports.a, { kind: "postgres", url: database.url }, node("a")));
    processes.push(await startServerProcess(ports.b, { kind: "postgres", url: database.url }, node("b")));
    proxy = await startProxy({ port: ports.proxy, httpPort: ports.proxyHttp, nodes: [`127.0.0.1:${ports.a}`, `127.0.0.1:${ports.b}`] });
  });

  test.afterAll(async () => {
    await proxy?.stop();
    for (const server of processes) await server.stop();
    await database?.drop();
  });

  function printLogs() {
    for (const server of processes) console.log(`--- server ${server.url} ---\n${server.output().slice(-4000)}`);
    console.log(`--- nginx ---\n${proxy?.output()}\n${proxy?.accessLog().slice(-4000)}`);
  }

  /**
   * A new browser through the proxy, signed in; `otherThan`: a node it must not land on. Each new
   * browser gets its own routing cookie, so about every second one lands on the other node.
   */
  async function personThroughProxy(
    browser: Browser,
    username: string,
    otherThan?: string,
  ): Promise<{ context: BrowserContext; page: Page; node: string }> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const context = await browser.newContext({
        baseURL: publicUrl,
        ignoreHTTPSErrors: true,
        locale: "de-DE",
        timezoneId: "Europe/Berlin",
      });
      const node = await nodeOf(context);
      expect(node, "every answer through the proxy names its node").toMatch(/^[ab]$/);
      if (node === otherThan) {
        await context.close();
        continue;
      }
      const page = await context.newPage();
      await signIn(page, username);
      return { context, page, node: node! };
    }
    throw new Error(`20 new browsers all landed on node ${otherThan}: the proxy does not spread browsers`);
  }

  test("browsers spread over both nodes, each stays on its own, and cards cross between them through the proxy", async ({ browser }) => {
    test.setTimeout(180_000);
    const moderation = await personThroughProxy(browser, demoUsers.coordinator.username);
    const participant = await personThroughProxy(browser, demoUsers.network_actor.username, moderation.node);
    try {
      for (const server of processes) expect(server.output()).toContain("socket.io adapter: PostgreSQL");
      const conferenceId = await createConference(moderation.page, [demoUsers.network_actor.displayName]);
      await sendBoardOperationThroughProxy(moderation.context, proxy!, conferenceId, cardPhase);

      for (const { page } of [moderation, participant]) {
        await page.goto(`/conferences/${conferenceId}/live`);
        await expect(page.getByText("Live verbunden")).toBeVisible();
      }

      const fromB = `Sprachkurse am Abend fehlen (über Knoten ${participant.node})`;
      await participant.page
        .getByLabel(/^Neue Karte/)
        .first()
        .fill(fromB);
      await participant.page.getByRole("button", { name: "Karte anheften" }).first().click();
      await expect(moderation.page.getByText(fromB, { exact: true })).toBeVisible();

      const fromA = `Kinderbetreuung während der Kurse (über Knoten ${moderation.node})`;
      await moderation.page
        .getByLabel(/^Neue Karte/)
        .first()
        .fill(fromA);
      await moderation.page.getByRole("button", { name: "Karte anheften" }).first().click();
      await expect(participant.page.getByText(fromA, { exact: true })).toBeVisible();

      // Both confirmed, neither page reloaded: the broadcasts crossed between the processes.
      for (const { page } of [moderation, participant]) await expect(page.getByText("noch nicht bestätigt")).toHaveCount(0);

      // Sticky: after sign-in, page loads and sockets, each browser is still answered by its node.
      expect(new Set([moderation.node, participant.node])).toEqual(new Set(["a", "b"]));
      for (const person of [moderation, participant]) {
        for (let i = 0; i < 5; i++) expect(await nodeOf(person.context)).toBe(person.node);
      }
    } catch (error) {
      printLogs();
      throw error;
    } finally {
      await moderation.context.close();
      await participant.context.close();
    }

    // nginx logs a WebSocket when it closes: both nodes carried live sockets of the meeting.
    await expect
      .poll(() => {
        const upgraded = proxy!
          .accessLog()
          .split("\n")
          .filter((line) => line.includes("GET /socket.io/") && line.includes('" 101 '));
        return [ports.a, ports.b].map((port) => upgraded.some((line) => line.includes(`node=127.0.0.1:${port}`)));
      })
      .toEqual([true, true]);
  });

  test("the sign-in limits count the address the proxy saw; a client cannot write it himself", async () => {
    test.setTimeout(120_000);
    const username = "unbekannt-hinter-proxy";
    const spoofed = (i: number) => `203.0.113.${i + 1}`;
    // A wrong password from a client at `localAddress` that also claims some other address.
    const attempt = async (localAddress: string, claimed: string) => {
      const csrf = await proxyRequest(proxy!, "/api/auth/csrf", { localAddress });
      const cookie = ([csrf.headers["set-cookie"] ?? []].flat() as string[]).map((c) => c.split(";")[0]).join("; ");
      const body = new URLSearchParams({
        username,
        password: "falsches-Passwort-123",
        csrfToken: JSON.parse(csrf.body).csrfToken,
        json: "true",
      });
      const response = await proxyRequest(proxy!, "/api/auth/callback/credentials", {
        method: "POST",
        localAddress,
        body: body.toString(),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie,
          origin: publicUrl,
          "x-real-ip": claimed,
          "x-forwarded-for": claimed,
          "x-kim-client-address": claimed,
        },
      });
      const answer = `${response.headers.location ?? ""} ${response.body}`;
      expect(answer, `sign-in answer ${response.status}`).toMatch(/error=/);
      return answer.includes("error=RateLimited") ? "limited" : "refused";
    };

    try {
      // Ten attempts allowed per account and address; the eleventh is refused by the limit even
      // though every attempt claimed a new address.
      const results: string[] = [];
      for (let i = 0; i < 11; i++) results.push(await attempt("127.0.0.7", spoofed(i)));
      expect(results).toEqual([...Array(10).fill("refused"), "limited"]);
      // Another client behind the same proxy is not caught in it: the proxy's own address is not what counts.
      expect(await attempt("127.0.0.8", spoofed(0))).toBe("refused");

      const sql = postgres(database!.url, { max: 1, onnotice: () => {} });
      try {
        const rows = await sql<{ key: string }[]>`select key from rate_limits where key like ${`%${username}%`}`;
        const keys = rows.map((row) => row.key).sort();
        expect(keys).toEqual([
          `sign-in-account-address:${username}|127.0.0.7`,
          `sign-in-account-address:${username}|127.0.0.8`,
          `sign-in-account:${username}`,
          `sign-in-blocked-audit:${username}|127.0.0.7`,
        ]);
        const claimedKeys = await sql`select key from rate_limits where key like '%203.0.113.%'`;
        expect(claimedKeys).toHaveLength(0);
      } finally {
        await sql.end();
      }
    } catch (error) {
      printLogs();
      throw error;
    }
  });
});
