/**
 * The live board under a full meeting: one conference, 30 people each on their own socket.io
 * connection, adding cards (`board:op` card.add). Two load shapes:
 * - meeting pace: every person adds a card every 2 s (15 operations/s in all, a busy brainstorm);
 *   gives ack latency (sent → committed and acknowledged) and fan-out latency (sent → the last of
 *   the 30 clients has the `board:applied` broadcast);
 * - flat out: every person sends the next card as soon as the previous one is acknowledged (just
 *   under the per-connection rate limit); gives the operations per second the server sustains.
 * Baseline in the same run: a plain socket.io server that broadcasts each message to the same 30
 * clients and acknowledges it, without session, policies or database, under the same load shapes.
 *
 * Runs on a fresh embedded PGlite database (in a temporary folder, as the server keeps it), and on a
 * fresh database on the PostgreSQL server at DATABASE_URL or TEST_DATABASE_URL when set (with the
 * PostgreSQL socket.io adapter, as production runs there). Usage: npm run bench:realtime
 * BENCH_OPS sets the operations per client and load shape (default 10).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateKeyBetween } from "fractional-indexing";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";

process.env.LOG_LEVEL ??= "warn";
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.IDENTITY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.AUDIT_CHAIN_KEY ??= randomBytes(32).toString("base64");

// After the environment above: the logger and the session code read it when they load.
const { openDatabase } = await import("@/db");
const { attachSocketServer } = await import("@/server/realtime/socket-server");
const { attachRealtimeAdapter } = await import("@/server/realtime/adapter");
const { createConference } = await import("@/server/conferences/conferences");
const { createActor, createTenant } = await import("@/server/test/factories");

type DatabaseHandle = Awaited<ReturnType<typeof openDatabase>>;

const clientCount = 30;
const opsPerClient = Number(process.env.BENCH_OPS ?? 10);
const meetingPaceMs = 2000;
// The server allows 20 operations per second per connection; stay just under it.
const flatOutSpacingMs = 60;
// "Falldurchgang" in the default Ablaufplan of a Planungskonferenz: everyone writes cards.
const cardPhaseIndex = 1;

interface Run {
  meeting: Figures;
  flatOut: Figures;
}

interface Figures {
  ackMs: number[];
  fanoutMs: number[];
  opsPerSecond: number;
  refused: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function listen(httpServer: HttpServer): Promise<string> {
  return new Promise((resolve) =>
    httpServer.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`)),
  );
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

/**
 * Every client sends its operations one after another (the next once the previous is acknowledged,
 * no faster than the rate limit) while all clients do so at once; `key` names an operation in the
 * broadcast so the time until all clients have it can be taken.
 */
async function drive(
  clients: Socket[],
  spacingMs: number,
  send: (client: Socket, index: number, key: string) => Promise<boolean>,
  broadcastKey: (payload: unknown) => string | undefined,
): Promise<Figures> {
  const sentAt = new Map<string, number>();
  const seenBy = new Map<string, number>();
  const fanoutMs: number[] = [];
  const ackMs: number[] = [];
  let refused = 0;
  const listeners = clients.map((client) => {
    const listener = (payload: unknown) => {
      const key = broadcastKey(payload);
      if (!key || !sentAt.has(key)) return;
      const count = (seenBy.get(key) ?? 0) + 1;
      seenBy.set(key, count);
      if (count === clients.length) fanoutMs.push(performance.now() - sentAt.get(key)!);
    };
    client.on("board:applied", listener);
    return listener;
  });
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, index) => {
      // Spread the clients over the interval instead of all sending at the same instant.
      if (spacingMs > flatOutSpacingMs) await sleep(Math.random() * spacingMs);
      for (let i = 0; i < opsPerClient; i++) {
        const key = randomUUID().replace(/-/g, "");
        const before = performance.now();
        sentAt.set(key, before);
        if (await send(client, index, key)) ackMs.push(performance.now() - before);
        else refused++;
        const spent = performance.now() - before;
        if (spent < spacingMs) await sleep(spacingMs - spent);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Broadcasts may still be on their way to the last clients.
  const expected = ackMs.length;
  for (let waited = 0; fanoutMs.length < expected && waited < 5000; waited += 20) await sleep(20);
  clients.forEach((client, index) => client.off("board:applied", listeners[index]));
  return { ackMs, fanoutMs, opsPerSecond: ackMs.length / elapsed, refused };
}

/** Warm-up (caches, prepared statements, JIT), then both load shapes. */
async function runShapes(
  clients: Socket[],
  send: (client: Socket, index: number, key: string) => Promise<boolean>,
  key: (payload: unknown) => string | undefined,
): Promise<Run> {
  await drive(clients.slice(0, 5), flatOutSpacingMs, send, key);
  const meeting = await drive(clients, meetingPaceMs, send, key);
  const flatOut = await drive(clients, flatOutSpacingMs, send, key);
  return { meeting, flatOut };
}

async function echoBaseline(): Promise<Run> {
  const httpServer = createServer();
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false });
  io.on("connection", (socket) => {
    socket.on("join", async (room: string, ack: () => void) => {
      await socket.join(room);
      ack();
    });
    socket.on("echo", (payload: { room: string; key: string }, ack: (reply: object) => void) => {
      io.to(payload.room).emit("board:applied", payload);
      ack({ ok: true });
    });
  });
  const url = await listen(httpServer);
  const clients = Array.from({ length: clientCount }, () => connect(url, { path: "/socket.io", transports: ["websocket"] }));
  try {
    await Promise.all(clients.map(connected));
    await Promise.all(clients.map((client) => new Promise((resolve) => client.emit("join", "meeting", resolve))));
    const send = (client: Socket, _index: number, key: string) =>
      new Promise<boolean>((resolve) => client.emit("echo", { room: "meeting", key }, () => resolve(true)));
    return await runShapes(clients, send, (payload) => (payload as { key: string }).key);
  } finally {
    for (const client of clients) client.disconnect();
    await io.close();
  }
}

async function boardRun(handle: DatabaseHandle, databaseUrl: string | undefined): Promise<Run> {
  const { tenant } = await createTenant(handle.db);
  const moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
  const participants = await Promise.all(
    Array.from({ length: clientCount - 1 }, () => createActor(handle.db, tenant.id, ["network_actor"])),
  );
  const conference = await createConference(handle.db, moderator, {
    type: "planungskonferenz",
    title: "Planungskonferenz Messung",
    kommuneId: null,
    scheduledAt: new Date(),
    place: "Kreishaus",
    isOnline: false,
    participantUserIds: participants.map((p) => p.userId),
    previousConferenceId: null,
  });

  // The socket server reaches the database through the process-wide handle, as in the server.
  const global = globalThis as { __kimDatabase?: Promise<DatabaseHandle> };
  global.__kimDatabase = Promise.resolve(handle);
  const httpServer = createServer();
  const io = attachSocketServer(httpServer);
  const adapter = await attachRealtimeAdapter(io, databaseUrl);
  const url = await listen(httpServer);
  const secret = process.env.NEXTAUTH_SECRET!;
  const clients = await Promise.all(
    [moderator, ...participants].map(async (actor) => {
      const token = await encode({ token: { sub: actor.userId, sv: 1, authTime: Math.floor(Date.now() / 1000) }, secret });
      return connect(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { origin: url, cookie: `kim.session=${token}` } });
    }),
  );
  try {
    await Promise.all(clients.map(connected));
    await Promise.all(
      clients.map(
        (client) =>
          new Promise<void>((resolve, reject) =>
            client.emit("board:join", { conferenceId: conference.id, afterSeq: 0 }, (ack: { ok: boolean; message?: string }) =>
              ack.ok ? resolve() : reject(new Error(`board:join refused: ${ack.message}`)),
            ),
          ),
      ),
    );
    // Participants may write cards only in a card phase of the Ablaufplan; the moderator opens one.
    await new Promise<void>((resolve, reject) =>
      clients[0]!.emit(
        "board:op",
        { conferenceId: conference.id, clientOpId: randomUUID().replace(/-/g, ""), op: { kind: "phase.set", index: cardPhaseIndex } },
        (ack: { ok: boolean; message?: string }) => (ack.ok ? resolve() : reject(new Error(`phase.set refused: ${ack.message}`))),
      ),
    );
    const orderKeys = clients.map(() => null as string | null);
    const send = (client: Socket, index: number, key: string) => {
      const orderKey = generateKeyBetween(orderKeys[index]!, null);
      orderKeys[index] = orderKey;
      const op = { kind: "card.add", cardId: randomUUID(), lane: "themen", text: `Karte ${index}-${key.slice(0, 6)}`, orderKey };
      return new Promise<boolean>((resolve) =>
        client.emit("board:op", { conferenceId: conference.id, clientOpId: key, op }, (ack: { ok: boolean }) => resolve(ack.ok)),
      );
    };
    const key = (payload: unknown) => (payload as { clientOpId?: string }).clientOpId;
    return await runShapes(clients, send, key);
  } finally {
    for (const client of clients) client.disconnect();
    await io.close();
    await adapter.close();
    delete global.__kimDatabase;
  }
}

function report(label: string, run: Run) {
  const { meeting, flatOut } = run;
  const ms = (value: number) => `${round(value)}`.padStart(6);
  console.log(
    `${label.padEnd(34)} meeting pace: ack p50 ${ms(percentile(meeting.ackMs, 50))} ms  p95 ${ms(percentile(meeting.ackMs, 95))} ms  p99 ${ms(percentile(meeting.ackMs, 99))} ms  ` +
      `fan-out p50 ${ms(percentile(meeting.fanoutMs, 50))} ms  p95 ${ms(percentile(meeting.fanoutMs, 95))} ms | ` +
      `flat out: ${Math.round(flatOut.opsPerSecond).toString().padStart(5)} ops/s, ack p95 ${ms(percentile(flatOut.ackMs, 95))} ms` +
      (meeting.refused + flatOut.refused > 0 ? `  (${meeting.refused + flatOut.refused} refused)` : ""),
  );
}

console.log(
  `${clientCount} clients in one conference, ${opsPerClient} card.add each per load shape ` +
    `(meeting pace: one card per person every ${meetingPaceMs / 1000} s; flat out: next card on ack)`,
);
const echo = await echoBaseline();
report("baseline: socket.io broadcast+ack", echo);

const pgliteFolder = mkdtempSync(path.join(tmpdir(), "kim-bench-realtime-"));
const results: { label: string; run: Run }[] = [];
try {
  const handle = await openDatabase({ driver: "pglite", dataDir: path.join(pgliteFolder, "pglite") });
  try {
    results.push({ label: "board on PGlite", run: await boardRun(handle, undefined) });
    report(results.at(-1)!.label, results.at(-1)!.run);
  } finally {
    await handle.close();
  }
} finally {
  rmSync(pgliteFolder, { recursive: true, force: true });
}

const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `kim_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ driver: "postgres", url: url.toString() });
    try {
      results.push({ label: "board on PostgreSQL (+ adapter)", run: await boardRun(handle, url.toString()) });
      report(results.at(-1)!.label, results.at(-1)!.run);
    } finally {
      await handle.close();
    }
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log("PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL to measure it too.");
}

// The summary line takes the slower configuration measured; latencies at meeting pace, throughput flat out.
const p95 = (figures: Figures) => percentile(figures.ackMs, 95);
const worst = results.reduce((a, b) => (p95(b.run.meeting) > p95(a.run.meeting) ? b : a));
const ratio = p95(worst.run.meeting) / p95(echo.meeting);
console.log(`ratio ack p95 at meeting pace, ${worst.label} / baseline: ${ratio.toFixed(1)}`);
console.log(
  `bench:realtime ack_p95_ms=${round(p95(worst.run.meeting))} fanout_p95_ms=${round(percentile(worst.run.meeting.fanoutMs, 95))} ` +
    `ops_per_s=${Math.round(Math.min(...results.map((r) => r.run.flatOut.opsPerSecond)))} ratio_vs_echo=${ratio.toFixed(1)}`,
);
process.exit(0);
