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
  /** Counts below the minimum group size k, exactly (A10): the coordination alone; everyone else sees "weniger als k". */
  "counts.exact": ["coordinator"],
  "cases.view": ["coordinator", "case_manager"],
  /** Work one's own cases: the responsible case manager (checked per case in server/cases/policy.ts). */
  "cases.work": ["case_manager"],
  /** Pseudonymised oversight: case lists without identities, caseload, waiting list, transfers, reports. */
  "cases.coordinate": ["coordinator"],
  /** Erase a closed case's identity and free text on the person's request (Art. 17 GDPR); the case stays as a statistics shell. */
  "cases.erase": ["coordinator"],
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
  /** Curate the registry: merge, split, move along the steering path, set urgency (the coordination). */
  "themes.manage": ["coordinator"],
  /** See what stands behind a theme (card wording, case references); body members see aggregates only (A10). */
  "themes.sources": ["coordinator", "case_manager", "cm_spokesperson"],
  "offers.view": ["coordinator", "case_manager"],
  "reports.view": ["coordinator", "case_manager"],
  /** Body sessions: agendas, invitations, attendance, minutes (scoped to the member's body in server/bodies/policy.ts). */
  "sessions.view": ["coordinator", "body_member", "cm_spokesperson"],
  /** Plan sessions, build agendas, record attendance and minutes, manage external members: the coordination. */
  "sessions.manage": ["coordinator"],
  /** Poll the case managers for observations before a working group meets. */
  "polls.manage": ["coordinator"],
  /** Answer a poll with pseudonymised observations on one's own cases. */
  "polls.answer": ["case_manager"],
  /** Coordinate the steering path: every body's proposals, Vorlagen, decisions, assignments, recommendations and follow-up. */
  "steering.coordinate": ["coordinator"],
  /** Work in a body as its member: its sessions, proposals, Vorlagen, decisions, assignments; held per body (a grant scoped to it). */
  "bodies.take_part": ["body_member"],
  /** Draft solution proposals: the coordination, or a member of the working group a theme is assigned to (checked in server/steering/policy.ts). */
  "proposals.draft": ["coordinator", "body_member"],
  /** Read proposals, Vorlagen, decisions and follow-up: the coordination all, body members their body's (server/steering/policy.ts). */
  "decisions.view": ["coordinator", "body_member"],
  /** Turn proposals into Vorlagen and save their versions: the coordination. */
  "vorlagen.manage": ["coordinator"],
  /** Record a body's decision with its assignments and recommendations: the coordination. */
  "decisions.record": ["coordinator"],
  /** Report progress on an assignment (a member of the assigned body) or a recommendation (the coordination). */
  "followups.report": ["coordinator", "body_member"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/**
 * Tenant-wide business: the steering path, bodies and their sessions, the tenant's set-up and its
 * audit log. A grant scoped to one Kommune never holds these (a body member's grant scoped to
 * their body does, for that body); everything else a Kommune-scoped grant holds only for
 * resources of its Kommune.
 */
export const tenantWidePermissions: ReadonlySet<Permission> = new Set<Permission>([
  "tenancy.manage",
  "counts.exact",
  "bodies.read",
  "bodies.manage",
  "users.manage",
  "audit.read",
  "conferences.templates",
  "themes.manage",
  "sessions.view",
  "sessions.manage",
  "polls.manage",
  "steering.coordinate",
  "bodies.take_part",
  "proposals.draft",
  "decisions.view",
  "vorlagen.manage",
  "decisions.record",
  "followups.report",
]);

export const allPermissions = Object.keys(permissions) as Permission[];

export function rolesGranting(permission: Permission): readonly Role[] {
  return permissions[permission];
}
