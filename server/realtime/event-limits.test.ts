import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/realtime";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { createActor, createTenant } from "../test/factories";
import { sessionCookieFor, startTestSocketServer } from "../test/socket-server";

const secret = "event-limits-test-secret-with-enough-length-012345";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Answer = { ok: boolean; message?: string };
const tooFast = "Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten.";
const unknown = "Diese Aktion gibt es nicht.";

describe("limits on every socket event", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let moderator: Actor;
  let conferenceId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
    conferenceId = (await createConference(handle.db, { planner: moderator, type: "planungskonferenz" })).id;
    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  async function open(): Promise<ClientSocket> {
    const socket: ClientSocket = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin: url, cookie: await sessionCookieFor(moderator.userId, secret) },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => (socket.once("connect", resolve), socket.once("connect_error", reject)));
    return socket;
  }

  const send = (socket: ClientSocket, event: string, payload: unknown) =>
    new Promise<Answer>((resolve) => (socket as unknown as Socket).emit(event, payload, resolve));

  /** Sends the event `times` times at once and returns how many were answered "too fast". */
  async function refusedOf(event: string, payload: unknown, times: number) {
    const socket = await open();
    const answers = await Promise.all(Array.from({ length: times }, () => send(socket, event, payload)));
    const refused = answers.filter((a) => a.message === tooFast).length;
    socket.disconnect();
    return { refused, accepted: answers.filter((a) => a.ok).length };
  }

  it("answers joins and writing signals beyond their rate with 'too fast' (per connection)", async () => {
    expect(await refusedOf("presence:join", { room: "start" }, 25)).toEqual({ accepted: 20, refused: 5 });
    expect(await refusedOf("presence:leave", { room: "start" }, 25)).toEqual({ accepted: 20, refused: 5 });
    expect(await refusedOf("board:join", { conferenceId, afterSeq: 0 }, 14)).toEqual({ accepted: 10, refused: 4 });
    expect(await refusedOf("doc:join", { conferenceId, key: "notes" }, 34)).toEqual({ accepted: 30, refused: 4 });
    const typing = await open();
    expect((await send(typing, "board:join", { conferenceId, afterSeq: 0 })).ok).toBe(true);
    const signals = await Promise.all(Array.from({ length: 8 }, () => send(typing, "board:typing", { conferenceId })));
    expect(signals.filter((a) => a.ok)).toHaveLength(5);
    expect(signals.filter((a) => a.message === tooFast)).toHaveLength(3);
  });

  it("answers an event the server does not know with an error, and keeps the connection usable", async () => {
    const socket = await open();
    for (const event of ["board:delete-everything", "admin:promote", "constructor", "__proto__", "toString"]) {
      expect(await send(socket, event, { conferenceId })).toEqual({ ok: false, message: unknown });
    }
    expect(await send(socket, "presence:join", { room: "start" })).toEqual({ ok: true });
  });

  it("disconnects a client that keeps sending refused events, while others carry on", async () => {
    const runaway = await open();
    const bystander = await open();
    const disconnected = new Promise<void>((resolve) => runaway.once("disconnect", () => resolve()));
    for (let i = 0; i < 40; i++) runaway.emit("presence:join", { room: "start" }, () => undefined);
    for (let i = 0; i < 40; i++) (runaway as unknown as Socket).emit("no:such-event", {}, () => undefined);
    await disconnected;
    expect(await send(bystander, "presence:join", { room: "start" })).toEqual({ ok: true });
  });
});
