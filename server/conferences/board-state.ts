import type { BoardCard, BoardMeta, BoardOperation, BoardState, ServerOperation } from "../schemas/board";

/** An operation to replay: as the server numbered it, or a client's own one not yet confirmed. */
export interface ReplayedOperation {
  seq: number;
  actorUserId: string;
  op: ServerOperation | BoardOperation;
}

/**
 * The one reducer of the board, run by the server to compute the new state and by every client to
 * replay what the server accepted (and, optimistically, its own pending operations). Server
 * operations carry the card as it is afterwards, so replaying them needs no guessing; a client's own
 * pending operation is applied from what it knows.
 */
export function applyOperation(state: BoardState, replayed: ReplayedOperation): BoardState {
  const { op, seq, actorUserId } = replayed;
  const cards = new Map(state.cards);
  const meta: BoardMeta = { ...state.meta };

  if ("card" in op) {
    cards.set(op.card.id, op.card);
    return { cards, meta };
  }
  switch (op.kind) {
    case "card.add":
      cards.set(op.cardId, {
        id: op.cardId,
        lane: op.lane,
        text: op.text,
        orderKey: op.orderKey,
        authorUserId: actorUserId,
        caseId: op.caseId,
        lifeArea: op.caseId ? (op.lifeArea ?? null) : null,
        perspective: op.perspective,
        month: op.month ?? null,
        clusterId: null,
        isHidden: meta.anonymous,
        isSolution: false,
        restricted: false,
        updatedSeq: seq,
      });
      break;
    case "card.edit":
    case "card.move":
    case "card.tag":
    case "card.month":
    case "card.solution":
    case "card.cluster": {
      const card = cards.get(op.cardId);
      if (card) cards.set(op.cardId, changedCard(card, op, seq));
      break;
    }
    case "card.delete":
      cards.delete(op.cardId);
      break;
    case "cards.reveal":
      if ("cards" in op) for (const card of op.cards) cards.set(card.id, card);
      meta.anonymous = false;
      break;
    case "cluster.add":
    case "cluster.rename":
      meta.clusters = {
        ...meta.clusters,
        [op.clusterId]: {
          title: op.title,
          orderKey: op.kind === "cluster.add" ? op.orderKey : (meta.clusters[op.clusterId]?.orderKey ?? "a0"),
        },
      };
      break;
    case "cluster.delete": {
      meta.clusters = withoutKey(meta.clusters, op.clusterId);
      for (const [id, card] of cards) if (card.clusterId === op.clusterId) cards.set(id, { ...card, clusterId: null, updatedSeq: seq });
      meta.votes = withoutTarget(meta.votes, op.clusterId);
      break;
    }
    case "vote.set": {
      const mine = { ...(meta.votes[actorUserId] ?? {}) };
      if (op.dots === 0) delete mine[op.targetId];
      else mine[op.targetId] = op.dots;
      meta.votes = { ...meta.votes, [actorUserId]: mine };
      break;
    }
    case "phase.set":
      meta.phaseIndex = op.index;
      meta.focus = null;
      break;
    case "timer.start":
      meta.timer = "endsAt" in op ? { seconds: op.seconds, endsAt: op.endsAt } : meta.timer;
      break;
    case "timer.stop":
      meta.timer = null;
      break;
    case "board.lock":
      meta.locked = op.locked;
      break;
    case "board.anonymous":
      meta.anonymous = op.anonymous;
      break;
    case "focus.set":
      meta.focus = op.target;
      break;
    case "hand.raise":
      if (!meta.hands.includes(actorUserId)) meta.hands = [...meta.hands, actorUserId];
      break;
    case "hand.lower":
      meta.hands = meta.hands.filter((id) => id !== op.userId);
      break;
    case "ready.set": {
      if (!("perspective" in op)) break;
      const given = new Set(meta.ready[op.caseId] ?? []);
      if (op.ready) given.add(op.perspective);
      else given.delete(op.perspective);
      meta.ready = { ...meta.ready, [op.caseId]: [...given].sort() };
      break;
    }
    case "case.activate":
      meta.activeCaseId = op.caseId;
      break;
  }
  return { cards, meta };
}

type CardChange = Extract<
  BoardOperation,
  { kind: "card.edit" | "card.move" | "card.tag" | "card.month" | "card.solution" | "card.cluster" }
>;

/** A card after one change; the server stores the result, clients use it for pending changes. */
export function changedCard(card: BoardCard, op: CardChange, seq: number): BoardCard {
  switch (op.kind) {
    case "card.edit":
      return { ...card, text: op.text, updatedSeq: seq };
    case "card.move":
      return { ...card, lane: op.lane, orderKey: op.orderKey, updatedSeq: seq };
    case "card.tag":
      return { ...card, caseId: op.caseId, updatedSeq: seq };
    case "card.month":
      return { ...card, month: op.month, updatedSeq: seq };
    case "card.solution":
      return { ...card, isSolution: op.isSolution, updatedSeq: seq };
    case "card.cluster":
      return { ...card, clusterId: op.clusterId, updatedSeq: seq };
  }
}

function withoutTarget(votes: BoardMeta["votes"], targetId: string): BoardMeta["votes"] {
  const result: BoardMeta["votes"] = {};
  for (const [userId, dots] of Object.entries(votes)) result[userId] = withoutKey(dots, targetId);
  return result;
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** Dots a person has placed in total; the server keeps it within the conference's budget. */
export function dotsPlacedBy(meta: BoardMeta, userId: string, exceptTargetId?: string): number {
  return Object.entries(meta.votes[userId] ?? {}).reduce((sum, [targetId, dots]) => (targetId === exceptTargetId ? sum : sum + dots), 0);
}

/** Dots per target, summed over everyone. */
export function dotTotals(meta: BoardMeta): Map<string, number> {
  const totals = new Map<string, number>();
  for (const dots of Object.values(meta.votes))
    for (const [targetId, n] of Object.entries(dots)) totals.set(targetId, (totals.get(targetId) ?? 0) + n);
  return totals;
}

/**
 * A cluster whose cards come from two or more different cases is a candidate for a generative
 * theme: the problem recurs beyond one person's situation.
 */
export function clusterCaseCounts(cards: Iterable<BoardCard>): Map<string, number> {
  const casesPerCluster = new Map<string, Set<string>>();
  for (const card of cards) {
    if (!card.clusterId || !card.caseId) continue;
    const set = casesPerCluster.get(card.clusterId) ?? new Set<string>();
    set.add(card.caseId);
    casesPerCluster.set(card.clusterId, set);
  }
  return new Map([...casesPerCluster].map(([id, set]) => [id, set.size]));
}

export function sortByOrderKey<T extends { orderKey: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
}
