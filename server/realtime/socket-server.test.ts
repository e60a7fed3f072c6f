import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import type { Ack, ClientToServerEvents, PresenceUpdate, ServerToClientEvents } from "../schemas/realtime";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { startTestSocketServer } from "../test/socket-server";

const secret = "socket-test-secret-with-enough-length-0123456789";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe("socket.io server", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let admin: Actor;
  let coordinator: Actor;
  let otherTenantCoordinator: Actor;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    admin = await createActor(handle.db, tenant.id, ["admin"]);
    coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    otherTenantCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  async function cookieFor(actor: Actor, sessionVersion = 1) {
    const token = await encode({
      token: { sub: actor.userId, sv: sessionVersion, authTime: Math.floor(Date.now() / 1000) },
      secret,
    });
    return `kim.session=${token}`;
  }

  function open(headers: Record<string, string>): Promise<{ socket: ClientSocket; error?: string }> {
    return new Promise((resolve) => {
      const socket: ClientSocket = connect(url, {
        path: "/socket.io",
        transports: ["websocket"],
        reconnection: false,
        extraHeaders: { origin: url, ...headers },
      });
      sockets.push(socket);
      socket.on("connect", () => resolve({ socket }));
      socket.on("connect_error", (error) => resolve({ socket, error: error.message }));
    });
  }

  const emitJoin = (socket: ClientSocket, payload: unknown) =>
    new Promise<Ack>((resolve) => socket.emit("presence:join", payload as { room: string }, resolve));

  it("refuses a handshake without a session", async () => {
    expect((await open({})).error).toBe("Bitte melden Sie sich an.");
  });

  it("refuses a forged session cookie", async () => {
    expect((await open({ cookie: "kim.session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w" })).error).toBe("Bitte melden Sie sich an.");
  });

  it("refuses a handshake from a foreign origin", async () => {
    const { error } = await open({ cookie: await cookieFor(coordinator), origin: "https://evil.example" });
    expect(error).toBeDefined();
  });

  it("shows who is in a room, and keeps tenants apart", async () => {
    const { socket: first } = await open({ cookie: await cookieFor(coordinator) });
    const { socket: foreign } = await open({ cookie: await cookieFor(otherTenantCoordinator) });
    const updates: PresenceUpdate[] = [];
    first.on("presence:update", (update) => updates.push(update));
    const foreignUpdates: PresenceUpdate[] = [];
    foreign.on("presence:update", (update) => foreignUpdates.push(update));

    expect(await emitJoin(first, { room: "start" })).toEqual({ ok: true });
    expect(await emitJoin(foreign, { room: "start" })).toEqual({ ok: true });
    const { socket: second } = await open({ cookie: await cookieFor(admin) });
    expect(await emitJoin(second, { room: "start" })).toEqual({ ok: true });

    await expect
      .poll(() =>
        updates
          .at(-1)
          ?.people.map((p) => p.userId)
          .sort(),
      )
      .toEqual([admin.userId, coordinator.userId].sort());
    expect(foreignUpdates.flatMap((u) => u.people.map((p) => p.userId))).not.toContain(coordinator.userId);
  });

  it("answers invalid payloads with a German message instead of acting on them", async () => {
    const { socket } = await open({ cookie: await cookieFor(coordinator) });
    expect(await emitJoin(socket, { room: "../../etc" })).toEqual({ ok: false, message: "Bitte prüfen Sie die markierten Felder." });
    expect(await emitJoin(socket, { room: "start", extra: true })).toMatchObject({ ok: false });
  });

  it("disconnects a socket whose user was deactivated, at the next event", async () => {
    const person = await createActor(handle.db, admin.tenantId, ["case_manager"]);
    const { socket } = await open({ cookie: await cookieFor(person) });
    expect(await emitJoin(socket, { room: "start" })).toEqual({ ok: true });
    await callerFor(handle.db, admin).users.setActive({ id: person.userId, isActive: false });
    const revoked = new Promise<void>((resolve) => socket.on("session:revoked", () => resolve()));
    const disconnected = new Promise<void>((resolve) => socket.on("disconnect", () => resolve()));
    socket.emit("presence:join", { room: "start" }, () => {});
    await revoked;
    await disconnected;
    expect(socket.connected).toBe(false);
  });

  it("drops a client that sends an oversized message", async () => {
    const { socket } = await open({ cookie: await cookieFor(coordinator) });
    const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
    socket.emit("presence:join", { room: "x".repeat(200 * 1024) }, () => {});
    expect(await disconnected).toBeTruthy();
  });
});
