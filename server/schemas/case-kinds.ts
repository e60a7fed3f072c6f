/** Choice lists of the case forms (Solingen's Handlungskonzept), shared by database, zod and UI. */

export const lifeAreas = ["legal_status", "education_work", "family", "finances", "health", "migration", "social", "housing"] as const;
export type LifeArea = (typeof lifeAreas)[number];

/** The life areas a recipient may receive of a case: every area, or only those a consent names. */
export type LifeAreaScope = "all" | ReadonlySet<LifeArea>;

/** Whether a scope covers a life area; information tied to no life area needs only some scope. */
export function scopeCovers(scope: LifeAreaScope | undefined | null, lifeArea: LifeArea | null | undefined): boolean {
  if (!scope) return false;
  return scope === "all" || !lifeArea || scope.has(lifeArea);
}

/** One life area's part of a Falldarstellung. */
export interface SummarySection {
  lifeArea: LifeArea;
  text: string;
}

/** The 1-10 scale items of each life area's assessment form. */
export const scaleItems = {
  legal_status: ["residence_situation", "legal_help_use"],
  education_work: ["education", "language", "training_work", "work_help_use"],
  family: ["partnership", "children_participation", "other_family", "family_help_use"],
  finances: ["income", "debts", "financial_help_use"],
  health: ["physical_health", "mental_health", "health_help_use"],
  migration: ["social_participation", "community_ties", "racism_experiences", "migration_help_use"],
  social: ["social_inclusion", "mso_volunteer_contact", "daily_structure"],
  housing: ["housing", "mobility", "communication_access", "housing_help_use"],
} as const satisfies Record<LifeArea, readonly string[]>;

/** Guiding questions answered as free text, per life area. */
export const guidingQuestions = {
  legal_status: ["current_situation"],
  education_work: ["languages", "schooling", "vocational_training", "employment", "integration_measures"],
  family: ["family_situation", "role_in_family", "dependants_support", "children_situation"],
  finances: ["livelihood", "dependants", "debts"],
  health: ["health_problems", "mental_state", "treatments"],
  migration: ["migration_history", "participation", "community", "racism"],
  social: ["social_inclusion", "mso_contacts", "daily_structure"],
  housing: ["housing_situation", "mobility", "communication"],
} as const satisfies Record<LifeArea, readonly string[]>;

export const residenceStatuses = [
  "german",
  "eu_citizen",
  "eu_permanent_residence",
  "settlement_permit",
  "blue_card",
  "residence_permit",
  "visa",
  "fiktionsbescheinigung",
  "aufenthaltsgestattung",
  "duldung_60a",
  "duldung_60b",
  "duldung_60c",
  "duldung_60d",
  "grenzuebertrittsbescheinigung",
  "other",
] as const;

export const caseStatuses = ["screening", "intake", "active", "not_admitted", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const accessChannels = ["walk_in", "screening_referral", "baustein3", "outreach"] as const;

export const screeningVerdicts = ["yes", "no", "more_information"] as const;

export const indicationCriteria = [
  "multidimensional_needs",
  "several_actors",
  "long_term_support",
  "regular_services_insufficient",
  "own_resources_insufficient",
  "mandate_given",
] as const;

export const intakeDecisions = ["admission", "referral_counselling", "crisis_first", "jobcenter_case_management"] as const;

export const consentKinds = ["processing", "confidentiality_release", "counselling_agreement"] as const;

export const attainmentLevels = ["fully", "partly", "hardly", "not_at_all"] as const;

export const situationChanges = ["much_improved", "improved", "stabilised", "stagnating", "worsened", "much_worsened"] as const;

/** Areas rated in the Zwischenstands- and Abschlussbogen (health split, two extra items). */
export const reviewAreas = [
  "housing",
  "family",
  "social",
  "education_work",
  "finances",
  "mental_health",
  "physical_health",
  "legal_status",
  "migration",
  "help_use",
  "mso_volunteer_contact",
] as const;

export const closingTypes = [
  "agreed_no_further_support",
  "agreed_handed_over",
  "moved_away",
  "deported",
  "no_contact_three_months",
  "other",
] as const;

export const contactChannels = ["in_person", "phone", "video", "email", "home_visit", "accompaniment"] as const;
export const contactKinds = ["counselling", "short_referral", "missed_appointment"] as const;

export const referralStatuses = ["planned", "requested", "accepted", "in_progress", "completed", "declined"] as const;
export const cmRoles = ["advocacy", "broker", "gatekeeper", "support"] as const;
export const handoverModes = ["warm_handover", "tandem", "referral"] as const;
