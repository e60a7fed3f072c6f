import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferenceParticipants, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { AppliedOperation, BoardCard, ServerOperation } from "../schemas/board";
import type { LifeAreaScope } from "../schemas/case-kinds";
import { releaseScopeGate } from "./case-release";
import { listAttachedCases } from "./conference-views";
import { cardAbilities, mayReadCard, participantModerates } from "./policy";

/** One participant as the board is shown to them: what they may read and whether they moderate. */
export interface BoardViewer {
  userId: string;
  moderates: boolean;
  releasedCaseIds: Set<string>;
  /** Per released case, the life areas the viewer's consent covers (`consentScopesOf`). */
  areaScopes: Map<string, LifeAreaScope>;
}

/**
 * Every participant as a viewer of the board, with the cases on the agenda whose content they may
 * see (`consentGate`: the responsible case manager, a covered organisation, a guest also confirmed by
 * the case manager). Read from the database each time, so a revocation counts from the next operation on.
 */
export async function boardViewers(db: Executor, conferenceId: string): Promise<BoardViewer[]> {
  const participants = await db
    .select({ userId: users.id, organisationId: users.organisationId, role: conferenceParticipants.role })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .where(eq(conferenceParticipants.conferenceId, conferenceId));
  const attached = await listAttachedCases(db, conferenceId);
  const gates = await Promise.all(attached.map(async (c) => ({ caseId: c.caseId, scopeOf: await releaseScopeGate(db, conferenceId, c) })));
  return participants.map((person) => {
    const areaScopes = new Map<string, LifeAreaScope>();
    for (const gate of gates) {
      const scope = gate.scopeOf(person);
      if (scope) areaScopes.set(gate.caseId, scope);
    }
    return { userId: person.userId, moderates: participantModerates(person.role), releasedCaseIds: new Set(areaScopes.keys()), areaScopes };
  });
}

/** One participant as a viewer of the board; nothing released to someone not on the list. */
export async function boardViewerOf(db: Executor, conferenceId: string, viewer: Actor, moderates: boolean): Promise<BoardViewer> {
  const found = (await boardViewers(db, conferenceId)).find((v) => v.userId === viewer.userId);
  return {
    userId: viewer.userId,
    moderates,
    releasedCaseIds: found?.releasedCaseIds ?? new Set(),
    areaScopes: found?.areaScopes ?? new Map(),
  };
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
