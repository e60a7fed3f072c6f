import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conferenceParticipants, presenceConnections, realtimeProcesses, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { PresencePerson } from "../schemas/realtime";
import { createConference } from "../test/conference-factories";
import { createTestDatabase, type TestDatabaseHandle } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { connectBoardClient, startTestSocketServer } from "../test/socket-server";
import { presenceProcessOf } from "./presence";

const secret = "board-presence-test-secret-with-enough-length-01";
process.env.NEXTAUTH_SECRET = secret;

const onPostgres = process.env.TEST_DB_DRIVER === "postgres";
const full = "Die Konferenz ist voll: höchstens 3 Personen können gleichzeitig an der Wand sein.";

/** socket.io's cluster message asking every process for its sockets. */
const fetchSocketsMessage = 7;

type Server = Awaited<ReturnType<typeof startTestSocketServer>>;
type Client = Awaited<ReturnType<typeof connectBoardClient>>;

/** One server, on both databases: the limit is the one the tenant set for the meeting's type. */
describe("live room limit per conference type", () => {
  let handle: TestDatabaseHandle;
  let server: Server;
  const clients: Client[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    server = await startTestSocketServer(handle);
  });
  afterAll(async () => {
    for (const client of clients) client.socket.disconnect();
    await server.close();
    await handle.close();
  });

  it("refuses a fourth person where the type allows three, admits a second device, and keeps other types at theirs", async () => {
    const { tenant } = await createTenant(handle.db);
    const admin = await createActor(handle.db, tenant.id, ["admin"]);
    const planner = await createActor(handle.db, tenant.id, ["coordinator"]);
    const people: Actor[] = [];
    for (let i = 0; i < 4; i++) people.push(await createActor(handle.db, tenant.id, ["case_manager"]));
    // All four were invited before the admin made the Fallkonferenz room smaller.
    const small = (await createConference(handle.db, { planner, type: "fallkonferenz", participants: people })).id;
    const large = (await createConference(handle.db, { planner, type: "planungskonferenz", participants: people })).id;
    await callerFor(handle.db, admin).tenancy.updateSettings({
      caseloadKey: 50,
      identityRetentionDays: 1095,
      monthlyReportDeadlineDay: 10,
      boardParticipantLimits: { fallkonferenz: 3, planungskonferenz: 40, fallrekonstruktion: 40 },
    });
    const open = async (actor: Actor, conferenceId: string) => {
      const client = await connectBoardClient(handle, server.url, secret, actor, conferenceId);
      clients.push(client);
      return client.join();
    };
    for (const person of people.slice(0, 3)) expect((await open(person, small)).ok).toBe(true);
    expect(await open(people[3]!, small)).toEqual({ ok: false, message: full });
    expect((await open(people[0]!, small)).ok).toBe(true);
    for (const person of people) expect((await open(person, large)).ok).toBe(true);
  });
});

/**
 * Two (or three) socket servers on one PostgreSQL database with the adapter, as two production
 * processes: the live room's limit and its presence list hold across them. PGlite belongs to one
 * process, so these run on PostgreSQL only.
 */
describe.skipIf(!onPostgres)("live room across server processes (PostgreSQL only: PGlite is one process)", () => {
  let handle: TestDatabaseHandle;
  let a: Server;
  let b: Server;
  let planner: Actor;
  const people: Actor[] = [];
  const clients: Client[] = [];
  const servers: Server[] = [];

  async function start() {
    const server = await startTestSocketServer(handle, { adapterUrl: handle.ownerUrl });
    servers.push(server);
    return server;
  }

  /** A Fallkonferenz with all five invited, planned before the admin made its room hold three. */
  async function meeting() {
    const conferenceId = (await createConference(handle.db, { planner, type: "fallkonferenz", participants: people.slice(0, 2) })).id;
    await handle.db
      .insert(conferenceParticipants)
      .values(people.slice(2).map((person) => ({ conferenceId, userId: person.userId, role: "participant" as const })));
    return conferenceId;
  }

  async function open(server: Server, actor: Actor, conferenceId: string) {
    const client = await connectBoardClient(handle, server.url, secret, actor, conferenceId);
    clients.push(client);
    return client;
  }

  const enter = (client: Client, room: string) =>
    new Promise<{ ok: boolean }>((resolve) => client.socket.emit("presence:join", { room }, resolve));

  const lastPresence = (client: Client) =>
    client.received
      .filter((r) => r.event === "board:presence")
      .map((r) => (r.payload as { people: PresencePerson[] }).people.map((p) => p.displayName))
      .at(-1);

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    const admin = await createActor(handle.db, tenant.id, ["admin"]);
    planner = await createActor(handle.db, tenant.id, ["coordinator"]);
    for (const name of ["Dora Dahl", "Berta Brandt", "Carl Claasen", "Anton Auer", "Emil Ebert"]) {
      const person = await createActor(handle.db, tenant.id, ["case_manager"]);
      await handle.db.update(users).set({ displayName: name }).where(eq(users.id, person.userId));
      people.push({ ...person, displayName: name });
    }
    await callerFor(handle.db, admin).tenancy.updateSettings({
      caseloadKey: 50,
      identityRetentionDays: 1095,
      monthlyReportDeadlineDay: 10,
      boardParticipantLimits: { fallkonferenz: 3, planungskonferenz: 40, fallrekonstruktion: 40 },
    });
    a = await start();
    b = await start();
  });
  afterAll(async () => {
    for (const client of clients) client.socket.disconnect();
    for (const server of servers) await server.close();
    await handle?.close();
  });

  it("counts people on both processes against the type's limit, refuses the fourth on either, admits a second device", async () => {
    const conferenceId = await meeting();
    const [dora, berta, carl, anton] = people as [Actor, Actor, Actor, Actor];
    const onA = await open(a, dora, conferenceId);
    const onB = await open(b, berta, conferenceId);
    const third = await open(a, carl, conferenceId);
    for (const client of [onA, onB, third]) expect((await client.join()).ok).toBe(true);

    expect(await (await open(b, anton, conferenceId)).join()).toEqual({ ok: false, message: full });
    expect(await (await open(a, anton, conferenceId)).join()).toEqual({ ok: false, message: full });
    // Dora's second device, on the other process, is no fourth person.
    expect((await (await open(b, dora, conferenceId)).join()).ok).toBe(true);

    // Each person once, sorted by name, the same on both processes.
    const present = ["Berta Brandt", "Carl Claasen", "Dora Dahl"];
    await expect.poll(() => lastPresence(onA), { timeout: 3000 }).toEqual(present);
    await expect.poll(() => lastPresence(onB), { timeout: 3000 }).toEqual(present);

    // A place frees up when someone leaves, and both processes see it.
    third.socket.disconnect();
    await expect.poll(() => lastPresence(onB), { timeout: 3000 }).toEqual(["Berta Brandt", "Dora Dahl"]);
    const late = await open(b, anton, conferenceId);
    expect((await late.join()).ok).toBe(true);
    await expect.poll(() => lastPresence(onA), { timeout: 3000 }).toEqual(["Anton Auer", "Berta Brandt", "Dora Dahl"]);
  });

  it("admits exactly three of five people who join at the same moment on both processes", async () => {
    const conferenceId = await meeting();
    const clients = await Promise.all(people.map((person, i) => open(i % 2 ? b : a, person, conferenceId)));
    const answers = await Promise.all(clients.map((client) => client.join()));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(3);
    expect(answers.filter((answer) => !answer.ok)).toEqual([
      { ok: false, message: full },
      { ok: false, message: full },
    ]);
  });

  it("stops counting a process killed hard once its heartbeat is overdue, without waiting for it", async () => {
    const conferenceId = await meeting();
    const [dora, berta, carl, anton] = people as [Actor, Actor, Actor, Actor];
    const doomed = await start();
    for (const actor of [dora, berta, carl]) expect((await (await open(doomed, actor, conferenceId)).join()).ok).toBe(true);
    const witness = await open(a, dora, conferenceId);
    expect((await witness.join()).ok).toBe(true);
    expect(await (await open(a, anton, conferenceId)).join()).toEqual({ ok: false, message: full });

    // Killed hard: no more heartbeat, no goodbye on the adapter, its rows stay; then 16 s pass.
    const dead = presenceProcessOf(doomed.io)!;
    dead.stopHeartbeat();
    await doomed.closeAdapter();
    const owner = await handle.asOwner();
    await owner
      .update(realtimeProcesses)
      .set({ beatAt: sql`now() - interval '16 seconds'` })
      .where(eq(realtimeProcesses.id, dead.id));

    // Asking the processes for their sockets would now wait for the dead one until the adapter's
    // timeout; presence comes without asking anyone.
    const started = performance.now();
    const anton2 = await open(a, anton, conferenceId);
    expect((await anton2.join()).ok).toBe(true);
    await expect.poll(() => lastPresence(anton2), { timeout: 2000 }).toEqual(["Anton Auer", "Dora Dahl"]);
    expect(await enter(witness, "start")).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(2000);

    // A live process's next beat removes the dead one's rows.
    await expect
      .poll(async () => (await handle.db.select().from(presenceConnections).where(eq(presenceConnections.processId, dead.id))).length, {
        timeout: 8000,
        interval: 250,
      })
      .toBe(0);
  }, 20_000);

  it("answers joins and presence at once while another process, overloaded, answers no cluster request", async () => {
    const [dora, berta] = people as [Actor, Actor];
    const conferenceId = await meeting();
    const mute = await start();
    // An overloaded process: alive on the adapter (heartbeats), but it never answers "which sockets
    // do you have", so asking every process would run into the adapter's 5 s timeout.
    const adapter = mute.io.of("/").adapter as unknown as { onMessage: (message: { type: number }, offset?: string) => unknown };
    const handleMessage = adapter.onMessage.bind(adapter);
    adapter.onMessage = (message, offset) => (message.type === fetchSocketsMessage ? undefined : handleMessage(message, offset));
    await expect.poll(() => a.io.of("/").adapter.serverCount(), { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    expect((await (await open(mute, berta, conferenceId)).join()).ok).toBe(true);

    const started = performance.now();
    const witness = await open(a, dora, conferenceId);
    expect((await witness.join()).ok).toBe(true);
    expect(await enter(witness, "auslastung")).toEqual({ ok: true });
    await expect.poll(() => lastPresence(witness), { timeout: 2000 }).toEqual(["Berta Brandt", "Dora Dahl"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("writes a process's connections again at its next beat after the others had given it up", async () => {
    const [dora] = people as [Actor];
    const conferenceId = await meeting();
    const paused = await start();
    expect((await (await open(paused, dora, conferenceId)).join()).ok).toBe(true);
    const { id } = presenceProcessOf(paused.io)!;
    const rowsOf = async () =>
      (await handle.db.select().from(presenceConnections).where(eq(presenceConnections.processId, id))).map((r) => r.userId);
    expect(await rowsOf()).toEqual([dora.userId]);
    // What another process's sweep does to a process that was silent for a while (a long pause).
    await handle.db.delete(realtimeProcesses).where(eq(realtimeProcesses.id, id));
    expect(await rowsOf()).toEqual([]);
    await expect.poll(rowsOf, { timeout: 8000, interval: 250 }).toEqual([dora.userId]);
  }, 15_000);

  it("lists the tenant's presence rooms with people from both processes", async () => {
    const [dora, berta] = people as [Actor, Actor];
    const conferenceId = await meeting();
    const first = await open(a, dora, conferenceId);
    const second = await open(b, berta, conferenceId);
    expect(await enter(first, "faelle")).toEqual({ ok: true });
    expect(await enter(second, "faelle")).toEqual({ ok: true });
    const names = () =>
      first.received
        .filter((r) => r.event === "presence:update")
        .map((r) => (r.payload as { room: string; people: PresencePerson[] }).people.map((p) => p.displayName))
        .at(-1);
    await expect.poll(names, { timeout: 3000 }).toEqual(["Berta Brandt", "Dora Dahl"]);
    second.socket.disconnect();
    await expect.poll(names, { timeout: 3000 }).toEqual(["Dora Dahl"]);
  });
});
