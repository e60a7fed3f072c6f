import fc from "fast-check";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { findTamperedAuditEvents } from "../audit/list-audit-events";
import type { Actor } from "../auth/policy";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/realtime";
import { roles } from "../schemas/roles";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { createActor, createTenant } from "../test/factories";
import { sessionCookieFor, startTestSocketServer } from "../test/socket-server";
import { clientEvents, socketEventSettings } from "./event-limits";
import type { KimServer } from "./socket-server";

const secret = "socket-fuzz-test-secret-with-enough-length-0123456";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Answer = { ok: boolean; message?: string };

// The refusals random input may earn, written out: never the general error, never silence.
const expectedRefusals = new Set([
  "Bitte prüfen Sie die markierten Felder.",
  "Der Eintrag wurde nicht gefunden.",
  "Diese Aktion gibt es nicht.",
  "Die Änderung konnte nicht gelesen werden. Der Text wird neu geladen.",
]);

describe("fuzzing every socket event", () => {
  let handle: DatabaseHandle;
  let io: KimServer;
  let stopServer: () => Promise<void>;
  let url: string;
  let actor: Actor;
  let conferenceId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    // Random input arrives far faster than a person types; the limits have their own test.
    for (const limit of Object.values(socketEventSettings.limits)) if (limit) limit.points = 10_000;
    socketEventSettings.refusalsBeforeDisconnect = 10_000;
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    actor = await createActor(handle.db, tenant.id, [...roles]);
    conferenceId = (await createConference(handle.db, { planner: actor, type: "fallkonferenz" })).id;
    ({ url, io, close: stopServer } = await startTestSocketServer(handle));
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
      extraHeaders: { origin: url, cookie: await sessionCookieFor(actor.userId, secret) },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => (socket.once("connect", resolve), socket.once("connect_error", reject)));
    return socket;
  }

  const send = (socket: ClientSocket, event: string, payload: unknown) =>
    new Promise<Answer | "silence">((resolve) => {
      const timer = setTimeout(() => resolve("silence"), 5000);
      (socket as unknown as Socket).emit(event, payload, (answer: Answer) => (clearTimeout(timer), resolve(answer)));
    });

  // Payloads shaped like real ones, often almost valid (the real meeting's id), plus anything at all.
  const value = fc.oneof(
    fc.constant(undefined),
    fc.string(),
    fc.uuid(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(() => conferenceId),
    fc.constantFrom("notes", "minutes", "formulation:x", "start", "AAAA", "AQIDBA==", "hand.raise", "card.add", "__proto__"),
    fc.record({ kind: fc.constantFrom("hand.raise", "card.add", "phase.set", "vote.set", "x"), index: fc.integer(), cardId: fc.uuid() }),
  );
  const fieldNames = ["conferenceId", "sessionId", "key", "afterSeq", "room", "op", "clientOpId", "update", "typing", "__proto__"];
  const payload = fc.oneof(
    fc.anything(),
    fc
      .dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 6 })
      .map((record) =>
        Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === "function" ? (v as () => string)() : v])),
      ),
  );

  it("listens to exactly the events that have a limit", async () => {
    await open();
    const [socket] = io.of("/").sockets.values();
    // socket.io's own events, which the parser refuses from a client.
    const reserved = ["disconnecting", "disconnect", "error"];
    const listened = socket!.eventNames().filter((name) => !reserved.includes(String(name)));
    expect([...listened].sort()).toEqual([...clientEvents].sort());
  });

  for (const event of [...clientEvents, "board:unknown", "presence:kick"]) {
    it(`${event} answers random input with success or a clear refusal, and the connection stays usable`, { timeout: 60_000 }, async () => {
      const socket = await open();
      await fc.assert(
        fc.asyncProperty(payload, async (candidate) => {
          const answer = await send(socket, event, candidate);
          expect(answer, `${event}: ${JSON.stringify(candidate)}`).not.toBe("silence");
          const { ok, message } = answer as Answer;
          if (!ok) expect(expectedRefusals, `${event}: ${message}`).toContain(message);
        }),
        { numRuns: 40 },
      );
      expect(socket.connected).toBe(true);
      expect(await send(socket, "presence:join", { room: "start" })).toEqual({ ok: true });
    });
  }

  it("leaves the audit chain intact", async () => {
    expect(await findTamperedAuditEvents(handle.db, actor.tenantId)).toEqual([]);
  });
});
