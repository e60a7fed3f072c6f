import { and, asc, eq, gt } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { boardCards, boardOperations, conferences } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import {
  emptyBoardMeta,
  type AppliedOperation,
  type BoardCard,
  type BoardJoinAck,
  type BoardMeta,
  boardOpRequestSchema,
  isFutureMonth,
  type BoardOperation,
  type BoardOpInput,
  type BoardOpRequest,
  type ServerOperation,
} from "../schemas/board";
import { applyOperation, changedCard, dotsPlacedBy } from "./board-state";
import { boardContextOf, boardContextStamp, viewerIn, type BoardContext } from "./board-context";
import { parsedJson, readAlongsideOperation, writeOperation } from "./board-write";
import { boardViewerOf, redactCard, redactOperation } from "./board-visibility";
import { rejectLeaksInIdentities } from "../cases/identity-leaks";
import { cardRefusal, clusterTitleRefusal } from "./agenda-identity";
import { caseResolverOver, meetingCard, meetingMeta, meetingOperation, operationWithCaseIds } from "./meeting-case-ids";
import { checkGeneralRules } from "./board-phase-rules";
import { requireParticipation, type ConferenceRow } from "./conferences";
import { cardAbilities, mayLowerHand, mayReadCard, type ConferenceAbilities } from "./policy";

/** Beyond this many missed operations a reconnecting client gets the whole board instead. */
const maxCatchUp = 2000;

const cardColumns = {
  id: boardCards.id,
  lane: boardCards.lane,
  text: boardCards.text,
  orderKey: boardCards.orderKey,
  authorUserId: boardCards.authorUserId,
  caseId: boardCards.caseId,
  lifeArea: boardCards.lifeArea,
  perspective: boardCards.perspective,
  month: boardCards.month,
  clusterId: boardCards.clusterId,
  isHidden: boardCards.isHidden,
  isSolution: boardCards.isSolution,
  updatedSeq: boardCards.updatedSeq,
};

/** Every card of the board, unredacted: for the server's own use only. */
export async function listBoardCards(db: Executor, conferenceId: string): Promise<BoardCard[]> {
  const rows = await db
    .select(cardColumns)
    .from(boardCards)
    .where(eq(boardCards.conferenceId, conferenceId))
    .orderBy(asc(boardCards.lane), asc(boardCards.orderKey));
  return rows.map((row) => ({ ...row, restricted: false }));
}

export function boardMetaOf(conference: Pick<ConferenceRow, "boardMeta">): BoardMeta {
  return { ...emptyBoardMeta, ...conference.boardMeta };
}

/**
 * What a joining or reconnecting participant needs: the operations after the last one they saw, or
 * the whole board when they have none or missed too many; either way as this viewer may see it.
 */
export async function getBoardForJoin(db: Database, actor: Actor, conferenceId: string, afterSeq: number): Promise<BoardJoinAck> {
  const { conference, abilities } = await requireParticipation(db, actor, conferenceId);
  const viewer = await boardViewerOf(db, conferenceId, actor, abilities.moderate);
  if (afterSeq > 0 && afterSeq <= conference.lastSeq && conference.lastSeq - afterSeq <= maxCatchUp) {
    const rows = await db
      .select()
      .from(boardOperations)
      .where(and(eq(boardOperations.conferenceId, conferenceId), gt(boardOperations.seq, afterSeq)))
      .orderBy(asc(boardOperations.seq));
    return {
      ok: true,
      mode: "operations",
      seq: conference.lastSeq,
      operations: rows.map((row) => meetingOperation(redactOperation(toApplied(row), viewer))),
    };
  }
  const cards = (await listBoardCards(db, conferenceId)).map((card) => meetingCard(conferenceId, redactCard(card, viewer)));
  return { ok: true, mode: "snapshot", seq: conference.lastSeq, cards, meta: meetingMeta(conferenceId, boardMetaOf(conference)) };
}

function toApplied(
  row: Pick<typeof boardOperations.$inferSelect, "conferenceId" | "seq" | "clientOpId" | "actorUserId" | "kind" | "payload">,
): AppliedOperation {
  return {
    conferenceId: row.conferenceId,
    seq: row.seq,
    clientOpId: row.clientOpId,
    actorUserId: row.actorUserId,
    op: { kind: row.kind, ...row.payload } as ServerOperation,
  };
}

interface Checked {
  conference: ConferenceRow;
  abilities: ConferenceAbilities;
  meta: BoardMeta;
  context: BoardContext;
  /** The card the operation names, read with the lock (undefined when it names none or it is gone). */
  namedCard: BoardCard | undefined;
  /** Whether any meeting has a card with the id the operation names. */
  cardIdTaken: boolean;
}

function withoutConference<T extends { conferenceId: string }>(row: T): Omit<T, "conferenceId"> {
  const { conferenceId, ...card } = row;
  void conferenceId;
  return card;
}

/** The card an operation names, if any: read together with the lock instead of after it. */
function namedCardId(op: BoardOperation): string | null {
  if ("cardId" in op) return op.cardId;
  return op.kind === "vote.set" ? op.targetId : null;
}

/**
 * Applies one operation: checks participation, role, phase, lock, consent and ownership, numbers
 * it, and writes the operation and the new board state, committed before anyone is told. A retried
 * operation (same client id) returns its first result and changes nothing. Returns the meeting's
 * context as the operation was decided on, for its broadcast.
 *
 * Optimistic, like a compare-and-swap: one statement reads the conference with everything the
 * decision needs (one snapshot), one statement writes, and only if the board is still at the
 * sequence number read; if another operation of the meeting came first, the operation is decided
 * again in turn, under the conference's row lock. So an operation costs two round trips and one
 * commit, and holds no lock while the server decides, unless the meeting is busy. Who may read what comes from the meeting's context, rebuilt only when
 * the stamp read with the conference says a participant, a consent or an Aktendeckblatt changed.
 */
export async function applyBoardOperation(
  db: Database,
  actor: Actor,
  input: BoardOpInput,
): Promise<{ applied: AppliedOperation; duplicate: boolean; context: BoardContext }> {
  const request = boardOpRequestSchema.parse(input);
  try {
    const optimistic = await attemptOperation(db, actor, request);
    if (optimistic) return optimistic;
    // Another operation of the meeting came first: now in turn, under the conference's row lock,
    // read again after the lock is held (so the read sees what the holder wrote) and write.
    const inTurn = await db.transaction(async (tx) => {
      await tx.select({ id: conferences.id }).from(conferences).where(eq(conferences.id, request.conferenceId)).for("update");
      return attemptOperation(tx, actor, request);
    });
    if (!inTurn) throw new AppError("CONFLICT", "conferences.board.busy");
    return inTurn;
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

/** One attempt; null when another operation of the meeting was written first. */
async function attemptOperation(db: Executor, actor: Actor, request: BoardOpRequest) {
  const { conference, abilities, boardStamp, namedCard, previous } = await requireParticipation(db, actor, request.conferenceId, {
    alongside: {
      boardStamp: boardContextStamp(request.conferenceId),
      ...readAlongsideOperation(request.conferenceId, request.clientOpId, namedCardId(request.op)),
    },
  });
  const context = await boardContextOf(db, conference.id, boardStamp);
  const first = parsedJson(previous);
  if (first) return { applied: toApplied({ ...first, payload: parsedJson(first.payload) ?? {} }), duplicate: true, context };

  const named = parsedJson(namedCard);
  const checked: Checked = {
    conference,
    abilities,
    meta: boardMetaOf(conference),
    context,
    namedCard: named?.conferenceId === conference.id ? { ...withoutConference(named), restricted: false } : undefined,
    cardIdTaken: !!named,
  };
  checkGeneralRules(checked, request.op);
  // The browser names cases by their meeting ids; from here on the server works with the case ids.
  const op = operationWithCaseIds(caseResolverOver(context.caseIdByMeetingId), request.op);
  const seq = conference.lastSeq + 1;
  const stored = await decide(db, actor, checked, op, seq);

  const before = { cards: new Map(stored.touched.map((card) => [card.id, card])), meta: checked.meta };
  const after = applyOperation(before, { seq, actorUserId: actor.userId, op: stored.op });
  const written = await writeOperation(db, {
    conferenceId: conference.id,
    seq,
    meta: after.meta,
    clientOpId: request.clientOpId,
    actorUserId: actor.userId,
    op: stored.op,
    ...changedCards(stored.op, after.cards),
  }).catch((error: unknown) => {
    // The same operation written by a retry a moment earlier: the next attempt answers with it.
    if (isUniqueViolation(error)) return false;
    throw error;
  });
  if (!written) return null;
  return {
    applied: { conferenceId: conference.id, seq, clientOpId: request.clientOpId, actorUserId: actor.userId, op: stored.op },
    duplicate: false,
    context,
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause && typeof cause === "object"; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** The cards an operation changed, as the reducer computed them, and those it removed. */
function changedCards(op: ServerOperation, cards: Map<string, BoardCard>): { upserted: BoardCard[]; deletedCardIds: string[] } {
  if (op.kind === "card.delete") return { upserted: [], deletedCardIds: [op.cardId] };
  const upserted =
    "card" in op ? [op.card] : op.kind === "cards.reveal" ? op.cards : op.kind === "cluster.delete" ? [...cards.values()] : [];
  return { upserted, deletedCardIds: [] };
}

/**
 * The operation as it will be stored, and the cards it starts from. Card operations carry the card
 * as it is afterwards, so each viewer's copy can be redacted without replaying history.
 */
async function decide(
  tx: Executor,
  actor: Actor,
  { conference, abilities, meta, context, namedCard, cardIdTaken }: Checked,
  op: BoardOperation,
  seq: number,
): Promise<{ op: ServerOperation; touched: BoardCard[] }> {
  const viewer = viewerIn(context, actor.userId, abilities.moderate);
  /** The case is on this meeting's agenda and, unless only pointed at, released to the actor. */
  const requireAgendaCase = (caseId: string, { mustSee = true } = {}) => {
    if (!context.agendaCaseIds.has(caseId)) throw new AppError("INVALID_INPUT", "conferences.board.caseNotOnAgenda", "caseId");
    if (mustSee && !viewer.releasedCaseIds.has(caseId)) throw new AppError("FORBIDDEN", "conferences.board.caseNotReleased");
  };
  const rejectIdentity = (text: string, refusal: typeof cardRefusal) => rejectLeaksInIdentities(context.identities, [text], refusal);

  switch (op.kind) {
    case "card.add": {
      if (cardIdTaken) throw new AppError("CONFLICT", "conferences.board.cardExists");
      rejectIdentity(op.text, cardRefusal);
      if (op.caseId) requireAgendaCase(op.caseId);
      const lifeArea = op.caseId ? (op.lifeArea ?? null) : null;
      // Nobody writes about a life area of a case that their own consent leaves out.
      if (op.caseId && lifeArea && !mayReadCard(viewer, { caseId: op.caseId, lifeArea }))
        throw new AppError("FORBIDDEN", "conferences.board.lifeAreaNotReleased", "lifeArea");
      if (op.perspective && op.perspective !== "klient") requireParticipantOrganisation(context, op.perspective);
      rejectFutureMonth(op.month);
      const card: BoardCard = {
        id: op.cardId,
        lane: op.lane,
        text: op.text,
        orderKey: op.orderKey,
        authorUserId: actor.userId,
        caseId: op.caseId,
        lifeArea,
        perspective: op.perspective,
        month: op.month ?? null,
        clusterId: null,
        isHidden: meta.anonymous,
        isSolution: false,
        restricted: false,
        updatedSeq: seq,
      };
      return { op: { kind: op.kind, cardId: op.cardId, card }, touched: [] };
    }
    case "card.edit":
    case "card.move":
    case "card.tag":
    case "card.month":
    case "card.solution":
    case "card.cluster":
    case "card.delete": {
      const card = namedCard;
      if (!card) throw new AppError("NOT_FOUND", "conferences.board.cardGone");
      if (!mayReadCard(viewer, card)) throw new AppError("FORBIDDEN", "conferences.board.caseNotReleased");
      const mayDo = cardAbilities(viewer, card);
      const allowed =
        op.kind === "card.edit" || op.kind === "card.month"
          ? mayDo.edit
          : op.kind === "card.delete"
            ? mayDo.delete
            : op.kind === "card.tag"
              ? mayDo.tag
              : true;
      if (!allowed) throw new AppError("FORBIDDEN", "conferences.board.notYourCard");
      if (op.kind === "card.delete") return { op: card.isHidden ? { ...op, hidden: true } : op, touched: [card] };
      if (op.kind === "card.edit") rejectIdentity(op.text, cardRefusal);
      if (op.kind === "card.tag" && op.caseId) requireAgendaCase(op.caseId);
      if (op.kind === "card.month") rejectFutureMonth(op.month);
      if (op.kind === "card.cluster" && op.clusterId && !meta.clusters[op.clusterId])
        throw new AppError("NOT_FOUND", "conferences.board.clusterGone");
      return { op: { kind: op.kind, cardId: op.cardId, card: changedCard(card, op, seq) }, touched: [card] };
    }
    case "cluster.add":
      if (meta.clusters[op.clusterId]) throw new AppError("CONFLICT", "conferences.board.clusterExists");
      rejectIdentity(op.title, clusterTitleRefusal);
      return { op, touched: [] };
    case "cluster.rename":
      if (!meta.clusters[op.clusterId]) throw new AppError("NOT_FOUND", "conferences.board.clusterGone");
      rejectIdentity(op.title, clusterTitleRefusal);
      return { op, touched: [] };
    case "cluster.delete": {
      if (!meta.clusters[op.clusterId]) throw new AppError("NOT_FOUND", "conferences.board.clusterGone");
      const inCluster = await tx
        .select(cardColumns)
        .from(boardCards)
        .where(and(eq(boardCards.conferenceId, conference.id), eq(boardCards.clusterId, op.clusterId)));
      return { op, touched: inCluster.map((row) => ({ ...row, restricted: false })) };
    }
    case "vote.set": {
      if (!meta.clusters[op.targetId] && !namedCard) throw new AppError("NOT_FOUND", "conferences.board.voteTargetGone");
      if (dotsPlacedBy(meta, actor.userId, op.targetId) + op.dots > conference.voteBudget) {
        throw new AppError("CONFLICT", "conferences.board.voteBudget", undefined, { budget: conference.voteBudget });
      }
      return { op, touched: [] };
    }
    case "phase.set":
      if (op.index >= Math.max(conference.phases.length, 1)) throw new AppError("INVALID_INPUT", "conferences.board.noSuchPhase");
      return { op, touched: [] };
    case "timer.start":
      return { op: { kind: op.kind, seconds: op.seconds, endsAt: new Date(Date.now() + op.seconds * 1000).toISOString() }, touched: [] };
    case "cards.reveal": {
      const hidden = await tx
        .select(cardColumns)
        .from(boardCards)
        .where(and(eq(boardCards.conferenceId, conference.id), eq(boardCards.isHidden, true)));
      const cards = hidden.map((row) => ({ ...row, isHidden: false, restricted: false, updatedSeq: seq }));
      return { op: { kind: op.kind, cards }, touched: [] };
    }
    case "hand.lower":
      if (!mayLowerHand({ userId: actor.userId, moderates: abilities.moderate }, op.userId))
        throw new AppError("FORBIDDEN", "conferences.board.moderatorOnly");
      return { op, touched: [] };
    case "ready.set":
      requireAgendaCase(op.caseId);
      return { op: { kind: op.kind, caseId: op.caseId, ready: op.ready, perspective: actor.organisationId ?? actor.userId }, touched: [] };
    case "case.activate":
      // Calling the next case shows nothing of it: the moderator need not be covered by its consent.
      if (op.caseId) requireAgendaCase(op.caseId, { mustSee: false });
      return { op, touched: [] };
    case "timer.stop":
    case "board.lock":
    case "board.anonymous":
    case "focus.set":
    case "hand.raise":
      return { op, touched: [] };
  }
}

/** Measured on the server's clock, so a browser with a wrong date cannot place a card in the future. */
function rejectFutureMonth(month: string | null | undefined) {
  if (month && isFutureMonth(month)) throw new AppError("INVALID_INPUT", "conferences.timeline.monthInFuture", "month");
}

/** A perspective names an organisation some participant works for. */
function requireParticipantOrganisation(context: BoardContext, organisationId: string) {
  const known = [...context.viewers.values()].some((viewer) => viewer.organisationId === organisationId);
  if (!known) throw new AppError("INVALID_INPUT", "conferences.board.unknownPerspective", "perspective");
}
