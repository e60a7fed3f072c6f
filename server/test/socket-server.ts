import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import type { DatabaseHandle } from "@/db";
import { attachSocketServer, type KimServer } from "../realtime/socket-server";

/**
 * The application's socket.io server on a free local port, on the given test database (which
 * `getDb()` then returns). Close it to detach the database again.
 */
export async function startTestSocketServer(handle: DatabaseHandle): Promise<{ url: string; io: KimServer; close: () => Promise<void> }> {
  const holder = globalThis as { __kimDatabase?: Promise<DatabaseHandle> };
  holder.__kimDatabase = Promise.resolve(handle);
  const httpServer = createServer();
  const io = attachSocketServer(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    io,
    close: async () => {
      await new Promise((resolve) => httpServer.close(resolve));
      delete holder.__kimDatabase;
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
