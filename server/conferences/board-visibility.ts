import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferenceParticipants, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { organisationsCoveredByConsent } from "../cases/intake";
import type { AppliedOperation, BoardCard, ServerOperation } from "../schemas/board";
import { listAttachedCases } from "./conference-views";
import { cardAbilities, participantModerates } from "./policy";

/** One participant as the board is shown to them: what they may read and whether they moderate. */
export interface BoardViewer {
  userId: string;
  moderates: boolean;
  releasedCaseIds: Set<string>;
}

/**
 * Every participant as a viewer of the board, with the cases on the agenda whose content they may
 * see: they are the responsible case manager, or a valid Schweigepflichtentbindung names their
 * organisation. Read from the database each time, so a revocation counts from the next operation on.
 */
export async function boardViewers(db: Executor, conferenceId: string): Promise<BoardViewer[]> {
  const participants = await db
    .select({ userId: users.id, organisationId: users.organisationId, role: conferenceParticipants.role })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .where(eq(conferenceParticipants.conferenceId, conferenceId));
  const attached = await listAttachedCases(db, conferenceId);
  const covered = await Promise.all(
    attached.map(async (c) => ({ ...c, organisations: await organisationsCoveredByConsent(db, c.caseId) })),
  );
  return participants.map((person) => ({
    userId: person.userId,
    moderates: participantModerates(person.role),
    releasedCaseIds: new Set(
      covered
        .filter((c) => c.responsibleUserId === person.userId || (!!person.organisationId && c.organisations.has(person.organisationId)))
        .map((c) => c.caseId),
    ),
  }));
}

export async function releasedCaseIds(db: Executor, conferenceId: string, viewer: Actor): Promise<Set<string>> {
  return (await boardViewers(db, conferenceId)).find((v) => v.userId === viewer.userId)?.releasedCaseIds ?? new Set();
}

/**
 * A card as one viewer may see it, with what they may do with it: a hidden card (anonymous
 * writing) shows neither text nor author to anyone but its author; a card about a case not
 * released to the viewer shows no text.
 */
export function redactCard(card: BoardCard, viewer: BoardViewer): BoardCard {
  let view: BoardCard = { ...card, abilities: cardAbilities(viewer, card) };
  if (card.isHidden && card.authorUserId !== viewer.userId) view = { ...view, text: "", authorUserId: "" };
  if (card.caseId && !viewer.releasedCaseIds.has(card.caseId)) view = { ...view, text: "", restricted: true };
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
