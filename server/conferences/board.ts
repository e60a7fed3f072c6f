import { and, asc, eq, gt } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { boardCards, boardOperations, conferenceCases, conferenceParticipants, conferences, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import {
  emptyBoardMeta,
  moderatorOperationKinds,
  type AppliedOperation,
  type BoardCard,
  type BoardJoinAck,
  type BoardMeta,
  boardOpRequestSchema,
  isFutureMonth,
  type BoardOperation,
  type BoardOpInput,
  type ServerOperation,
} from "../schemas/board";
import type { PhaseBoard } from "../schemas/conference-kinds";
import { applyOperation, changedCard, dotsPlacedBy } from "./board-state";
import { boardViewerOf, redactCard, redactOperation } from "./board-visibility";
import { listAttachedCases } from "./conference-views";
import { cardRefusal, clusterTitleRefusal, rejectAgendaIdentity } from "./agenda-identity";
import { meetingCard, meetingMeta, meetingOperation, operationWithCaseIds } from "./meeting-case-ids";
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

function toApplied(row: typeof boardOperations.$inferSelect): AppliedOperation {
  return {
    conferenceId: row.conferenceId,
    seq: row.seq,
    clientOpId: row.clientOpId,
    actorUserId: row.actorUserId,
    op: { kind: row.kind, ...row.payload } as ServerOperation,
  };
}

/** Which participant operations each phase of the Ablaufplan allows; the moderator may always act. */
const phaseAllows: Record<PhaseBoard, ReadonlySet<BoardOperation["kind"]>> = {
  none: new Set(["hand.raise", "hand.lower"]),
  reconstruction: new Set(["card.add", "card.edit", "card.move", "card.delete", "ready.set", "hand.raise", "hand.lower"]),
  cards: new Set(["card.add", "card.edit", "card.move", "card.delete", "card.tag", "card.month", "hand.raise", "hand.lower"]),
  timeline: new Set(["card.add", "card.edit", "card.move", "card.delete", "card.tag", "card.month", "hand.raise", "hand.lower"]),
  clustering: new Set([
    "card.add",
    "card.edit",
    "card.move",
    "card.delete",
    "card.cluster",
    "cluster.add",
    "cluster.rename",
    "hand.raise",
    "hand.lower",
  ]),
  voting: new Set(["vote.set", "hand.raise", "hand.lower"]),
  formulation: new Set(["card.add", "card.edit", "hand.raise", "hand.lower"]),
  work_packages: new Set(["card.add", "card.edit", "card.move", "card.delete", "hand.raise", "hand.lower"]),
};

/** Raising or lowering a hand stays possible on a locked board: asking to speak is not editing. */
const allowedWhileLocked: ReadonlySet<BoardOperation["kind"]> = new Set(["hand.raise", "hand.lower"]);

interface Checked {
  conference: ConferenceRow;
  abilities: ConferenceAbilities;
  meta: BoardMeta;
}

/**
 * Applies one operation under the conference's row lock: checks participation, role, phase, lock,
 * consent and ownership, numbers it, writes the operation and the new board state, and commits
 * before anyone is told. A retried operation (same client id) returns its first result and changes
 * nothing.
 */
export async function applyBoardOperation(
  db: Database,
  actor: Actor,
  input: BoardOpInput,
): Promise<{ applied: AppliedOperation; duplicate: boolean }> {
  const request = boardOpRequestSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const { conference, abilities } = await requireParticipation(tx, actor, request.conferenceId, { lock: true });
      const [previous] = await tx
        .select()
        .from(boardOperations)
        .where(and(eq(boardOperations.conferenceId, conference.id), eq(boardOperations.clientOpId, request.clientOpId)));
      if (previous) return { applied: toApplied(previous), duplicate: true };

      const checked: Checked = { conference, abilities, meta: boardMetaOf(conference) };
      checkGeneralRules(checked, request.op);
      // The browser names cases by their meeting ids; from here on the server works with the case ids.
      const op = await operationWithCaseIds(tx, conference.id, request.op);
      const seq = conference.lastSeq + 1;
      const stored = await decide(tx, actor, checked, op, seq);

      const before = { cards: new Map(stored.touched.map((card) => [card.id, card])), meta: checked.meta };
      const after = applyOperation(before, { seq, actorUserId: actor.userId, op: stored.op });
      await tx.update(conferences).set({ lastSeq: seq, boardMeta: after.meta }).where(eq(conferences.id, conference.id));
      const { kind, ...payload } = stored.op;
      await tx
        .insert(boardOperations)
        .values({ conferenceId: conference.id, seq, clientOpId: request.clientOpId, actorUserId: actor.userId, kind, payload });
      await persistCards(tx, conference.id, stored.op, after.cards);
      return {
        applied: { conferenceId: conference.id, seq, clientOpId: request.clientOpId, actorUserId: actor.userId, op: stored.op },
        duplicate: false,
      };
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

function checkGeneralRules({ conference, abilities, meta }: Checked, op: BoardOperation) {
  if (conference.status === "finished") throw new AppError("CONFLICT", "conferences.board.finished");
  const isModerator = abilities.moderate;
  if (meta.locked && !isModerator && !allowedWhileLocked.has(op.kind)) throw new AppError("CONFLICT", "conferences.board.locked");
  if (moderatorOperationKinds.has(op.kind) && !isModerator) throw new AppError("FORBIDDEN", "conferences.board.moderatorOnly");
  const phase = conference.phases[meta.phaseIndex];
  if (phase && !isModerator && !phaseAllows[phase.board].has(op.kind)) {
    throw new AppError("CONFLICT", "conferences.board.notInThisPhase", undefined, { phase: phase.title });
  }
}

/**
 * The operation as it will be stored, and the cards it starts from. Card operations carry the card
 * as it is afterwards, so each viewer's copy can be redacted without replaying history.
 */
async function decide(
  tx: Executor,
  actor: Actor,
  { conference, abilities, meta }: Checked,
  op: BoardOperation,
  seq: number,
): Promise<{ op: ServerOperation; touched: BoardCard[] }> {
  const viewer = () => boardViewerOf(tx, conference.id, actor, abilities.moderate);
  const released = async () => (await viewer()).releasedCaseIds;
  /** The case is on this meeting's agenda and, unless only pointed at, released to the actor. */
  const requireAgendaCase = async (caseId: string, { mustSee = true } = {}) => {
    const [row] = await tx
      .select({ caseId: conferenceCases.caseId })
      .from(conferenceCases)
      .where(and(eq(conferenceCases.conferenceId, conference.id), eq(conferenceCases.caseId, caseId)));
    if (!row) throw new AppError("INVALID_INPUT", "conferences.board.caseNotOnAgenda", "caseId");
    if (mustSee && !(await released()).has(caseId)) throw new AppError("FORBIDDEN", "conferences.board.caseNotReleased");
  };

  switch (op.kind) {
    case "card.add": {
      const [existing] = await tx.select({ id: boardCards.id }).from(boardCards).where(eq(boardCards.id, op.cardId));
      if (existing) throw new AppError("CONFLICT", "conferences.board.cardExists");
      await rejectAgendaIdentity(tx, conference.id, [op.text], cardRefusal);
      if (op.caseId) await requireAgendaCase(op.caseId);
      const lifeArea = op.caseId ? (op.lifeArea ?? null) : null;
      // Nobody writes about a life area of a case that their own consent leaves out.
      if (op.caseId && lifeArea && !mayReadCard(await viewer(), { caseId: op.caseId, lifeArea }))
        throw new AppError("FORBIDDEN", "conferences.board.lifeAreaNotReleased", "lifeArea");
      if (op.perspective && op.perspective !== "klient") await requireParticipantOrganisation(tx, conference.id, op.perspective);
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
      const card = await loadCard(tx, conference.id, op.cardId);
      const cardViewer = await viewer();
      if (!mayReadCard(cardViewer, card)) throw new AppError("FORBIDDEN", "conferences.board.caseNotReleased");
      const mayDo = cardAbilities(cardViewer, card);
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
      if (op.kind === "card.edit") await rejectAgendaIdentity(tx, conference.id, [op.text], cardRefusal);
      if (op.kind === "card.tag" && op.caseId) await requireAgendaCase(op.caseId);
      if (op.kind === "card.month") rejectFutureMonth(op.month);
      if (op.kind === "card.cluster" && op.clusterId && !meta.clusters[op.clusterId])
        throw new AppError("NOT_FOUND", "conferences.board.clusterGone");
      return { op: { kind: op.kind, cardId: op.cardId, card: changedCard(card, op, seq) }, touched: [card] };
    }
    case "cluster.add":
      if (meta.clusters[op.clusterId]) throw new AppError("CONFLICT", "conferences.board.clusterExists");
      await rejectAgendaIdentity(tx, conference.id, [op.title], clusterTitleRefusal);
      return { op, touched: [] };
    case "cluster.rename":
      if (!meta.clusters[op.clusterId]) throw new AppError("NOT_FOUND", "conferences.board.clusterGone");
      await rejectAgendaIdentity(tx, conference.id, [op.title], clusterTitleRefusal);
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
      const [card] = meta.clusters[op.targetId]
        ? []
        : await tx
            .select({ id: boardCards.id })
            .from(boardCards)
            .where(and(eq(boardCards.id, op.targetId), eq(boardCards.conferenceId, conference.id)));
      if (!meta.clusters[op.targetId] && !card) throw new AppError("NOT_FOUND", "conferences.board.voteTargetGone");
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
      await requireAgendaCase(op.caseId);
      return { op: { kind: op.kind, caseId: op.caseId, ready: op.ready, perspective: actor.organisationId ?? actor.userId }, touched: [] };
    case "case.activate":
      // Calling the next case shows nothing of it: the moderator need not be covered by its consent.
      if (op.caseId) await requireAgendaCase(op.caseId, { mustSee: false });
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

async function loadCard(tx: Executor, conferenceId: string, cardId: string): Promise<BoardCard> {
  const [row] = await tx
    .select(cardColumns)
    .from(boardCards)
    .where(and(eq(boardCards.id, cardId), eq(boardCards.conferenceId, conferenceId)));
  if (!row) throw new AppError("NOT_FOUND", "conferences.board.cardGone");
  return { ...row, restricted: false };
}

async function requireParticipantOrganisation(tx: Executor, conferenceId: string, organisationId: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .where(and(eq(conferenceParticipants.conferenceId, conferenceId), eq(users.organisationId, organisationId)))
    .limit(1);
  if (!row) throw new AppError("INVALID_INPUT", "conferences.board.unknownPerspective", "perspective");
}

/** Writes the cards an operation changed, as the reducer computed them. */
async function persistCards(tx: Executor, conferenceId: string, op: ServerOperation, cards: Map<string, BoardCard>) {
  if (op.kind === "card.delete") {
    await tx.delete(boardCards).where(and(eq(boardCards.id, op.cardId), eq(boardCards.conferenceId, conferenceId)));
    return;
  }
  const changed =
    "card" in op ? [op.card] : op.kind === "cards.reveal" ? op.cards : op.kind === "cluster.delete" ? [...cards.values()] : [];
  for (const card of changed) {
    const values = {
      id: card.id,
      lane: card.lane,
      text: card.text,
      orderKey: card.orderKey,
      authorUserId: card.authorUserId,
      caseId: card.caseId,
      lifeArea: card.lifeArea ?? null,
      perspective: card.perspective,
      month: card.month ?? null,
      clusterId: card.clusterId,
      isHidden: card.isHidden,
      isSolution: card.isSolution,
      updatedSeq: card.updatedSeq,
    };
    await tx
      .insert(boardCards)
      .values({ ...values, conferenceId })
      .onConflictDoUpdate({ target: boardCards.id, set: { ...values, conferenceId } });
  }
}
