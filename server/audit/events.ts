/** Every audited action, as a typed union: a new kind of event is added here first. */
export const auditActions = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.sign_in_failed",
  "auth.sign_in_blocked",
  "auth.access_denied",
  "tenancy.kommune_created",
  "tenancy.kommune_updated",
  "tenancy.organisation_created",
  "tenancy.organisation_updated",
  "bodies.body_created",
  "users.user_created",
  "users.user_updated",
  "users.user_deactivated",
  "users.user_reactivated",
  "users.roles_changed",
  "users.password_set",
] as const;

export type AuditAction = (typeof auditActions)[number];

export type AuditTargetType = "user" | "kommune" | "organisation" | "body" | "procedure";

export interface AuditEventInput {
  tenantId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  outcome?: "success" | "failure";
  target?: { type: AuditTargetType; id: string };
  /** Facts about the change: never client identities, never passwords. */
  details?: Record<string, unknown>;
}
