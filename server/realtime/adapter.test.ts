import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachRealtimeAdapter, type RealtimeAdapterHandle } from "./adapter";

const onPostgres = process.env.TEST_DB_DRIVER === "postgres";

describe.runIf(!onPostgres)("realtime adapter on the embedded database", () => {
  it("keeps socket.io's in-memory adapter: one process owns PGlite", async () => {
    const io = new Server(createServer());
    const handle = await attachRealtimeAdapter(io, undefined);
    expect(handle.kind).toBe("in-memory");
    expect(io.of("/").adapter.constructor.name).toBe("Adapter");
    await io.close();
    await handle.close();
  });
});

describe.runIf(onPostgres)("realtime adapter on PostgreSQL", () => {
  const name = `kim_test_${randomBytes(6).toString("hex")}`;
  const admin = onPostgres ? postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} }) : null;
  const nodes: { io: Server; http: HttpServer; adapter: RealtimeAdapterHandle; url: string }[] = [];
  const clients: Socket[] = [];

  async function startNode(databaseUrl: string) {
    const http = createServer();
    const io = new Server(http);
    const adapter = await attachRealtimeAdapter(io, databaseUrl);
    io.on("connection", (socket) =>
      socket.on("enter", async (room: string, ack: () => void) => {
        await socket.join(room);
        ack();
      }),
    );
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const node = { io, http, adapter, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
    nodes.push(node);
    return node;
  }

  async function clientIn(url: string, room: string) {
    const socket = connect(url, { transports: ["websocket"] });
    clients.push(socket);
    await new Promise<void>((resolve) => socket.emit("enter", room, resolve));
    return socket;
  }

  beforeAll(async () => {
    await admin!.unsafe(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    for (const node of nodes) {
      await node.io.close();
      await node.adapter.close();
    }
    await admin!.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin!.end();
  });

  it("delivers a broadcast from one process to a client connected to another, and lists sockets of both", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const a = await startNode(url.toString());
    const b = await startNode(url.toString());
    expect([a.adapter.kind, b.adapter.kind]).toEqual(["postgres", "postgres"]);
    const onA = await clientIn(a.url, "board:x");
    const onB = await clientIn(b.url, "board:x");
    const outsider = await clientIn(b.url, "board:y");
    const received: string[] = [];
    outsider.on("board:applied", (text: string) => received.push(`outsider ${text}`));
    const seen = (socket: Socket, who: string) =>
      new Promise<void>((resolve) =>
        socket.on("board:applied", (text: string) => {
          received.push(`${who} ${text}`);
          resolve();
        }),
      );

    // The LISTEN connection is set up in the background; retry until process B hears process A.
    const heard = Promise.all([seen(onA, "a"), seen(onB, "b")]);
    await expect
      .poll(
        async () => {
          a.io.to("board:x").emit("board:applied", "Karte 1");
          return Promise.race([heard.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 200))]);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(received.some((r) => r.startsWith("outsider"))).toBe(false);

    // B sees the sockets in the room on A too: presence lists span all processes.
    const sockets = await b.io.in("board:x").fetchSockets();
    expect(sockets.map((s) => s.id).sort()).toEqual([onA.id, onB.id].sort());

    // A process that shuts down tells the others, so they stop waiting for its answers at once.
    onB.disconnect();
    outsider.disconnect();
    await b.io.close();
    await b.adapter.close();
    nodes.splice(nodes.indexOf(b), 1);
    const started = performance.now();
    await expect.poll(async () => (await a.io.in("board:x").fetchSockets()).map((s) => s.id), { timeout: 3000 }).toEqual([onA.id]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
