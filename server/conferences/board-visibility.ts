import type { Executor } from "@/db";
import type { Actor } from "../auth/policy";
import type { AppliedOperation, BoardCard, ServerOperation } from "../schemas/board";
import { boardContextOf, viewerIn, type BoardViewer } from "./board-context";
import { cardAbilities, mayReadCard } from "./policy";

export type { BoardViewer } from "./board-context";

/** Every participant as a viewer of the board (`boardViewerOf`). */
export async function boardViewers(db: Executor, conferenceId: string): Promise<BoardViewer[]> {
  return [...(await boardContextOf(db, conferenceId)).viewers.values()];
}

/**
 * One participant as a viewer of the board, with the cases on the agenda whose content they may
 * see (`consentGate`: the responsible case manager, a covered organisation, a guest also confirmed
 * by the case manager); nothing released to someone not on the list. The context behind it is
 * checked against the database on every call, so a revocation counts from the next read on.
 */
export async function boardViewerOf(db: Executor, conferenceId: string, viewer: Actor, moderates: boolean): Promise<BoardViewer> {
  return viewerIn(await boardContextOf(db, conferenceId), viewer.userId, moderates);
}

/**
 * A card as one viewer may see it, with what they may do with it: a hidden card (anonymous
 * writing) shows neither text nor author to anyone but its author; a card about a case not
 * released to the viewer, or about a life area their consent leaves out, shows no text.
 */
export function redactCard(card: BoardCard, viewer: BoardViewer): BoardCard {
  let view: BoardCard = { ...card, abilities: cardAbilities(viewer, card) };
  if (card.isHidden && card.authorUserId !== viewer.userId) view = { ...view, text: "", authorUserId: "" };
  // The month of a case card is part of the case's story: withheld with its text.
  if (!mayReadCard(viewer, card)) view = { ...view, text: "", restricted: true, ...(card.month ? { month: null } : {}) };
  return view;
}

/**
 * Whether an operation shows something that differs between viewers: a hidden card (also when it
 * is deleted) or a case's card. Every other card goes to the whole room at once (one send, however many take part), and
 * each browser works out its abilities on it with the same `cardAbilities`.
 */
export function needsRedaction(op: ServerOperation): boolean {
  if ("card" in op) return op.card.isHidden || !!op.card.caseId;
  return op.kind === "cards.reveal" || (op.kind === "card.delete" && !!op.hidden);
}

export function redactOperation(applied: AppliedOperation, viewer: BoardViewer): AppliedOperation {
  const { op } = applied;
  if ("card" in op) {
    const card = redactCard(op.card, viewer);
    // Who wrote a hidden card stays as hidden as its text.
    const actorUserId = op.card.isHidden && op.card.authorUserId !== viewer.userId ? "" : applied.actorUserId;
    return { ...applied, actorUserId, op: { ...op, card } };
  }
  if (op.kind === "cards.reveal") return { ...applied, op: { ...op, cards: op.cards.map((card) => redactCard(card, viewer)) } };
  // Deleting an anonymous card would otherwise name its author (or whoever removed it) to the room.
  if (op.kind === "card.delete" && op.hidden && applied.actorUserId !== viewer.userId) return { ...applied, actorUserId: "" };
  return applied;
}
