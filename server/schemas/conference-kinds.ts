export const conferenceTypes = ["fallkonferenz", "planungskonferenz", "fallrekonstruktion"] as const;
export type ConferenceType = (typeof conferenceTypes)[number];

export const conferenceStatuses = ["planned", "running", "finished"] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];

export const participantRoles = ["moderator", "participant"] as const;
