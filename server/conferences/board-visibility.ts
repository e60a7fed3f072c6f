import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferenceParticipants, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { organisationsCoveredByConsent } from "../cases/intake";
import type { AppliedOperation, BoardCard, ServerOperation } from "../schemas/board";
import { listAttachedCases } from "./conference-views";

/**
 * For every participant, the cases on the agenda whose content they may see: they are the
 * responsible case manager, or a valid Schweigepflichtentbindung names their organisation. Read
 * from the database each time, so a revocation counts from the next operation on.
 */
export async function releaseMap(db: Executor, conferenceId: string): Promise<Map<string, Set<string>>> {
  const participants = await db
    .select({ userId: users.id, organisationId: users.organisationId })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .where(eq(conferenceParticipants.conferenceId, conferenceId));
  const attached = await listAttachedCases(db, conferenceId);
  const covered = await Promise.all(
    attached.map(async (c) => ({ ...c, organisations: await organisationsCoveredByConsent(db, c.caseId) })),
  );
  const released = new Map<string, Set<string>>();
  for (const person of participants) {
    const ids = covered
      .filter((c) => c.responsibleUserId === person.userId || (!!person.organisationId && c.organisations.has(person.organisationId)))
      .map((c) => c.caseId);
    released.set(person.userId, new Set(ids));
  }
  return released;
}

export async function releasedCaseIds(db: Executor, conferenceId: string, viewer: Actor): Promise<Set<string>> {
  return (await releaseMap(db, conferenceId)).get(viewer.userId) ?? new Set();
}

/**
 * A card as one viewer may see it: a hidden card (anonymous writing) shows neither text nor author
 * to anyone but its author; a card about a case not released to the viewer shows no text.
 */
export function redactCard(card: BoardCard, viewerId: string, released: ReadonlySet<string>): BoardCard {
  let view = card;
  if (card.isHidden && card.authorUserId !== viewerId) view = { ...view, text: "", authorUserId: "" };
  if (card.caseId && !released.has(card.caseId)) view = { ...view, text: "", restricted: true };
  return view;
}

/** Whether an operation shows something that differs between viewers. */
export function needsRedaction(op: ServerOperation): boolean {
  if ("card" in op) return op.card.isHidden || !!op.card.caseId;
  return op.kind === "cards.reveal";
}

export function redactOperation(applied: AppliedOperation, viewerId: string, released: ReadonlySet<string>): AppliedOperation {
  const { op } = applied;
  if ("card" in op) {
    const card = redactCard(op.card, viewerId, released);
    // Who wrote a hidden card stays as hidden as its text.
    const actorUserId = op.card.isHidden && op.card.authorUserId !== viewerId ? "" : applied.actorUserId;
    return { ...applied, actorUserId, op: { ...op, card } };
  }
  if (op.kind === "cards.reveal") return { ...applied, op: { ...op, cards: op.cards.map((card) => redactCard(card, viewerId, released)) } };
  return applied;
}
