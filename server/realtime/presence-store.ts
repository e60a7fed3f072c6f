import { and, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { conferences, presenceConnections, realtimeProcesses, tenants } from "@/db/schema";
import type { PresencePerson } from "../schemas/realtime";
import { defaultBoardParticipantLimit } from "../schemas/tenancy-kinds";
import { boardRoom } from "./board-broadcast";

/** How often a socket server says it is alive. */
export const heartbeatMs = 5_000;
/** A process silent this long (killed hard) no longer counts; the others then remove its connections. */
export const staleAfterSeconds = 15;

const staleBefore = sql`now() - ${staleAfterSeconds}::int * interval '1 second'`;

export interface Connection {
  socketId: string;
  room: string;
  tenantId: string;
  userId: string;
  displayName: string;
  processId: string;
}

/** Says this process is alive; false when the others had already given it up (then re-register). */
export async function beat(db: Database, processId: string): Promise<boolean> {
  const updated = await db
    .update(realtimeProcesses)
    .set({ beatAt: sql`now()` })
    .where(eq(realtimeProcesses.id, processId))
    .returning({ id: realtimeProcesses.id });
  if (updated.length) return true;
  await db.insert(realtimeProcesses).values({ id: processId }).onConflictDoNothing();
  return false;
}

/** Removes the connections of processes that stopped beating; the rooms they were in, once each. */
export async function sweepStaleProcesses(db: Database): Promise<string[]> {
  const stale = db.select({ id: realtimeProcesses.id }).from(realtimeProcesses).where(lt(realtimeProcesses.beatAt, staleBefore));
  // Concurrent sweeps of several processes: each row is returned to only one of them.
  const removed = await db
    .delete(presenceConnections)
    .where(inArray(presenceConnections.processId, stale))
    .returning({ room: presenceConnections.room });
  await db.delete(realtimeProcesses).where(lt(realtimeProcesses.beatAt, staleBefore));
  return [...new Set(removed.map((r) => r.room))];
}

/** A process that shuts down in order takes its connections along; the rooms they were in. */
export async function removeProcess(db: Database, processId: string): Promise<string[]> {
  const removed = await db
    .delete(presenceConnections)
    .where(eq(presenceConnections.processId, processId))
    .returning({ room: presenceConnections.room });
  await db.delete(realtimeProcesses).where(eq(realtimeProcesses.id, processId));
  return [...new Set(removed.map((r) => r.room))];
}

export async function enterRoom(db: Database, connection: Connection): Promise<void> {
  await db.insert(presenceConnections).values(connection).onConflictDoNothing();
}

export async function leaveRoom(db: Database, socketId: string, room: string): Promise<void> {
  await db.delete(presenceConnections).where(and(eq(presenceConnections.socketId, socketId), eq(presenceConnections.room, room)));
}

/** Everything a socket was in, removed; the rooms, to tell them. */
export async function leaveAllRooms(db: Database, socketId: string): Promise<string[]> {
  const removed = await db
    .delete(presenceConnections)
    .where(eq(presenceConnections.socketId, socketId))
    .returning({ room: presenceConnections.room });
  return removed.map((r) => r.room);
}

/**
 * Lets the socket into the meeting's live room unless the meeting's type limit of people is reached,
 * counting people connected to any live process. One transaction per room at a time (an advisory
 * lock on the room), so two processes cannot both admit the last place. Someone already present
 * (a second device) always gets in.
 */
export async function admitToBoard(
  db: Database,
  connection: Omit<Connection, "room"> & { conferenceId: string },
): Promise<{ admitted: true } | { admitted: false; max: number }> {
  const { conferenceId, ...rest } = connection;
  const room = boardRoom(conferenceId);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${room}))`);
    const [meeting] = await tx
      .select({ type: conferences.type, limits: tenants.boardParticipantLimits })
      .from(conferences)
      .innerJoin(tenants, eq(tenants.id, conferences.tenantId))
      .where(eq(conferences.id, conferenceId));
    const max = (meeting && meeting.limits[meeting.type]) ?? defaultBoardParticipantLimit;
    const present = await tx
      .selectDistinct({ userId: presenceConnections.userId })
      .from(presenceConnections)
      .innerJoin(realtimeProcesses, eq(realtimeProcesses.id, presenceConnections.processId))
      .where(and(eq(presenceConnections.room, room), gt(realtimeProcesses.beatAt, staleBefore)));
    if (!present.some((p) => p.userId === rest.userId) && present.length >= max) return { admitted: false, max };
    await tx
      .insert(presenceConnections)
      .values({ ...rest, room })
      .onConflictDoNothing();
    return { admitted: true };
  });
}

/** Who is in the room on any live process: each person once, sorted by name. */
export async function peopleInRoom(db: Database, room: string): Promise<PresencePerson[]> {
  const rows = await db
    .select({ userId: presenceConnections.userId, displayName: presenceConnections.displayName })
    .from(presenceConnections)
    .innerJoin(realtimeProcesses, eq(realtimeProcesses.id, presenceConnections.processId))
    .where(and(eq(presenceConnections.room, room), gt(realtimeProcesses.beatAt, staleBefore)))
    // The newest connection's name wins when a person's devices differ.
    .orderBy(desc(presenceConnections.connectedAt));
  const people = new Map<string, PresencePerson>();
  for (const row of rows) if (!people.has(row.userId)) people.set(row.userId, row);
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, "de"));
}
