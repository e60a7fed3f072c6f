import { and, eq, ne } from "drizzle-orm";
import type { Server } from "socket.io";
import type { Executor } from "@/db";
import { conferenceCases, conferences } from "@/db/schema";
import type { BoardContext } from "../conferences/board-context";
import { needsRedaction, redactOperation } from "../conferences/board-visibility";
import { meetingOperation } from "../conferences/meeting-case-ids";
import type { AppliedOperation } from "../schemas/board";

export function boardRoom(conferenceId: string) {
  return `board:${conferenceId}`;
}

/** Each participant's own room, so an operation can reach them in the form they may see. */
export function boardUserRoom(conferenceId: string, userId: string) {
  return `board:${conferenceId}:user:${userId}`;
}

/**
 * Sends an accepted operation to everyone in the meeting. Most operations look the same to all and
 * go to the meeting's room in one send. One that touches a case's card or a hidden card is redacted
 * per participant (with the consents the operation was decided on) and carries that participant's
 * abilities on the card; participants who see it alike get it in one send to all their rooms, so a
 * meeting of 200 costs a handful of sends, not 200. Cases go out by their meeting ids only.
 */
export function broadcastApplied(io: Server, applied: AppliedOperation, context: BoardContext) {
  if (!needsRedaction(applied.op)) {
    io.to(boardRoom(applied.conferenceId)).emit("board:applied", meetingOperation(applied));
    return;
  }
  const alike = new Map<string, { view: AppliedOperation; rooms: string[] }>();
  for (const viewer of context.viewers.values()) {
    const view = meetingOperation(redactOperation(applied, viewer));
    const key = JSON.stringify(view);
    const room = boardUserRoom(applied.conferenceId, viewer.userId);
    const group = alike.get(key);
    if (group) group.rooms.push(room);
    else alike.set(key, { view, rooms: [room] });
  }
  for (const { view, rooms } of alike.values()) io.to(rooms).emit("board:applied", view);
}

/**
 * After a consent changed, every open board that discusses the case fetches its state again, now
 * redacted under the new consent; the details view refreshes its summaries as well.
 */
export async function resyncBoardsOfCase(io: Server, db: Executor, caseId: string) {
  const rows = await db
    .select({ conferenceId: conferenceCases.conferenceId })
    .from(conferenceCases)
    .innerJoin(conferences, eq(conferences.id, conferenceCases.conferenceId))
    .where(and(eq(conferenceCases.caseId, caseId), ne(conferences.status, "finished")));
  for (const { conferenceId } of rows) io.to(boardRoom(conferenceId)).emit("board:resync", { conferenceId });
}
