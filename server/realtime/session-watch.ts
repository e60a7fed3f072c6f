import { getDb } from "@/db";
import { loadActor } from "../auth/load-actor";
import { logger } from "../config/logger";
import type { KimServer, KimSocket } from "./socket-server";

/**
 * How often every open connection's session is checked against the database, for a session ended
 * where no notice reached this process (e.g. a change made directly in the database).
 */
export const sessionWatchSettings = { sweepEveryMs: 60_000 };

// setTimeout fires at once for delays beyond a signed 32-bit number of milliseconds.
const longestTimer = 2 ** 31 - 1;

/** Ends a connection whose session is over: the browser is told, then cut off. */
export function endSession(socket: KimSocket) {
  socket.emit("session:revoked");
  socket.disconnect(true);
}

export function isSessionExpired(socket: KimSocket, now = Date.now()): boolean {
  return now >= socket.data.sessionExpiresAt;
}

/**
 * Cuts the connection the moment its session reaches its absolute end, even if it never sends an
 * event again: a silent socket would otherwise keep receiving broadcasts.
 */
export function endAtSessionExpiry(socket: KimSocket) {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const remaining = socket.data.sessionExpiresAt - Date.now();
    if (remaining <= 0) return endSession(socket);
    timer = setTimeout(arm, Math.min(remaining, longestTimer));
    timer.unref();
  };
  arm();
  socket.once("disconnect", () => clearTimeout(timer));
}

/** Ends every connection of this process whose session is over or was voided. */
export async function sweepSessions(io: KimServer): Promise<void> {
  const db = await getDb();
  const verdicts = new Map<string, Promise<boolean>>();
  for (const socket of io.of("/").sockets.values()) {
    if (isSessionExpired(socket)) {
      endSession(socket);
      continue;
    }
    const { userId, sessionVersion } = socket.data;
    const key = `${userId}:${sessionVersion}`;
    if (!verdicts.has(key))
      verdicts.set(
        key,
        loadActor(db, { userId, sessionVersion }).then((actor) => actor !== null),
      );
    if (!(await verdicts.get(key))) endSession(socket);
  }
}

/** Re-checks every connection of this process periodically; returns the function that stops it. */
export function startSessionSweep(io: KimServer): () => void {
  let running = false;
  const interval = setInterval(() => {
    if (running) return;
    running = true;
    sweepSessions(io)
      .catch((error: unknown) => logger.warn({ err: error }, "session sweep failed"))
      .finally(() => (running = false));
  }, sessionWatchSettings.sweepEveryMs);
  interval.unref();
  return () => clearInterval(interval);
}
