import { cardAbilities } from "@/server/conferences/policy";
import type { BoardCard, CardAbilities } from "@/server/schemas/board";
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

/** What every part of the board needs: the connection, the meeting's facts and who is looking. */
export interface BoardView extends BoardProps {
  connection: BoardConnection;
  readOnly: boolean;
  nameOf: (userId: string) => string;
}

const noReleasedCases: ReadonlySet<string> = new Set();

/**
 * What the viewer may do with a card. Where it differs by more than authorship (a case's card, a
 * hidden card) the server sends it with the card; for every other card the browser asks the same
 * policy the server enforces, so a card broadcast to the whole room needs no copy per person.
 */
export function abilitiesOn(view: Pick<BoardView, "selfId" | "isModerator">, card: BoardCard): CardAbilities {
  return card.abilities ?? cardAbilities({ userId: view.selfId, moderates: view.isModerator, releasedCaseIds: noReleasedCases }, card);
}
