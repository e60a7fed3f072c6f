export const conferenceTypes = ["fallkonferenz", "planungskonferenz", "fallrekonstruktion"] as const;
export type ConferenceType = (typeof conferenceTypes)[number];

export const conferenceStatuses = ["planned", "running", "finished"] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];

/** Guests are external people invited by a personal link; they see only their conference. */
export const participantRoles = ["moderator", "participant", "guest"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/**
 * What the board shows in a phase of the Ablaufplan. The kinds are fixed; a tenant edits titles,
 * order and planned minutes of the phases in its templates.
 */
export const phaseBoards = ["none", "reconstruction", "cards", "clustering", "voting", "formulation", "work_packages", "timeline"] as const;
export type PhaseBoard = (typeof phaseBoards)[number];

export interface PhaseDefinition {
  key: string;
  title: string;
  board: PhaseBoard;
  minutes: number;
}

export const workPackageStatuses = ["open", "in_progress", "done", "dropped"] as const;
export type WorkPackageStatus = (typeof workPackageStatuses)[number];

export const consentVotes = ["agree", "can_live_with", "object"] as const;
export type ConsentVote = (typeof consentVotes)[number];

export const formulationStatuses = ["drafting", "finalised"] as const;
