import type { Server as HttpServer, IncomingMessage } from "node:http";
import { parse as parseCookies } from "cookie";
import { Server, type Socket } from "socket.io";
import type { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db";
import { conferences } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { loadActor } from "../auth/load-actor";
import type { Permission } from "../auth/permissions";
import { canSomewhere, type Actor } from "../auth/policy";
import { sessionFromCookies } from "../auth/session";
import { logger } from "../config/logger";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { applyBoardOperation, getBoardForJoin } from "../conferences/board";
import { requireParticipation } from "../conferences/conferences";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { boardJoinSchema, boardOpRequestSchema, boardTypingSchema } from "../schemas/board";
import { registerSharedDocumentEvents } from "./shared-documents";
import { limitSocketEvents } from "./event-limits";
import { endAtSessionExpiry, endSession, isSessionExpired, startSessionSweep } from "./session-watch";
import { boardRoom, boardUserRoom, broadcastApplied, resyncBoardsOfCase } from "./board-broadcast";
import { onAccessChanged, onConsentChanged } from "../events/notices";
import { presenceJoinSchema, type ClientToServerEvents, type ServerToClientEvents } from "../schemas/realtime";
import { broadcastRoomPresence, isTrackedRoom, presenceRoom, startPresenceProcess } from "./presence";
import { admitToBoard, enterRoom, leaveAllRooms, leaveRoom } from "./presence-store";

interface SocketData {
  userId: string;
  sessionVersion: number;
  /** Milliseconds since epoch: the absolute end of the session the connection was opened with. */
  sessionExpiresAt: number;
  tenantId: string;
  displayName: string;
}

export type KimServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KimSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * socket.io on the application's HTTP server. The handshake must carry a valid session cookie from
 * this origin; every event re-loads the actor, so deactivation or a role change takes effect on the
 * next event, and runs the same policies as tRPC.
 */
export function attachSocketServer(httpServer: HttpServer): KimServer {
  const io: KimServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });

  io.use(async (socket, next) => {
    try {
      const cookies = parseCookies(socket.request.headers.cookie ?? "");
      const session = await sessionFromCookies(cookies as Record<string, string>);
      if (!session) return next(new Error(translate("errors.unauthenticated")));
      const { actor, sessionVersion, expiresAt } = session;
      socket.data = {
        userId: actor.userId,
        sessionVersion,
        sessionExpiresAt: expiresAt,
        tenantId: actor.tenantId,
        displayName: actor.displayName,
      };
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error(translate("errors.unexpected")));
    }
  });

  const stopListening = onConsentChanged((caseId) => {
    void getDb()
      .then((db) => resyncBoardsOfCase(io, db, caseId))
      .catch((error: unknown) => logger.error({ err: error }, "board resync failed"));
  });
  const stopWatchingAccess = onAccessChanged((userId) => {
    // Voided sessions lose their live connection now, not only at their next event.
    io.to(userRoom(userId)).emit("session:revoked");
    io.in(userRoom(userId)).disconnectSockets(true);
  });
  const stopSweep = startSessionSweep(io);
  // Who is in which live room is kept in the database, so every process counts and lists the same.
  const presence = startPresenceProcess(io, getDb());
  const tellRoom = (db: Database, room: string) =>
    broadcastRoomPresence(io, db, room).catch((error: unknown) => logger.warn({ err: error }, "presence update failed"));
  httpServer.once("close", () => {
    stopListening();
    stopWatchingAccess();
    stopSweep();
    presence.close().catch((error: unknown) => logger.warn({ err: error }, "presence: removing the process failed"));
  });

  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.userId));
    endAtSessionExpiry(socket);
    limitSocketEvents(socket);
    socket.on(
      "presence:join",
      guarded(socket, "presence.join", presenceJoinSchema, async (actor, { room }) => {
        const db = await presence.ready;
        const name = presenceRoom(actor.tenantId, room);
        const { userId, tenantId, displayName } = socket.data;
        await enterRoom(db, { socketId: socket.id, room: name, userId, tenantId, displayName, processId: presence.id });
        await socket.join(name);
        await forgetIfGone(name);
        await tellRoom(db, name);
      }),
    );
    socket.on(
      "presence:leave",
      guarded(socket, "presence.join", presenceJoinSchema, async (actor, { room }) => {
        const db = await presence.ready;
        const name = presenceRoom(actor.tenantId, room);
        await socket.leave(name);
        await leaveRoom(db, socket.id, name);
        await tellRoom(db, name);
      }),
    );
    socket.on(
      "board:join",
      guarded(socket, "conferences.take_part", boardJoinSchema, async (actor, { conferenceId, afterSeq }) => {
        const db = await getDb();
        await requireParticipation(db, actor, conferenceId);
        // Counted across all processes from the database, under a lock per meeting.
        const { userId, tenantId, displayName } = socket.data;
        const admission = await admitToBoard(await presence.ready, {
          socketId: socket.id,
          conferenceId,
          userId,
          tenantId,
          displayName,
          processId: presence.id,
        });
        if (!admission.admitted) throw new AppError("CONFLICT", "conferences.board.full", undefined, { max: admission.max });
        // Join the rooms before reading: an operation committed in between then arrives as a broadcast
        // (the client drops what it already has) instead of falling into a gap.
        await socket.join([boardRoom(conferenceId), boardUserRoom(conferenceId, actor.userId)]);
        await forgetIfGone(boardRoom(conferenceId));
        const ack = await getBoardForJoin(db, actor, conferenceId, afterSeq);
        void tellRoom(db, boardRoom(conferenceId));
        return ack;
      }),
    );
    socket.on(
      "board:op",
      guarded(socket, "conferences.take_part", boardOpRequestSchema, async (actor, request) => {
        if (!(await withinOperationRate(socket.id))) {
          // A client that keeps going far past the limit is runaway, not eager: cut it off.
          if (!(await withinFloodTolerance(socket.id))) {
            logger.warn({ userId: actor.userId, conferenceId: request.conferenceId }, "board flood: socket disconnected");
            socket.disconnect(true);
          }
          throw new AppError("RATE_LIMITED", "conferences.board.tooFast");
        }
        const db = await getDb();
        const { applied, duplicate, context } = await applyBoardOperation(db, actor, request);
        // Committed above; only now is anyone told. A retry is answered but not broadcast again.
        if (!duplicate) broadcastApplied(io, applied, context);
        return { seq: applied.seq };
      }),
    );
    registerSharedDocumentEvents(io, socket, guarded);
    socket.on(
      "board:typing",
      guarded(socket, "conferences.take_part", boardTypingSchema, async (actor, { conferenceId }) => {
        // Only someone already in the meeting's room can say they are writing there.
        if (!socket.rooms.has(boardRoom(conferenceId))) throw new AppError("NOT_FOUND", "errors.notFound");
        // While writing is anonymous, who is writing would give the cards' authors away.
        const [row] = await (
          await getDb()
        )
          .select({ boardMeta: conferences.boardMeta })
          .from(conferences)
          .where(eq(conferences.id, conferenceId));
        if (row?.boardMeta.anonymous) return;
        socket.to(boardRoom(conferenceId)).emit("board:typing", { conferenceId, userId: actor.userId });
      }),
    );
    socket.on("disconnect", () => {
      void presence.ready
        .then(async (db) => {
          const rooms = await leaveAllRooms(db, socket.id);
          await Promise.all(rooms.map((room) => tellRoom(db, room)));
        })
        .catch((error: unknown) => logger.warn({ err: error }, "presence: removing a connection failed"));
    });

    /** A socket that went away while it was being admitted leaves no row behind. */
    async function forgetIfGone(room: string) {
      if (socket.connected || !isTrackedRoom(room)) return;
      await leaveRoom(await presence.ready, socket.id, room);
    }
  });

  return io;
}

/**
 * Wraps an event handler: re-authorise the sender, parse the payload, run the handler and answer
 * with an ack; service errors become their German message, nothing else leaks.
 */
export function guarded<S extends z.ZodType, R extends object | void>(
  socket: KimSocket,
  permission: Permission | readonly Permission[],
  schema: S,
  handler: (actor: Actor, payload: z.output<S>) => Promise<R>,
) {
  const permissions: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  const procedureId = `socket:${permissions.join("|")}`;
  return async (payload: unknown, ack?: (result: never) => void) => {
    const reply = (result: object) => (typeof ack === "function" ? (ack as (r: object) => void)(result) : undefined);
    // A failure before the handler (the database gone for a moment) is answered, never left as an
    // unhandled rejection that would end the process.
    try {
      await answer(reply, payload);
    } catch (error) {
      logger.error({ err: error }, "socket event failed");
      reply({ ok: false, message: translate("errors.unexpected") });
    }
  };

  async function answer(reply: (result: object) => void, payload: unknown) {
    if (isSessionExpired(socket)) return endSession(socket);
    const db = await getDb();
    const actor = await loadActor(db, { userId: socket.data.userId, sessionVersion: socket.data.sessionVersion });
    if (!actor) return endSession(socket);
    if (!permissions.some((p) => canSomewhere(actor, p))) {
      await recordAuditEvent(db, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "auth.access_denied",
        outcome: "failure",
        target: { type: "procedure", id: procedureId },
      });
      return reply({ ok: false, message: translate("errors.forbidden") });
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, message: translate("errors.invalidInput") });
    try {
      const result = await handler(actor, parsed.data);
      reply({ ok: true, ...(result ?? {}) });
    } catch (error) {
      if (error instanceof AppError) {
        // Reaching for a meeting one is not part of is logged like a refused procedure.
        if (error.code === "NOT_FOUND") {
          await recordAuditEvent(db, {
            tenantId: actor.tenantId,
            actorUserId: actor.userId,
            action: "auth.access_denied",
            outcome: "failure",
            target: { type: "procedure", id: procedureId },
          });
        }
        // The code lets a client tell "too fast, try again" from a refusal of the operation itself.
        const code = error.code === "RATE_LIMITED" ? { code: error.code } : {};
        return reply({ ok: false, message: translate(error.message, error.values), ...code });
      }
      logger.error({ err: error }, "socket event failed");
      reply({ ok: false, message: translate("errors.unexpected") });
    }
  }
}

function userRoom(userId: string) {
  return `user:${userId}`;
}

// Generous for people, tight for a runaway client: 20 operations per second per connection.
const operationRate = new RateLimiterMemory({ keyPrefix: "board-op", points: 20, duration: 1 });

// Refusals tolerated before disconnecting: three seconds of a client ignoring the limit.
const floodTolerance = new RateLimiterMemory({ keyPrefix: "board-flood", points: 60, duration: 10 });

async function withinFloodTolerance(socketId: string): Promise<boolean> {
  return floodTolerance.consume(socketId).then(
    () => true,
    () => false,
  );
}

async function withinOperationRate(socketId: string): Promise<boolean> {
  return operationRate.consume(socketId).then(
    () => true,
    () => false,
  );
}
