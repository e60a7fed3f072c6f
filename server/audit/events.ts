import type { AuditAction } from "../schemas/audit-kinds";

export type AuditTargetType =
  | "conference"
  | "conference_template"
  | "user"
  | "kommune"
  | "organisation"
  | "body"
  | "procedure"
  | "case"
  | "offer"
  | "screening_invitation"
  | "body_session"
  | "case_poll"
  | "theme";

export interface AuditEventInput {
  tenantId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  outcome?: "success" | "failure";
  target?: { type: AuditTargetType; id: string };
  /** Facts about the change: never client identities, never passwords. */
  details?: Record<string, unknown>;
}
