import { can, type Actor } from "../auth/policy";
import type { CardAbilities } from "../schemas/board";
import { scopeCovers, type LifeArea, type LifeAreaScope } from "../schemas/case-kinds";
import type { ConferenceType, ParticipantRole } from "../schemas/conference-kinds";

export type { CardAbilities };

/**
 * What each place on a conference's participant list allows in the meeting itself. Who may be on
 * the list at all is a role question (`conferences.take_part`); moderating is a relation to one
 * conference, so it lives here and nowhere else.
 */
const participantRights: Record<ParticipantRole, { moderate: boolean }> = {
  moderator: { moderate: true },
  participant: { moderate: false },
  guest: { moderate: false },
};

/** Does this place on the list moderate the meeting? */
export function participantModerates(role: ParticipantRole): boolean {
  return participantRights[role].moderate;
}

export interface ConferenceAbilities {
  /** Open the meeting: details, board, notes, formulations, work packages, protocol. */
  takePart: boolean;
  /** Run the meeting: status, phases, timer, lock, any card, formulations, protocol versions. */
  moderate: boolean;
  /** Plan conferences in this one's Kommune (the coordination and case managers). */
  plan: boolean;
  /** Put one's own cases on the agenda: a case manager. */
  attachCases: boolean;
  /** Take any case off the agenda (not only one's own): a moderator who plans. */
  removeAnyCase: boolean;
  /** Invite and revoke external guests: a moderator who plans. */
  inviteGuests: boolean;
  /** See which participants a case's consent does not cover: a planner who moderates or presents a case. */
  seeConsentConflicts: boolean;
  /** Link a cluster to a theme of the registry: a moderator who may read the registry. */
  matchThemes: boolean;
  /** Record work packages: a moderator of a Fallkonferenz. */
  createWorkPackages: boolean;
}

export interface ConferenceRelation {
  conference: { tenantId: string; kommuneId: string | null; type: ConferenceType };
  /** The actor's place on the participant list; null when they are not on it. */
  participation: { role: ParticipantRole } | null;
  /** The actor is the responsible case manager of a case on the agenda. */
  presentsCase?: boolean;
}

/**
 * The abilities of one actor in one conference. Deny by default: not on the list, another tenant,
 * or a role (or a Kommune-scoped grant outside the conference's Kommune) without the permission.
 */
export function conferenceAbilities(
  actor: Actor,
  { conference, participation, presentsCase = false }: ConferenceRelation,
): ConferenceAbilities {
  const scope = { tenantId: conference.tenantId, kommuneId: conference.kommuneId };
  const takePart = !!participation && can(actor, "conferences.take_part", scope);
  const moderate = takePart && participantModerates(participation!.role);
  const plan = can(actor, "conferences.plan", scope);
  return {
    takePart,
    moderate,
    plan,
    attachCases: takePart && can(actor, "cases.work", scope),
    removeAnyCase: moderate && plan,
    inviteGuests: moderate && plan,
    seeConsentConflicts: takePart && plan && (moderate || presentsCase),
    matchThemes: moderate && can(actor, "themes.view", { tenantId: conference.tenantId }),
    createWorkPackages: moderate && conference.type === "fallkonferenz",
  };
}

/**
 * What one participant may do with one card (phase and lock are checked separately): the author
 * and the moderators change and remove it; everyone taking part may move it. A card of a case
 * whose consent does not cover the viewer cannot be touched at all.
 */
export function cardAbilities(
  viewer: CardViewer,
  card: { authorUserId: string; caseId: string | null; lifeArea?: LifeArea | null },
): CardAbilities {
  if (!mayReadCard(viewer, card)) return { edit: false, move: false, delete: false, tag: false };
  const ownsOrModerates = viewer.moderates || (!!card.authorUserId && card.authorUserId === viewer.userId);
  return { edit: ownsOrModerates, move: true, delete: ownsOrModerates, tag: ownsOrModerates };
}

/**
 * A participant as the cards see them. `areaScopes` holds, per released case, the life areas the
 * viewer's consent covers; without it (the browser's own fallback) only the released cases count.
 */
export interface CardViewer {
  userId: string;
  moderates: boolean;
  releasedCaseIds: ReadonlySet<string>;
  areaScopes?: ReadonlyMap<string, LifeAreaScope>;
}

/** Whether the viewer may read a card: any card without a case; a case card only within the consent's life areas. */
export function mayReadCard(
  viewer: Pick<CardViewer, "releasedCaseIds" | "areaScopes">,
  card: { caseId: string | null; lifeArea?: LifeArea | null },
): boolean {
  if (!card.caseId) return true;
  if (!viewer.releasedCaseIds.has(card.caseId)) return false;
  return !card.lifeArea || !viewer.areaScopes || scopeCovers(viewer.areaScopes.get(card.caseId), card.lifeArea);
}

/** Whether a participant may lower someone's raised hand: their own, or anyone's as moderator. */
export function mayLowerHand(viewer: { userId: string; moderates: boolean }, handOf: string): boolean {
  return viewer.moderates || handOf === viewer.userId;
}

/**
 * Whether the actor may confirm (or withdraw) that a conference guest is covered by one agenda
 * case's consent (A6): only the case's responsible case manager, taking part in the conference and
 * working cases in its scope. Moderating or planning the conference gives no such right.
 */
export function mayConfirmGuestsForCase(actor: Actor, relation: ConferenceRelation & { responsibleUserId: string | null }): boolean {
  return conferenceAbilities(actor, relation).attachCases && !!relation.responsibleUserId && relation.responsibleUserId === actor.userId;
}
