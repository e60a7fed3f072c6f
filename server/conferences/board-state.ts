import type { AppliedOperation, BoardCard } from "../schemas/board";

/** Pure replay of operations onto a board, as every client does it; tests compare it with the server. */
export function applyToCards(cards: Map<string, BoardCard>, applied: AppliedOperation): void {
  const { op, seq, actorUserId } = applied;
  if (op.kind === "card.add") cards.set(op.cardId, { id: op.cardId, lane: op.lane, text: op.text, orderKey: op.orderKey, authorUserId: actorUserId, updatedSeq: seq });
  else if (op.kind === "card.delete") cards.delete(op.cardId);
  else {
    const card = cards.get(op.cardId);
    if (!card) return;
    if (op.kind === "card.edit") cards.set(op.cardId, { ...card, text: op.text, updatedSeq: seq });
    else cards.set(op.cardId, { ...card, lane: op.lane, orderKey: op.orderKey, updatedSeq: seq });
  }
}
