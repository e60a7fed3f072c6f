import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db";
import { users } from "@/db/schema";
import { attachRealtimeAdapter } from "../realtime/adapter";
import { attachSocketServer, type KimServer } from "../realtime/socket-server";
import type { AppliedOperation, BoardJoinAck, BoardOpAck, BoardOperation } from "../schemas/board";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/realtime";

let openServers = 0;

/**
 * The application's socket.io server on a free local port, on the given test database (which
 * `getDb()` then returns). Close it to detach the database again (once the last server is closed).
 * With `adapterUrl`, it joins the other servers on that PostgreSQL database as production processes
 * do, so several of them in one test play several processes.
 */
export async function startTestSocketServer(
  handle: DatabaseHandle,
  { adapterUrl }: { adapterUrl?: string } = {},
): Promise<{ url: string; io: KimServer; close: () => Promise<void>; closeAdapter: () => Promise<void> }> {
  const holder = globalThis as { __kimDatabase?: Promise<DatabaseHandle> };
  holder.__kimDatabase = Promise.resolve(handle);
  openServers += 1;
  const httpServer = createServer();
  const io = attachSocketServer(httpServer);
  const adapter = adapterUrl ? await attachRealtimeAdapter(io, adapterUrl) : null;
  let adapterClosed = false;
  const closeAdapter = async () => {
    if (adapterClosed || !adapter) return;
    adapterClosed = true;
    await adapter.close();
  };
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    io,
    /** Ends the adapter's connections without a word to the others, as a process killed hard does. */
    closeAdapter,
    close: async () => {
      if (adapter) {
        await io.close().catch(() => {});
        await closeAdapter();
      } else {
        await new Promise((resolve) => httpServer.close(resolve));
      }
      openServers -= 1;
      if (openServers === 0) delete holder.__kimDatabase;
    },
  };
}

/** The session cookie a signed-in browser of this user would send (the secret must be NEXTAUTH_SECRET). */
export async function sessionCookieFor(
  userId: string,
  secret: string,
  sessionVersion = 1,
  authTime = Math.floor(Date.now() / 1000),
): Promise<string> {
  return `kim.session=${await encode({ token: { sub: userId, sv: sessionVersion, authTime }, secret })}`;
}

/** A client socket for the user, connected as a signed-in browser of the app would connect. */
export async function connectAs<S extends ClientSocket>(url: string, userId: string, secret: string): Promise<S> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { origin: url, cookie: await sessionCookieFor(userId, secret) },
  }) as S;
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return socket;
}

export type BoardClientSocket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A participant's board connection as the browser makes it, with the user's current session
 * version, recording every packet it receives; `join` and `send` answer with the server's ack.
 */
export async function connectBoardClient(
  handle: DatabaseHandle,
  url: string,
  secret: string,
  actor: { userId: string },
  conferenceId: string,
  { reconnection = false }: { reconnection?: boolean } = {},
) {
  const [row] = await handle.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, actor.userId));
  const socket: BoardClientSocket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection,
    extraHeaders: { origin: url, cookie: await sessionCookieFor(actor.userId, secret, row!.sv) },
  });
  const received: { event: string; payload: unknown }[] = [];
  socket.onAny((event, payload) => received.push({ event, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const join = (afterSeq = 0) => new Promise<BoardJoinAck>((resolve) => socket.emit("board:join", { conferenceId, afterSeq }, resolve));
  const send = (op: BoardOperation) =>
    new Promise<BoardOpAck>((resolve) =>
      socket.emit("board:op", { conferenceId, clientOpId: randomUUID().replace(/-/g, ""), op }, resolve),
    );
  const applied = () => received.filter((r) => r.event === "board:applied").map((r) => r.payload as AppliedOperation);
  return { socket, received, join, send, applied };
}
