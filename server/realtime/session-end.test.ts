import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { users } from "@/db/schema";
import { getAuthOptions } from "../auth-options";
import type { Actor } from "../auth/policy";
import type { BoardJoinAck, BoardOpAck } from "../schemas/board";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/realtime";
import { encodeBase64, type DocJoinAck, type DocUpdateAck } from "../schemas/shared-documents";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { sessionCookieFor, startTestSocketServer } from "../test/socket-server";
import { typeAtEnd } from "../test/typing";
import type { KimServer } from "./socket-server";
import { sweepSessions } from "./session-watch";

const secret = "session-end-test-secret-with-enough-length-0123456";
process.env.NEXTAUTH_SECRET = secret;
const maxAgeSeconds = 8 * 3600;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A live connection lasts no longer than the session it was opened with: sign-out, a password set
 * by an admin, the absolute session end and a session voided elsewhere cut it, and from then on it
 * receives nothing of the meeting's board or shared notes.
 */
describe("socket connections end with their session", () => {
  let handle: DatabaseHandle;
  let io: KimServer;
  let stopServer: () => Promise<void>;
  let url: string;
  let admin: Actor;
  let moderator: Actor;
  let conferenceId: string;
  const people: Actor[] = [];
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    admin = await createActor(handle.db, tenant.id, ["admin"]);
    moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
    for (let i = 0; i < 4; i++) people.push(await createActor(handle.db, tenant.id, ["case_manager"]));
    conferenceId = (await createConference(handle.db, { planner: moderator, type: "planungskonferenz", participants: people })).id;
    ({ url, io, close: stopServer } = await startTestSocketServer(handle));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  async function sessionVersionOf(actor: Actor) {
    const [row] = await handle.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, actor.userId));
    return row!.sv;
  }

  /** A browser with the meeting's board and notes open, recording every packet it receives. */
  async function openMeeting(actor: Actor, authTime?: number) {
    const socket: ClientSocket = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin: url, cookie: await sessionCookieFor(actor.userId, secret, await sessionVersionOf(actor), authTime) },
    });
    sockets.push(socket);
    const received: string[] = [];
    socket.onAny((event: string) => received.push(event));
    await new Promise<void>((resolve, reject) => (socket.once("connect", resolve), socket.once("connect_error", reject)));
    const board = await new Promise<BoardJoinAck>((resolve) => socket.emit("board:join", { conferenceId, afterSeq: 0 }, resolve));
    const notes = await new Promise<DocJoinAck>((resolve) => socket.emit("doc:join", { conferenceId, key: "notes" }, resolve));
    expect([board.ok, notes.ok]).toEqual([true, true]);
    return { socket, received };
  }

  let raised = false;
  /** The moderator changes the board and the notes; a still connected observer sees both arrive. */
  async function meetingGoesOn(observer: Awaited<ReturnType<typeof openMeeting>>) {
    const { socket } = await openMeeting(moderator);
    const before = observer.received.length;
    raised = !raised;
    const op = await new Promise<BoardOpAck>((resolve) =>
      socket.emit(
        "board:op",
        {
          conferenceId,
          clientOpId: randomUUID().replace(/-/g, ""),
          op: raised ? { kind: "hand.raise" } : { kind: "hand.lower", userId: moderator.userId },
        },
        resolve,
      ),
    );
    const doc = new Y.Doc();
    typeAtEnd(doc, "Weiter im Protokoll");
    const update = await new Promise<DocUpdateAck>((resolve) =>
      socket.emit("doc:update", { conferenceId, key: "notes", update: encodeBase64(Y.encodeStateAsUpdate(doc)) }, resolve),
    );
    expect([op.ok, update]).toEqual([true, { ok: true, stored: true }]);
    await expect.poll(() => observer.received.slice(before)).toEqual(expect.arrayContaining(["board:applied", "doc:applied"]));
    socket.disconnect();
  }

  async function expectCutOff(victim: Awaited<ReturnType<typeof openMeeting>>, observer: Awaited<ReturnType<typeof openMeeting>>) {
    await expect.poll(() => victim.socket.connected, { timeout: 6000 }).toBe(false);
    expect(victim.received).toContain("session:revoked");
    const afterCut = victim.received.length;
    await meetingGoesOn(observer);
    expect(victim.received.slice(afterCut)).toEqual([]);
  }

  it("signing out cuts every open connection of the person at once, without waiting for an event", async () => {
    const [person, other] = people as [Actor, Actor];
    const phone = await openMeeting(person);
    const laptop = await openMeeting(person);
    const observer = await openMeeting(other);
    await getAuthOptions().events!.signOut!({ token: { sub: person.userId, sv: await sessionVersionOf(person) }, session: null as never });
    await expectCutOff(phone, observer);
    await expectCutOff(laptop, observer);
    expect(observer.socket.connected).toBe(true);
  });

  it("a password set by an admin cuts the person's open connections", async () => {
    const [, person, other] = people as [Actor, Actor, Actor];
    const victim = await openMeeting(person);
    const observer = await openMeeting(other);
    await callerFor(handle.db, admin).users.setPassword({ id: person.userId, password: "ein-ganz-neues-Passwort-2026" });
    await expectCutOff(victim, observer);
  });

  it("a silent connection is cut when its session reaches its absolute end", async () => {
    const [, , person, other] = people as [Actor, Actor, Actor, Actor];
    // Signed in almost eight hours ago: two seconds of the session are left.
    const victim = await openMeeting(person, Math.floor(Date.now() / 1000) - maxAgeSeconds + 2);
    const observer = await openMeeting(other);
    expect(victim.socket.connected).toBe(true);
    await expectCutOff(victim, observer);
  });

  it("a session voided where no notice reached this process is found by the periodic check", async () => {
    const [, , , person] = people as [Actor, Actor, Actor, Actor];
    const observer = await openMeeting(moderator);
    const victim = await openMeeting(person);
    await handle.db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, person.userId));
    await sweepSessions(io);
    await expectCutOff(victim, observer);
    expect(observer.socket.connected).toBe(true);
  });
});
