CREATE TYPE "public"."access_channel" AS ENUM('walk_in', 'screening_referral', 'baustein3', 'outreach');--> statement-breakpoint
CREATE TYPE "public"."attainment_level" AS ENUM('fully', 'partly', 'hardly', 'not_at_all');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('screening', 'intake', 'active', 'not_admitted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."closing_type" AS ENUM('agreed_no_further_support', 'agreed_handed_over', 'moved_away', 'deported', 'no_contact_three_months', 'other');--> statement-breakpoint
CREATE TYPE "public"."cm_role" AS ENUM('advocacy', 'broker', 'gatekeeper', 'support');--> statement-breakpoint
CREATE TYPE "public"."consent_kind" AS ENUM('processing', 'confidentiality_release', 'counselling_agreement');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('in_person', 'phone', 'video', 'email', 'home_visit', 'accompaniment');--> statement-breakpoint
CREATE TYPE "public"."contact_kind" AS ENUM('counselling', 'short_referral', 'missed_appointment');--> statement-breakpoint
CREATE TYPE "public"."handover_mode" AS ENUM('warm_handover', 'tandem', 'referral');--> statement-breakpoint
CREATE TYPE "public"."intake_decision" AS ENUM('admission', 'referral_counselling', 'crisis_first', 'jobcenter_case_management');--> statement-breakpoint
CREATE TYPE "public"."life_area" AS ENUM('legal_status', 'education_work', 'family', 'finances', 'health', 'migration', 'social', 'housing');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('planned', 'requested', 'accepted', 'in_progress', 'completed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."screening_verdict" AS ENUM('yes', 'no', 'more_information');--> statement-breakpoint
CREATE TYPE "public"."situation_change" AS ENUM('much_improved', 'improved', 'stabilised', 'stagnating', 'worsened', 'much_worsened');--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"provider_organisation_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"life_areas" text[] DEFAULT '{}' NOT NULL,
	"target_group" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"kommune_id" uuid,
	"contact" text DEFAULT '' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"life_area" "life_area" NOT NULL,
	"is_reassessment" boolean NOT NULL,
	"assessed_on" date NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"wishes" text DEFAULT '' NOT NULL,
	"residence_status" text,
	"scales" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_identities" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"key_version" smallint DEFAULT 1 NOT NULL,
	"blind_index" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"kommune_id" uuid,
	"responsible_user_id" uuid,
	"status" "case_status" DEFAULT 'screening' NOT NULL,
	"access_channel" "access_channel" NOT NULL,
	"referring_organisation_id" uuid,
	"opened_on" date NOT NULL,
	"admitted_on" date,
	"closed_on" date,
	"last_contact_on" date,
	"next_review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"closed_on" date NOT NULL,
	"closing_type" "closing_type" NOT NULL,
	"handed_over_to" text DEFAULT '' NOT NULL,
	"other_reason" text DEFAULT '' NOT NULL,
	"situation_change" "situation_change" NOT NULL,
	"attainment_by_area" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cooperation" text DEFAULT '' NOT NULL,
	"suitability" text DEFAULT '' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "consent_kind" NOT NULL,
	"organisation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"life_areas" text[] DEFAULT '{}' NOT NULL,
	"granted_on" date NOT NULL,
	"valid_until" date,
	"scope_note" text DEFAULT '' NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"contact_on" date NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"kind" "contact_kind" DEFAULT 'counselling' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"topic" text NOT NULL,
	"life_areas" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gap_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kommune_id" uuid,
	"life_area" "life_area",
	"description" text NOT NULL,
	"measure_id" uuid,
	"reported_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agreed_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"is_agreed" boolean NOT NULL,
	"deviations" text DEFAULT '' NOT NULL,
	"reviewed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"priority" smallint NOT NULL,
	"life_area" "life_area",
	"title" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"measurable" text DEFAULT '' NOT NULL,
	"due_on" date,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"attainment" "attainment_level",
	"attainment_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"goal_id" uuid,
	"offer_id" uuid,
	"provider_organisation_id" uuid,
	"role" text DEFAULT '' NOT NULL,
	"task" text NOT NULL,
	"responsibility" text DEFAULT '' NOT NULL,
	"timeframe" text DEFAULT '' NOT NULL,
	"is_missing_offer" boolean DEFAULT false NOT NULL,
	"missing_offer_description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"conducted_on" date NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" "intake_decision" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interim_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"situation_change" "situation_change" NOT NULL,
	"attainment_by_area" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cooperation" text DEFAULT '' NOT NULL,
	"suitability" text DEFAULT '' NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure_id" uuid,
	"status" "referral_status" DEFAULT 'planned' NOT NULL,
	"cm_role" "cm_role" NOT NULL,
	"mode" "handover_mode" NOT NULL,
	"referred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"screened_on" date NOT NULL,
	"problems_by_area" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"other_problems" text DEFAULT '' NOT NULL,
	"involved_services" text DEFAULT '' NOT NULL,
	"urgent_concern" text DEFAULT '' NOT NULL,
	"verdict" "screening_verdict" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_kommune_id_kommunen_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommunen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identities" ADD CONSTRAINT "case_identities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identities" ADD CONSTRAINT "case_identities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_summaries" ADD CONSTRAINT "case_summaries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_summaries" ADD CONSTRAINT "case_summaries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_summaries" ADD CONSTRAINT "case_summaries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_kommune_id_kommunen_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommunen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_referring_organisation_id_organisations_id_fk" FOREIGN KEY ("referring_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_reports" ADD CONSTRAINT "gap_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_reports" ADD CONSTRAINT "gap_reports_kommune_id_kommunen_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommunen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_reports" ADD CONSTRAINT "gap_reports_measure_id_help_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."help_plan_measures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_reports" ADD CONSTRAINT "gap_reports_reported_by_user_id_users_id_fk" FOREIGN KEY ("reported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_agreements" ADD CONSTRAINT "goal_agreements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_agreement_id_goal_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."goal_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_plan_measures" ADD CONSTRAINT "help_plan_measures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_plan_measures" ADD CONSTRAINT "help_plan_measures_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_plan_measures" ADD CONSTRAINT "help_plan_measures_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_plan_measures" ADD CONSTRAINT "help_plan_measures_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interim_reviews" ADD CONSTRAINT "interim_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_measure_id_help_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."help_plan_measures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_tenant_idx" ON "offers" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "assessments_case_area_idx" ON "assessments" USING btree ("case_id","life_area","assessed_on");--> statement-breakpoint
CREATE INDEX "case_identities_blind_index_idx" ON "case_identities" USING btree ("tenant_id","blind_index");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_tenant_pseudonym_idx" ON "cases" USING btree ("tenant_id","pseudonym");--> statement-breakpoint
CREATE INDEX "cases_tenant_status_idx" ON "cases" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "cases_responsible_idx" ON "cases" USING btree ("responsible_user_id","status");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "contacts_case_idx" ON "contacts" USING btree ("case_id","contact_on");--> statement-breakpoint
CREATE INDEX "contacts_user_month_idx" ON "contacts" USING btree ("user_id","contact_on");--> statement-breakpoint
CREATE INDEX "gap_reports_tenant_idx" ON "gap_reports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_agreement_priority_idx" ON "goals" USING btree ("agreement_id","priority");