import type { Role } from "../schemas/roles";

/**
 * Which roles grant which permission: the whole role model as data. Resource scope (tenant,
 * Kommune, body) is checked by the policy functions in `policy.ts`.
 */
export const permissions = {
  "profile.read": ["admin", "coordinator", "case_manager", "cm_spokesperson", "body_member", "network_actor", "consent_override"],
  "presence.join": ["admin", "coordinator", "case_manager", "cm_spokesperson", "body_member", "network_actor"],
  "tenancy.read": ["admin", "coordinator", "case_manager", "cm_spokesperson", "body_member", "network_actor"],
  "tenancy.manage": ["admin"],
  "bodies.read": ["admin", "coordinator", "cm_spokesperson", "body_member"],
  "bodies.manage": ["admin"],
  "users.read": ["admin", "coordinator"],
  "users.manage": ["admin"],
  "audit.read": ["admin", "coordinator"],
  "cases.view": ["coordinator", "case_manager"],
  /** Work one's own cases: the responsible case manager (checked per case in server/cases/policy.ts). */
  "cases.work": ["case_manager"],
  /** Pseudonymised oversight: case lists without identities, caseload, waiting list, transfers, reports. */
  "cases.coordinate": ["coordinator"],
  "offers.read": ["coordinator", "case_manager"],
  "offers.manage": ["coordinator", "case_manager"],
  "gaps.read": ["coordinator"],
  /** Break-glass referral without consent; granted separately from the case manager role. */
  "cases.consent_override": ["consent_override"],
  "conferences.view": ["coordinator", "case_manager", "cm_spokesperson", "network_actor"],
  /** Plan conferences: type, date, participants, cases (the coordination and case managers). */
  "conferences.plan": ["coordinator", "case_manager"],
  /** Work on a board; checked per conference against its participant list. */
  "conferences.take_part": ["coordinator", "case_manager", "cm_spokesperson", "network_actor"],
  /** Edit the tenant's Ablaufplan templates for the conference types. */
  "conferences.templates": ["coordinator"],
  "themes.view": ["coordinator", "case_manager", "cm_spokesperson", "body_member"],
  "offers.view": ["coordinator", "case_manager"],
  "reports.view": ["coordinator", "case_manager"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export const allPermissions = Object.keys(permissions) as Permission[];

export function rolesGranting(permission: Permission): readonly Role[] {
  return permissions[permission];
}
