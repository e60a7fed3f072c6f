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
  "tenancy.settings_updated",
  "bodies.body_created",
  "users.user_created",
  "users.user_updated",
  "users.user_deactivated",
  "users.user_reactivated",
  "users.roles_changed",
  "users.password_set",
  "cases.case_created",
  "cases.duplicate_person_detected",
  "cases.identity_read",
  "cases.identity_updated",
  "cases.screening_saved",
  "cases.intake_saved",
  "cases.consent_added",
  "cases.consent_revoked",
  "cases.contact_added",
  "cases.interim_review_added",
  "cases.case_closed",
  "cases.summary_saved",
  "cases.summary_rejected",
  "cases.assessment_saved",
  "cases.goals_saved",
  "cases.goals_reviewed",
  "cases.measure_saved",
  "cases.measure_removed",
  "cases.gap_reported",
  "cases.referral_saved",
  "cases.referral_refused",
  "offers.offer_created",
  "offers.offer_updated",
  "offers.offer_deactivated",
  "offers.offer_reactivated",
  "cases.case_transferred",
  "cases.consent_overridden",
  "cases.waiting_list_changed",
  "cases.identity_erased",
  "cases.person_data_exported",
  "cases.invitation_created",
  "cases.invitation_revoked",
  "cases.invitation_used",
  "reports.monthly_submitted",
  "reports.exported",
  "conferences.conference_created",
  "conferences.case_added",
  "conferences.case_removed",
  "conferences.board_operation_refused",
  "conferences.guest_invited",
  "conferences.guest_confirmed",
  "conferences.guest_revoked",
  "conferences.template_saved",
  "conferences.recurrence_recorded",
  "conferences.status_changed",
  "conferences.work_package_created",
  "conferences.work_package_reported",
  "conferences.work_package_link_created",
  "conferences.protocol_generated",
  "conferences.protocol_exported",
  "conferences.formulation_started",
  "conferences.formulation_finalised",
  "bodies.external_member_added",
  "bodies.external_member_removed",
  "sessions.session_planned",
  "sessions.session_updated",
  "sessions.agenda_changed",
  "sessions.invitation_sent",
  "sessions.attendance_recorded",
  "sessions.minutes_approved",
  "sessions.document_exported",
  "sessions.poll_created",
  "sessions.poll_closed",
  "sessions.poll_answered",
  "sessions.poll_answer_rejected",
  "steering.proposal_created",
  "steering.proposal_updated",
  "steering.proposal_submitted",
  "steering.vorlage_created",
  "steering.vorlage_version_saved",
  "steering.vorlage_exported",
  "steering.decision_recorded",
  "steering.follow_up_reported",
  "themes.merged",
  "themes.merge_undone",
  "themes.split",
  "themes.status_changed",
  "themes.urgency_changed",
] as const;

export type AuditAction = (typeof auditActions)[number];

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
