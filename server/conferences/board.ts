import { and, asc, eq, gt } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { boardCards, boardOperations, conferences } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { AppliedOperation, BoardCard, BoardJoinAck, BoardOperation, BoardOpRequest } from "../schemas/board";
import { requireParticipation } from "./conferences";

/** Beyond this many missed operations a reconnecting client gets the whole board instead. */
const maxCatchUp = 2000;

const cardColumns = {
  id: boardCards.id,
  lane: boardCards.lane,
  text: boardCards.text,
  orderKey: boardCards.orderKey,
  authorUserId: boardCards.authorUserId,
  updatedSeq: boardCards.updatedSeq,
};

export async function listBoardCards(db: Executor, conferenceId: string): Promise<BoardCard[]> {
  return db.select(cardColumns).from(boardCards).where(eq(boardCards.conferenceId, conferenceId)).orderBy(asc(boardCards.lane), asc(boardCards.orderKey));
}

/**
 * What a joining or reconnecting participant needs: the operations after the last one they saw, or
 * the whole board when they have none or missed too many.
 */
export async function getBoardForJoin(db: Database, actor: Actor, conferenceId: string, afterSeq: number): Promise<BoardJoinAck> {
  const { conference } = await requireParticipation(db, actor, conferenceId);
  if (afterSeq > 0 && afterSeq <= conference.lastSeq && conference.lastSeq - afterSeq <= maxCatchUp) {
    const rows = await db
      .select()
      .from(boardOperations)
      .where(and(eq(boardOperations.conferenceId, conferenceId), gt(boardOperations.seq, afterSeq)))
      .orderBy(asc(boardOperations.seq));
    return { ok: true, mode: "operations", seq: conference.lastSeq, operations: rows.map(toApplied) };
  }
  return { ok: true, mode: "snapshot", seq: conference.lastSeq, cards: await listBoardCards(db, conferenceId) };
}

function toApplied(row: typeof boardOperations.$inferSelect): AppliedOperation {
  return { conferenceId: row.conferenceId, seq: row.seq, clientOpId: row.clientOpId, actorUserId: row.actorUserId, op: { kind: row.kind, ...row.payload } as BoardOperation };
}

/**
 * Applies one operation under the conference's row lock: checks participation, the board's lock
 * and the card's owner, numbers it, writes the operation and the board state, and commits before
 * anyone is told. A retried operation (same client id) returns its first result and changes nothing.
 */
export async function applyBoardOperation(db: Database, actor: Actor, request: BoardOpRequest): Promise<{ applied: AppliedOperation; duplicate: boolean }> {
  try {
    return await db.transaction(async (tx) => {
      const { conference, role } = await requireParticipation(tx, actor, request.conferenceId, { lock: true });
      const [previous] = await tx
        .select()
        .from(boardOperations)
        .where(and(eq(boardOperations.conferenceId, conference.id), eq(boardOperations.clientOpId, request.clientOpId)));
      if (previous) return { applied: toApplied(previous), duplicate: true };
      if (conference.status === "finished") throw new AppError("CONFLICT", "conferences.board.finished");
      if (conference.isLocked && role !== "moderator") throw new AppError("CONFLICT", "conferences.board.locked");

      const { op } = request;
      const [card] = await tx
        .select()
        .from(boardCards)
        .where(and(eq(boardCards.id, op.cardId), eq(boardCards.conferenceId, conference.id)));
      if (op.kind === "card.add" && card) throw new AppError("CONFLICT", "conferences.board.cardExists");
      if (op.kind !== "card.add" && !card) throw new AppError("NOT_FOUND", "conferences.board.cardGone");
      if ((op.kind === "card.edit" || op.kind === "card.delete") && card!.authorUserId !== actor.userId && role !== "moderator") {
        throw new AppError("FORBIDDEN", "conferences.board.notYourCard");
      }

      const seq = conference.lastSeq + 1;
      await tx.update(conferences).set({ lastSeq: seq }).where(eq(conferences.id, conference.id));
      const { kind, ...payload } = op;
      await tx.insert(boardOperations).values({ conferenceId: conference.id, seq, clientOpId: request.clientOpId, actorUserId: actor.userId, kind, payload });
      if (op.kind === "card.add") {
        await tx.insert(boardCards).values({ id: op.cardId, conferenceId: conference.id, lane: op.lane, text: op.text, orderKey: op.orderKey, authorUserId: actor.userId, updatedSeq: seq });
      } else if (op.kind === "card.edit") {
        await tx.update(boardCards).set({ text: op.text, updatedSeq: seq }).where(eq(boardCards.id, op.cardId));
      } else if (op.kind === "card.move") {
        await tx.update(boardCards).set({ lane: op.lane, orderKey: op.orderKey, updatedSeq: seq }).where(eq(boardCards.id, op.cardId));
      } else {
        await tx.delete(boardCards).where(eq(boardCards.id, op.cardId));
      }
      return { applied: { conferenceId: conference.id, seq, clientOpId: request.clientOpId, actorUserId: actor.userId, op }, duplicate: false };
    });
  } catch (error) {
    if (error instanceof AppError && error.code !== "NOT_FOUND") {
      await recordAuditEvent(db, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "conferences.board_operation_refused",
        outcome: "failure",
        target: { type: "conference", id: request.conferenceId },
        details: { kind: request.op.kind, reason: error.message },
      });
    }
    throw error;
  }
}
