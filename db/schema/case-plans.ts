import { boolean, date, index, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { attainmentLevels, cmRoles, handoverModes, referralStatuses } from "../../server/schemas/case-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { offers } from "./offers";
import { kommunen, organisations, tenants } from "./tenancy";
import { users } from "./users";
import { lifeArea, cases } from "./cases";

export const attainmentLevel = pgEnum("attainment_level", attainmentLevels);
export const referralStatus = pgEnum("referral_status", referralStatuses);
export const cmRole = pgEnum("cm_role", cmRoles);
export const handoverMode = pgEnum("handover_mode", handoverModes);

export const assessments = pgTable(
  "assessments",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    lifeArea: lifeArea("life_area").notNull(),
    isReassessment: boolean("is_reassessment").notNull(),
    assessedOn: date("assessed_on").notNull(),
    participants: text("participants").notNull().default(""),
    answers: jsonb("answers").$type<Partial<Record<string, string>>>().notNull().default({}),
    resources: text("resources").notNull().default(""),
    wishes: text("wishes").notNull().default(""),
    residenceStatus: text("residence_status"),
    /** Per scale item: the client's rating 1-10 and the case manager's remark. */
    scales: jsonb("scales").$type<Partial<Record<string, { rating: number | null; remark: string }>>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("assessments_case_area_idx").on(t.caseId, t.lifeArea, t.assessedOn)],
);

export const goalAgreements = pgTable("goal_agreements", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  agreedOn: date("agreed_on").notNull(),
  nextReviewOn: date("next_review_on").notNull(),
  participants: text("participants").notNull().default(""),
  isAgreed: boolean("is_agreed").notNull(),
  deviations: text("deviations").notNull().default(""),
  reviewedOn: date("reviewed_on"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export interface GoalStep {
  action: string;
  responsible: string;
  dueOn: string | null;
}

export const goals = pgTable(
  "goals",
  {
    id: id(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => goalAgreements.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    priority: smallint("priority").notNull(),
    lifeArea: lifeArea("life_area"),
    title: text("title").notNull(),
    explanation: text("explanation").notNull().default(""),
    measurable: text("measurable").notNull().default(""),
    dueOn: date("due_on"),
    steps: jsonb("steps").$type<GoalStep[]>().notNull().default([]),
    nextStep: text("next_step").notNull().default(""),
    attainment: attainmentLevel("attainment"),
    attainmentNote: text("attainment_note").notNull().default(""),
  },
  (t) => [uniqueIndex("goals_agreement_priority_idx").on(t.agreementId, t.priority)],
);

export const helpPlanMeasures = pgTable("help_plan_measures", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  goalId: uuid("goal_id").references(() => goals.id, { onDelete: "set null" }),
  offerId: uuid("offer_id").references(() => offers.id),
  providerOrganisationId: uuid("provider_organisation_id").references(() => organisations.id),
  role: text("role").notNull().default(""),
  task: text("task").notNull(),
  responsibility: text("responsibility").notNull().default(""),
  timeframe: text("timeframe").notNull().default(""),
  isMissingOffer: boolean("is_missing_offer").notNull().default(false),
  missingOfferDescription: text("missing_offer_description").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A missing offer, reported to the coordination without anything that identifies the person. */
export const gapReports = pgTable(
  "gap_reports",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    lifeArea: lifeArea("life_area"),
    description: text("description").notNull(),
    measureId: uuid("measure_id").references(() => helpPlanMeasures.id, { onDelete: "set null" }),
    reportedByUserId: uuid("reported_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("gap_reports_tenant_idx").on(t.tenantId, t.createdAt)],
);

export const referrals = pgTable("referrals", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  measureId: uuid("measure_id").references(() => helpPlanMeasures.id, { onDelete: "set null" }),
  status: referralStatus("status").notNull().default("planned"),
  cmRole: cmRole("cm_role").notNull(),
  mode: handoverMode("mode").notNull(),
  referredOn: date("referred_on").notNull(),
  note: text("note").notNull().default(""),
  /** Set when the referral was made without consent under break-glass; the reason is also audited. */
  consentOverrideReason: text("consent_override_reason"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
