import type { CSSProperties } from "react";
import { cardAbilities } from "@/server/conferences/policy";
import type { BoardCard, BoardOperation, CardAbilities } from "@/server/schemas/board";
import type { ConferenceType, ParticipantRole, PhaseDefinition } from "@/server/schemas/conference-kinds";
import { type BoardConnection } from "./use-board";

export interface BoardParticipant {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: ParticipantRole;
}

export interface BoardCase {
  caseId: string;
  pseudonym: string;
  released: boolean;
}

export interface BoardProps {
  conferenceId: string;
  type: ConferenceType;
  selfId: string;
  isModerator: boolean;
  phases: PhaseDefinition[];
  voteBudget: number;
  participants: BoardParticipant[];
  cases: BoardCase[];
  /** The projector view: large, read-only, follows the moderator. */
  projector?: boolean;
  onResync?: () => void;
}

/**
 * What a single card needs, and nothing that changes with every operation: one object for all
 * cards that stays the same between operations, so a card renders again only when it changed.
 */
export interface CardView {
  selfId: string;
  isModerator: boolean;
  type: ConferenceType;
  cases: BoardCase[];
  readOnly: boolean;
  anonymous: boolean;
  nameOf: (userId: string) => string;
  submit: (op: BoardOperation) => void;
  notifyTyping: () => void;
  reportError: (message: string) => void;
}

/** What every part of the board needs: the connection, the meeting's facts and who is looking. */
export interface BoardView extends BoardProps, CardView {
  connection: BoardConnection;
  /** The same facts as one stable object, for the cards. */
  cardView: CardView;
}

const noReleasedCases: ReadonlySet<string> = new Set();

/**
 * What the viewer may do with a card. Where it differs by more than authorship (a case's card, a
 * hidden card) the server sends it with the card; for every other card the browser asks the same
 * policy the server enforces, so a card broadcast to the whole room needs no copy per person.
 */
export function abilitiesOn(view: Pick<CardView, "selfId" | "isModerator">, card: BoardCard): CardAbilities {
  return card.abilities ?? cardAbilities({ userId: view.selfId, moderates: view.isModerator, releasedCaseIds: noReleasedCases }, card);
}

const authorColourCount = 8;

/**
 * Each author's cards share a sticky-note colour, so the room sees whose cards belong together;
 * the author's name is on the card too, so colour is never the only sign. While writing is
 * anonymous every card is plain.
 */
export function authorColourOf(view: Pick<CardView, "anonymous">, card: BoardCard): number | undefined {
  if (view.anonymous || !card.authorUserId) return undefined;
  let hash = 0;
  for (const char of card.authorUserId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % authorColourCount;
}

/** A lane's share of the beamer's width grows with its cards, so a full lane gets more columns. */
export function laneWeight(cardCount: number): CSSProperties {
  return { "--lane-weight": Math.max(1, cardCount) } as CSSProperties;
}
