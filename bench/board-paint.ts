/**
 * The wall under a full meeting, as the moderator's browser sees it: the time from a `board:applied`
 * frame arriving in the page to the new card being painted, in Chromium, on a wall with 300 cards,
 * against an empty wall (the baseline) in the same run.
 *
 * The data is seeded with the server's own services before the server starts: a running
 * Planungskonferenz in its card phase with an empty wall, and a second one whose wall already holds
 * 300 cards written by ten participants. The production server (the existing build) then starts on a
 * fresh embedded database in a temporary folder, or on a fresh database on the PostgreSQL server at
 * DATABASE_URL when set. The moderator opens the wall in Chromium; a participant, signed in through
 * the sign-in page in a second browser context, adds cards one at a time over socket.io with that
 * session. An init script in the moderator's page stamps each `board:applied` frame as the WebSocket
 * delivers it (before the page's own handler) and, via a MutationObserver, the first frame rendered
 * after the element `focus-card-<cardId>` appeared.
 *
 * Needs a build (`npm run build`, or NEXT_DIST_DIR for another build folder); builds nothing itself.
 * Usage: npm run bench:paint   (BENCH_CARDS: measured cards per scenario, default 40;
 * CHROMIUM: the browser binary, default Debian's /usr/bin/chromium or Playwright's own)
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { generateKeyBetween } from "fractional-indexing";
import postgres from "postgres";
import { io as connect, type Socket } from "socket.io-client";
import { paintProbeScript, type PaintProbeWindow } from "./board-paint-probe";

/** Where the wall lives; `{id}` is the conference. Where it answers 404, the conference page without `/live`. */
const wallPath = "/conferences/{id}/live";
const fallbackWallPath = wallPath.replace(/\/live$/, "");

const measuredCards = Number(process.env.BENCH_CARDS ?? 40);
const loadedCards = 300;
const warmUpCards = 3;
// "Falldurchgang" in the default Ablaufplan of a Planungskonferenz: everyone writes cards (lane "themen").
const cardPhaseIndex = 1;
const lane = "themen";
const viewport = { width: 1366, height: 768 };
const password = `Bench-${randomBytes(9).toString("base64url")}`;
const systemChromium = "/usr/bin/chromium";

const secrets = {
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  AUDIT_CHAIN_KEY: randomBytes(32).toString("base64"),
};
Object.assign(process.env, secrets);
process.env.LOG_LEVEL ??= "warn";

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`No build found in ${distDir}: run \`npm run build\` first (this benchmark builds nothing itself).`);
  process.exit(1);
}

// After the environment above: the logger and the session code read it when they load.
const { openDatabase } = await import("@/db");
const { hashPassword } = await import("@/server/auth/password");
const { applyBoardOperation } = await import("@/server/conferences/board");
const { setConferenceStatus } = await import("@/server/conferences/conferences");
const { createActor, createTenant } = await import("@/server/test/factories");
const { createConference } = await import("@/server/test/conference-factories");

type Actor = Awaited<ReturnType<typeof createActor>>;
type Database = Awaited<ReturnType<typeof openDatabase>>["db"];

const cardTexts = [
  "Wartezeiten beim Sprachkurs zu lang",
  "Anerkennung der Abschlüsse dauert Monate",
  "Kinderbetreuung fehlt während der Kurse",
  "Termine bei der Ausländerbehörde schwer zu bekommen",
  "Wohnungssuche ohne Schufa kaum möglich",
  "Busverbindung in die Kreisstadt nur stündlich",
  "Dolmetschende fehlen bei Arztterminen",
  "Praktikumsplätze im Handwerk gesucht",
];

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const opId = () => randomBytes(12).toString("hex");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Seeded {
  moderator: Actor;
  participant: Actor;
  emptyConferenceId: string;
  loadedConferenceId: string;
  /** The order key of the last card on the loaded wall: new cards go below it. */
  loadedLastKey: string | null;
}

/** A running Planungskonferenz in its card phase, planned by the moderator through the real procedure. */
async function runningConference(db: Database, moderator: Actor, participants: Actor[], title: string) {
  const conference = await createConference(db, { planner: moderator, type: "planungskonferenz", participants, title });
  await setConferenceStatus(db, moderator, conference.id, "running");
  await applyBoardOperation(db, moderator, {
    conferenceId: conference.id,
    clientOpId: opId(),
    op: { kind: "phase.set", index: cardPhaseIndex },
  });
  return conference.id;
}

async function seed(db: Database): Promise<Seeded> {
  const { tenant } = await createTenant(db);
  const passwordHash = await hashPassword(password);
  const moderator = await createActor(db, tenant.id, ["coordinator"], { passwordHash });
  const writers = await Promise.all(Array.from({ length: 10 }, () => createActor(db, tenant.id, ["network_actor"], { passwordHash })));
  const participant = writers[0]!;
  const emptyConferenceId = await runningConference(db, moderator, writers, "Planungskonferenz leere Wand");
  const loadedConferenceId = await runningConference(db, moderator, writers, "Planungskonferenz volle Wand");
  let orderKey: string | null = null;
  for (let i = 0; i < loadedCards; i++) {
    orderKey = generateKeyBetween(orderKey, null);
    const op = { kind: "card.add" as const, cardId: randomUUID(), lane, text: `${cardTexts[i % cardTexts.length]} (${i + 1})`, orderKey };
    await applyBoardOperation(db, writers[i % writers.length]!, { conferenceId: loadedConferenceId, clientOpId: opId(), op });
  }
  return { moderator, participant, emptyConferenceId, loadedConferenceId, loadedLastKey: orderKey };
}

interface ServerHandle {
  url: string;
  stop: () => Promise<void>;
}

/** The production server as its own process group, as the e2e tests start it; resolves once healthy. */
async function startServer(env: Record<string, string>): Promise<ServerHandle> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_MIGRATION_URL;
  Object.assign(childEnv, secrets, env, {
    NODE_ENV: "production",
    PORT: String(port),
    NEXTAUTH_URL: url,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: childEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      output += `\n(exit code ${code}, signal ${signal})`;
      resolve();
    }),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const stop = async () => {
    if (hasExited) return;
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => !hasExited && process.kill(-child.pid!, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const started = Date.now();
  for (;;) {
    if (hasExited) throw new Error(`server exited during start:\n${output}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    if (Date.now() - started > 120_000) {
      await stop();
      throw new Error(`server not ready within 120 s:\n${output}`);
    }
    await sleep(200);
  }
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Benutzername").fill(username);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.getByRole("button", { name: "Abmelden" }).waitFor();
}

async function openWall(page: Page, baseUrl: string, conferenceId: string, expectedCards: number) {
  let response = await page.goto(`${baseUrl}${wallPath.replace("{id}", conferenceId)}`);
  if (response?.status() === 404) response = await page.goto(`${baseUrl}${fallbackWallPath.replace("{id}", conferenceId)}`);
  await page
    .waitForFunction(
      (count) =>
        (window as unknown as PaintProbeWindow).__paintProbe.joined && document.querySelectorAll('[id^="focus-card-"]').length === count,
      expectedCards,
      { timeout: 60_000 },
    )
    .catch(async (error: Error) => {
      const state = await page.evaluate(() => ({
        joined: (window as unknown as Partial<PaintProbeWindow>).__paintProbe?.joined,
        cards: document.querySelectorAll('[id^="focus-card-"]').length,
      }));
      throw new Error(
        `the wall at ${page.url()} (HTTP ${response?.status()}) did not show ${expectedCards} cards: ` +
          `board joined ${state.joined}, ${state.cards} cards on the page (${error.message})`,
      );
    });
  // Let the first render, fonts and the other sockets of the page settle.
  await sleep(1500);
}

/** Adds cards one after another from the participant's socket; each waits for its paint in the page. */
async function measure(page: Page, socket: Socket, conferenceId: string, count: number, after: string | null) {
  let orderKey = after;
  for (let i = 0; i < count; i++) {
    orderKey = generateKeyBetween(orderKey, null);
    const cardId = randomUUID();
    const op = { kind: "card.add", cardId, lane, text: `${cardTexts[i % cardTexts.length]} (neu ${i + 1})`, orderKey };
    const ack = await socket.timeout(15_000).emitWithAck("board:op", { conferenceId, clientOpId: opId(), op });
    if (!ack?.ok) throw new Error(`card.add refused: ${ack?.message}`);
    await page.waitForFunction((id) => ((window as unknown as PaintProbeWindow).__paintProbe.painted[id] ?? -1) > 0, cardId, {
      timeout: 30_000,
    });
    // Calm meeting pace: one card at a time, so each paint is measured on its own.
    await sleep(150);
  }
  const probe = await page.evaluate(() => (window as unknown as PaintProbeWindow).__paintProbe);
  return { orderKey, probe };
}

async function scenario(
  browser: Browser,
  baseUrl: string,
  seeded: Seeded,
  participantSocket: Socket,
  wall: { conferenceId: string; cards: number; lastKey: string | null },
) {
  const { conferenceId } = wall;
  const context = await browser.newContext({ viewport, locale: "de-DE", timezoneId: "Europe/Berlin" });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: paintProbeScript });
    await signIn(page, baseUrl, seeded.moderator.username);
    await openWall(page, baseUrl, conferenceId, wall.cards);
    // A few cards first, not counted: the page's first renders of a new card compile and warm up.
    const warm = await measure(page, participantSocket, conferenceId, warmUpCards, wall.lastKey);
    const warmIds = new Set(Object.keys(warm.probe.applied));
    const { probe } = await measure(page, participantSocket, conferenceId, measuredCards, warm.orderKey);
    return Object.keys(probe.applied)
      .filter((id) => !warmIds.has(id))
      .map((id) => probe.painted[id]! - probe.applied[id]!);
  } finally {
    await context.close();
  }
}

async function participantSocketFor(browser: Browser, baseUrl: string, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, username);
  const cookie = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
  await context.close();
  const socket = connect(baseUrl, { path: "/socket.io", transports: ["websocket"], extraHeaders: { origin: baseUrl, cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

function summary(label: string, values: number[]) {
  const ms = (value: number) => `${round(value)}`.padStart(7);
  console.log(
    `${label.padEnd(26)} p50 ${ms(percentile(values, 50))} ms  p95 ${ms(percentile(values, 95))} ms  max ${ms(Math.max(...values))} ms  (n=${values.length})`,
  );
}

const folder = mkdtempSync(path.join(tmpdir(), "kim-bench-paint-"));
const dataDir = path.join(folder, "pglite");
const serverUrl = process.env.DATABASE_URL;
let dropDatabase: (() => Promise<void>) | undefined;
let server: ServerHandle | undefined;
let browser: Browser | undefined;
try {
  // The server keeps its embedded database (or, on PostgreSQL, nothing) in the temporary folder.
  const serverEnv: Record<string, string> = { PGLITE_DATA_DIR: dataDir };
  let seeded: Seeded;
  if (serverUrl) {
    const name = `kim_bench_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    dropDatabase = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    serverEnv.DATABASE_URL = url.toString();
    const handle = await openDatabase({ driver: "postgres", url: url.toString() });
    seeded = await seed(handle.db).finally(() => handle.close());
  } else {
    // One process per PGlite folder: seeded and closed before the server opens it.
    const handle = await openDatabase({ driver: "pglite", dataDir });
    seeded = await seed(handle.db).finally(() => handle.close());
  }
  server = await startServer(serverEnv);
  const executablePath = process.env.CHROMIUM ?? (existsSync(systemChromium) ? systemChromium : undefined);
  browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const socket = await participantSocketFor(browser, server.url, seeded.participant.username);
  try {
    console.log(
      `board paint in Chromium ${browser.version()} (${viewport.width}×${viewport.height}), ${serverUrl ? "PostgreSQL" : "embedded PGlite"}: ` +
        `board:applied frame in the moderator's page → card painted, ${measuredCards} cards per scenario, one at a time`,
    );
    const baseline = await scenario(browser, server.url, seeded, socket, {
      conferenceId: seeded.emptyConferenceId,
      cards: 0,
      lastKey: null,
    });
    summary("empty wall (baseline)", baseline);
    const loaded = await scenario(browser, server.url, seeded, socket, {
      conferenceId: seeded.loadedConferenceId,
      cards: loadedCards,
      lastKey: seeded.loadedLastKey,
    });
    summary(`${loadedCards} cards on the wall`, loaded);
    const loadedP95 = percentile(loaded, 95);
    const baselineP95 = percentile(baseline, 95);
    console.log(
      `board paint ${loadedCards} cards: p95 ${round(loadedP95)} ms, baseline p95 ${round(baselineP95)} ms, ratio ${(loadedP95 / baselineP95).toFixed(2)}`,
    );
  } finally {
    socket.disconnect();
  }
} finally {
  await browser?.close();
  await server?.stop();
  await dropDatabase?.();
  rmSync(folder, { recursive: true, force: true });
}
process.exit(0);
