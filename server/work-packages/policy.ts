import { participantModerates } from "../conferences/policy";
import type { ParticipantRole } from "../schemas/conference-kinds";

/** How the actor relates to one work package; everything the policy decides on. */
export interface WorkPackageRelation {
  /** The actor's role in the conference that agreed the package, null when not on its list. */
  conferenceRole: ParticipantRole | null;
  /** The actor is the responsible case manager of the package's case (and may work cases). */
  isResponsibleCaseManager: boolean;
  /** The actor is named as the responsible person. */
  isResponsibleUser: boolean;
}

export interface WorkPackageAbilities {
  view: boolean;
  report: boolean;
  createTrackingLink: boolean;
}

/**
 * Who may do what with a work package. The conference's participants see it; its moderators, the
 * responsible case manager and the responsible person report progress; a tracking link for the
 * responsible actor is made by a moderator or the responsible case manager. Deny by default.
 */
export function workPackageAbilities(relation: WorkPackageRelation): WorkPackageAbilities {
  const isModerator = !!relation.conferenceRole && participantModerates(relation.conferenceRole);
  return {
    view: relation.conferenceRole !== null || relation.isResponsibleCaseManager || relation.isResponsibleUser,
    report: isModerator || relation.isResponsibleCaseManager || relation.isResponsibleUser,
    createTrackingLink: isModerator || relation.isResponsibleCaseManager,
  };
}
