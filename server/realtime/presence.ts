import { randomUUID } from "node:crypto";
import type { Server } from "socket.io";
import type { Database } from "@/db";
import { logger } from "../config/logger";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/realtime";
import { beat, enterRoom, heartbeatMs, peopleInRoom, removeProcess, sweepStaleProcesses } from "./presence-store";

type PresenceServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { userId: string; tenantId: string; displayName: string }
>;

export function presenceRoom(tenantId: string, room: string) {
  return `presence:${tenantId}:${room}`;
}

/** The rooms whose presence lives in the database: meeting boards and the tenant's presence rooms. */
export function isTrackedRoom(room: string) {
  return /^board:[0-9a-f-]{36}$/.test(room) || room.startsWith("presence:");
}

/**
 * Tells a room who is in it, read from the database: the same list on every process, with no request
 * to the other processes that could time out under load. The emit itself reaches every process.
 */
export async function broadcastRoomPresence(io: PresenceServer, db: Database, room: string) {
  const people = await peopleInRoom(db, room);
  if (room.startsWith("board:")) {
    io.to(room).emit("board:presence", { conferenceId: room.slice("board:".length), people });
  } else {
    // presence:<tenant id>:<name>; the name may itself contain colons.
    const name = room.slice(room.indexOf(":", "presence:".length) + 1);
    io.to(room).emit("presence:update", { room: name, people });
  }
}

export interface PresenceProcess {
  id: string;
  /** The database, once this process is registered: connections may only be written after that. */
  ready: Promise<Database>;
  /** Stops beating without removing anything, as a process killed hard would. */
  stopHeartbeat: () => void;
  /** Orderly shutdown: stop beating, remove this process's connections and tell their rooms. */
  close: () => Promise<void>;
}

const processes = new WeakMap<object, PresenceProcess>();

/** The presence process of a socket server (tests simulate a hard kill with it). */
export function presenceProcessOf(io: object): PresenceProcess | undefined {
  return processes.get(io);
}

/**
 * Registers this socket server as a live process and beats every few seconds; each beat also removes
 * the connections of processes that stopped beating and updates the rooms they were in.
 */
export function startPresenceProcess(io: PresenceServer, database: Promise<Database>): PresenceProcess {
  const id = randomUUID();
  const ready = database.then(async (db) => {
    await beat(db, id);
    return db;
  });
  ready.catch((error: unknown) => logger.error({ err: error }, "presence: registering the process failed"));
  const tell = (db: Database, rooms: Iterable<string>) =>
    Promise.all([...rooms].map((room) => broadcastRoomPresence(io, db, room))).catch((error: unknown) =>
      logger.warn({ err: error }, "presence update failed"),
    );

  const timer = setInterval(() => {
    void ready
      .then(async (db) => {
        if (!(await beat(db, id))) await reenterLocalSockets(io, db, id);
        await tell(db, await sweepStaleProcesses(db));
      })
      .catch((error: unknown) => logger.warn({ err: error }, "presence heartbeat failed"));
  }, heartbeatMs);
  timer.unref();

  let closing: Promise<void> | undefined;
  const handle: PresenceProcess = {
    id,
    ready,
    stopHeartbeat: () => clearInterval(timer),
    // Called by the HTTP server's close and by the shutdown, which waits for it: once is enough.
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        const db = await ready;
        await tell(db, await removeProcess(db, id));
      })()),
  };
  processes.set(io, handle);
  return handle;
}

/**
 * After a pause long enough for the others to give this process up (its connections removed), its
 * sockets are written again, so they count and show once more.
 */
async function reenterLocalSockets(io: PresenceServer, db: Database, processId: string) {
  const sockets = await io.local.fetchSockets();
  const rooms = new Set<string>();
  for (const socket of sockets) {
    for (const room of socket.rooms) {
      if (!isTrackedRoom(room)) continue;
      rooms.add(room);
      const { userId, tenantId, displayName } = socket.data;
      await enterRoom(db, { socketId: socket.id, room, tenantId, userId, displayName, processId });
    }
  }
  for (const room of rooms) await broadcastRoomPresence(io, db, room);
  logger.warn({ processId, sockets: sockets.length }, "presence: process had been given up, connections written again");
}
