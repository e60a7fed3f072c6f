/**
 * Live boards at programme scale, on PostgreSQL with two server processes and the socket.io
 * PostgreSQL adapter, as a deployment runs them. Shapes (people send `card.add` operations; every
 * third card is about one of the agenda's cases, so it goes out redacted per participant):
 * - 1x30: one meeting of 30 at brainstorm pace (one card per person every 2 s);
 * - 100x30: a hundred meetings of 30 at once, one operation per person every 10 s (300 ops/s);
 * - 1x200: one meeting of 200 (a Regionalkonferenz), one operation per person every 10 s;
 * - catch-up: a participant who missed 1,000 operations joins again (join sent → caught up).
 * The floor, measured in the same run for the same load and on the same processes' topology: a
 * socket.io broadcast plus one INSERT committed with synchronous_commit on, on the same database.
 * Ratios are board / floor at the 99th percentile; fan-out is sent → the last participant has it.
 *
 * Usage: npm run bench:realtime (a throwaway PostgreSQL server is started unless DATABASE_URL or
 * TEST_DATABASE_URL names one). BENCH_SECONDS sets the length of each shape (default 30),
 * BENCH_SHAPES picks shapes (default "1x30,100x30,1x200,catchup").
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { generateKeyBetween } from "fractional-indexing";
import { conferences, tenants } from "@/db/schema";

process.env.LOG_LEVEL ??= "warn";
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.IDENTITY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.AUDIT_CHAIN_KEY ??= randomBytes(32).toString("base64");

// After the environment above: the logger, the keys and the session code read it when they load.
const { openDatabase } = await import("@/db");
const { applyBoardOperation } = await import("@/server/conferences/board");
const { meetingCaseId } = await import("@/server/conferences/meeting-case-ids");
const { createTenant } = await import("@/server/test/factories");
const { sessionCookieFor } = await import("@/server/test/socket-server");
const { connectPerson, drive, emitWithAck, inBatches, percentile } = await import("./realtime/load");
const { freshDatabase, postgresServer } = await import("./postgres-server");
const { seedMeeting, startNode } = await import("./realtime/setup");
type Meeting = import("./realtime/setup").Meeting;
type Person = import("./realtime/load").Person;
type Figures = import("./realtime/load").Figures;

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const shapes = new Set((process.env.BENCH_SHAPES ?? "1x30,100x30,1x200,catchup").split(","));
const round = (value: number) => Math.round(value * 10) / 10;

interface Shape {
  name: string;
  meetings: Meeting[];
  meanIntervalMs: number;
}

const server = postgresServer();
const database = await freshDatabase(server.url);
const summary: string[] = [];
try {
  const handle = await openDatabase({ driver: "postgres", url: database.url });
  await handle.db.execute(
    "CREATE TABLE bench_floor (id bigserial PRIMARY KEY, room text NOT NULL, client_op_id text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
  );
  const { tenant, organisation } = await createTenant(handle.db);
  // A Regionalkonferenz of 200: the tenant's limit for the type, as its admin would set it.
  await handle.db
    .update(tenants)
    .set({ boardParticipantLimits: { planungskonferenz: 250 } })
    .where(eq(tenants.id, tenant.id));
  const seed = (count: number, size: number) =>
    inBatches(Array.from({ length: count }), 4, () => seedMeeting(handle.db, tenant, organisation.id, size));

  const started = performance.now();
  const hundred = shapes.has("100x30") ? await seed(100, 30) : [];
  const thirty = hundred[0] ? [hundred[0]] : shapes.has("1x30") || shapes.has("catchup") ? await seed(1, 30) : [];
  const twoHundred = shapes.has("1x200") ? await seed(1, 200) : [];
  console.log(
    `seeded ${hundred.length + twoHundred.length + (hundred.length ? 0 : thirty.length)} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const nodes = {
    board: [await startNode("board", database.url), await startNode("board", database.url)],
    floor: [await startNode("floor", database.url), await startNode("floor", database.url)],
  };
  try {
    const runs: Shape[] = [];
    if (shapes.has("1x30")) runs.push({ name: "1x30", meetings: thirty, meanIntervalMs: 2000 });
    if (shapes.has("100x30")) runs.push({ name: "100x30", meetings: hundred, meanIntervalMs: 10_000 });
    if (shapes.has("1x200")) runs.push({ name: "1x200", meetings: twoHundred, meanIntervalMs: 10_000 });
    for (const shape of runs) {
      const opsPerPerson = Math.max(1, Math.round((seconds * 1000) / shape.meanIntervalMs));
      const floor = await runFloor(
        shape,
        nodes.floor.map((n) => n.url),
        opsPerPerson,
      );
      const board = await runBoard(
        shape,
        nodes.board.map((n) => n.url),
        opsPerPerson,
      );
      report(shape, floor, board);
    }
    if (shapes.has("catchup")) summary.push(`bench:realtime catchup_1000_ms=${round(await catchUp(thirty[0]!, nodes.board[0]!.url))}`);
  } finally {
    for (const node of [...nodes.board, ...nodes.floor]) await node.stop();
    await handle.close();
  }
} finally {
  await database.drop();
  server.stop();
}
for (const line of summary) console.log(line);
process.exit(0);

/** Person i of each meeting connects to process i mod 2: every meeting spans both processes. */
async function connectAll(shape: Shape, urls: string[], cookieOf: (actor: Meeting["people"][number]) => Promise<string | undefined>) {
  const slots = shape.meetings.flatMap((meeting, m) => meeting.people.map((actor, index) => ({ actor, meeting: m, index })));
  return inBatches(slots, 50, async ({ actor, meeting, index }): Promise<Person> => {
    const socket = await connectPerson(urls[index % urls.length]!, await cookieOf(actor));
    return { socket, meeting, index };
  });
}

async function runFloor(shape: Shape, urls: string[], opsPerPerson: number): Promise<Figures> {
  const people = await connectAll(shape, urls, async () => undefined);
  try {
    await inBatches(people, 50, (p) => emitWithAck(p.socket, "floor:join", `m${p.meeting}`));
    const send = (p: Person, clientOpId: string) =>
      emitWithAck(p.socket, "floor:op", { room: `m${p.meeting}`, clientOpId, text: `Karte ${clientOpId.slice(0, 8)}` });
    await drive(
      people.filter((p) => p.meeting < 2),
      200,
      2,
      send,
    );
    return await drive(people, shape.meanIntervalMs, opsPerPerson, send);
  } finally {
    for (const p of people) p.socket.disconnect();
  }
}

async function runBoard(shape: Shape, urls: string[], opsPerPerson: number): Promise<Figures> {
  const secret = process.env.NEXTAUTH_SECRET!;
  const people = await connectAll(shape, urls, (actor) => sessionCookieFor(actor.userId, secret));
  try {
    await inBatches(people, 20, async (p) => {
      const ack = await emitWithAck(p.socket, "board:join", { conferenceId: shape.meetings[p.meeting]!.conferenceId, afterSeq: 0 });
      if (!ack.ok) throw new Error(`board:join refused: ${ack.message}`);
    });
    const orderKeys = new Map<Person, string | null>();
    let sent = 0;
    const send = (p: Person, clientOpId: string) => {
      const meeting = shape.meetings[p.meeting]!;
      const orderKey = generateKeyBetween(orderKeys.get(p) ?? null, null);
      orderKeys.set(p, orderKey);
      // The moderation (the coordination, no organisation) is not covered by the cases' consent.
      const aboutCase = p.index > 0 && sent++ % 3 === 0 ? meeting.caseIds[sent % meeting.caseIds.length]! : null;
      const op = {
        kind: "card.add",
        cardId: randomUUID(),
        lane: "themen",
        text: `Karte ${clientOpId.slice(0, 8)}: Sprachkurs am Abend fehlt`,
        orderKey,
        ...(aboutCase ? { caseId: meetingCaseId(meeting.conferenceId, aboutCase) } : {}),
      };
      return emitWithAck(p.socket, "board:op", { conferenceId: meeting.conferenceId, clientOpId, op });
    };
    await drive(
      people.filter((p) => p.meeting < 2),
      200,
      2,
      send,
    );
    return await drive(people, shape.meanIntervalMs, opsPerPerson, send);
  } finally {
    for (const p of people) p.socket.disconnect();
  }
}

/** A participant who missed 1,000 operations joins again: join sent → every missed operation received. */
async function catchUp(meeting: Meeting, url: string): Promise<number> {
  const { db } = await openDatabase({ driver: "postgres", url: database.url });
  const [{ lastSeq: afterSeq }] = (await db
    .select({ lastSeq: conferences.lastSeq })
    .from(conferences)
    .where(eq(conferences.id, meeting.conferenceId))) as [{ lastSeq: number }];
  let orderKey: string | null = null;
  for (let i = 0; i < 1000; i++) {
    orderKey = generateKeyBetween(orderKey, null);
    const op = { kind: "card.add" as const, cardId: randomUUID(), lane: "themen", text: `Verpasste Karte ${i}`, orderKey };
    await applyBoardOperation(db, meeting.moderator, {
      conferenceId: meeting.conferenceId,
      clientOpId: randomBytes(12).toString("hex"),
      op,
    });
  }
  const latecomer = meeting.people[2]!;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const socket = await connectPerson(url, await sessionCookieFor(latecomer.userId, process.env.NEXTAUTH_SECRET!));
    const before = performance.now();
    const ack = (await emitWithAck(socket, "board:join", { conferenceId: meeting.conferenceId, afterSeq })) as {
      ok: boolean;
      operations?: unknown[];
    };
    times.push(performance.now() - before);
    socket.disconnect();
    if (!ack.ok || ack.operations?.length !== 1000) throw new Error(`catch-up incomplete: ${JSON.stringify(ack).slice(0, 200)}`);
  }
  // The first join warms the process up; the median of the others is the figure.
  console.log(`catch-up after 1,000 missed operations: ${times.map((t) => round(t)).join(", ")} ms`);
  return percentile(times.slice(1), 50);
}

function report(shape: Shape, floor: Figures, board: Figures) {
  const line = (label: string, f: Figures) =>
    `${shape.name.padEnd(7)} ${label.padEnd(6)} ack p50 ${round(percentile(f.ackMs, 50))} p95 ${round(percentile(f.ackMs, 95))} p99 ${round(percentile(f.ackMs, 99))} ms | ` +
    `fan-out p50 ${round(percentile(f.fanoutMs, 50))} p99 ${round(percentile(f.fanoutMs, 99))} ms | ${Math.round(f.opsPerSecond)} ops/s, ${f.ackMs.length} acked, ` +
    `${f.refused} refused${f.refusals.length ? ` (${f.refusals.join("; ")})` : ""}, ${f.lost} not delivered to all`;
  console.log(line("floor", floor));
  console.log(line("board", board));
  const p99 = percentile(board.ackMs, 99);
  const floorP99 = percentile(floor.ackMs, 99);
  const fanout = percentile(board.fanoutMs, 99);
  const floorFanout = percentile(floor.fanoutMs, 99);
  summary.push(
    `bench:realtime shape=${shape.name} p99_ms=${round(p99)} floor_p99_ms=${round(floorP99)} ratio=${(p99 / floorP99).toFixed(2)} ` +
      `fanout_p99_ms=${round(fanout)} fanout_ratio=${(fanout / floorFanout).toFixed(2)}` +
      (shape.name === "100x30" ? ` ops_per_s=${Math.round(board.opsPerSecond)}` : ""),
  );
}
