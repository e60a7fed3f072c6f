export const roles = [
  "admin",
  "coordinator",
  "case_manager",
  "cm_spokesperson",
  "body_member",
  "network_actor",
] as const;

export type Role = (typeof roles)[number];
