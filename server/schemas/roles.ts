export const roles = [
  "admin",
  "coordinator",
  "case_manager",
  "cm_spokesperson",
  "body_member",
  "network_actor",
  /** Break-glass: may refer without a Schweigepflichtentbindung, with a reason, always audited. */
  "consent_override",
] as const;

export type Role = (typeof roles)[number];
