import { and, eq, ne } from "drizzle-orm";
import type { Server } from "socket.io";
import type { Executor } from "@/db";
import { conferenceCases, conferences } from "@/db/schema";
import { boardViewers, needsRedaction, redactOperation } from "../conferences/board-visibility";
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
 * Sends an accepted operation to everyone in the meeting. Most operations look the same to all;
 * one that touches a card is sent per participant, redacted (hidden cards, a case's content, with
 * the consents as they are now) and with that participant's abilities on the card. Cases go out by
 * their meeting ids only.
 */
export async function broadcastApplied(io: Server, db: Executor, applied: AppliedOperation) {
  if (!needsRedaction(applied.op)) {
    io.to(boardRoom(applied.conferenceId)).emit("board:applied", meetingOperation(applied));
    return;
  }
  for (const viewer of await boardViewers(db, applied.conferenceId)) {
    io.to(boardUserRoom(applied.conferenceId, viewer.userId)).emit("board:applied", meetingOperation(redactOperation(applied, viewer)));
  }
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
