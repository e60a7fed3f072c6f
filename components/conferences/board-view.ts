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
