CREATE TYPE "public"."consent_vote" AS ENUM('agree', 'can_live_with', 'object');--> statement-breakpoint
CREATE TYPE "public"."formulation_status" AS ENUM('drafting', 'finalised');--> statement-breakpoint
CREATE TYPE "public"."work_package_status" AS ENUM('open', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."theme_source_kind" AS ENUM('conference', 'reconstruction', 'gap_report', 'cm_report');--> statement-breakpoint
CREATE TYPE "public"."theme_status" AS ENUM('identified', 'reviewed', 'on_agenda', 'assigned', 'proposal_in_work', 'vorlage', 'decided', 'in_implementation', 'implemented', 'closed', 'rejected', 'parked');--> statement-breakpoint
ALTER TYPE "public"."participant_role" ADD VALUE 'guest';--> statement-breakpoint
CREATE TABLE "conference_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_name" text NOT NULL,
	"organisation_name" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"invited_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_phase_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" "conference_type" NOT NULL,
	"phases" jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_protocols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formulation_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"formulation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"vote" "consent_vote" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_document_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"update" "bytea" NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"key" text NOT NULL,
	"state" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_formulations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"document_id" uuid NOT NULL,
	"status" "formulation_status" DEFAULT 'drafting' NOT NULL,
	"final_text" jsonb,
	"theme_id" uuid,
	"finalised_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_package_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_package_id" uuid NOT NULL,
	"status" "work_package_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"author_user_id" uuid,
	"author_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"case_id" uuid,
	"source_card_id" uuid,
	"task" text NOT NULL,
	"responsible_organisation_id" uuid,
	"responsible_user_id" uuid,
	"responsible_person" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"status" "work_package_status" DEFAULT 'open' NOT NULL,
	"tracking_token_hash" text,
	"tracking_token_expires_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" "theme_source_kind" NOT NULL,
	"conference_id" uuid,
	"card_id" uuid,
	"case_id" uuid,
	"kommune_id" uuid,
	"gap_report_id" uuid,
	"excerpt" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"from_status" "theme_status",
	"to_status" "theme_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"description" jsonb NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" jsonb NOT NULL,
	"description_text" text DEFAULT '' NOT NULL,
	"life_areas" text[] DEFAULT '{}' NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"status" "theme_status" DEFAULT 'identified' NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "reconstruction_target" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_guest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "board_cards" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "board_cards" ADD COLUMN "perspective" text;--> statement-breakpoint
ALTER TABLE "board_cards" ADD COLUMN "cluster_id" uuid;--> statement-breakpoint
ALTER TABLE "board_cards" ADD COLUMN "is_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "board_cards" ADD COLUMN "is_solution" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "phases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "board_meta" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "vote_budget" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "previous_conference_id" uuid;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conference_guests" ADD CONSTRAINT "conference_guests_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_guests" ADD CONSTRAINT "conference_guests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_guests" ADD CONSTRAINT "conference_guests_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_phase_templates" ADD CONSTRAINT "conference_phase_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_phase_templates" ADD CONSTRAINT "conference_phase_templates_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_protocols" ADD CONSTRAINT "conference_protocols_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_protocols" ADD CONSTRAINT "conference_protocols_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formulation_consents" ADD CONSTRAINT "formulation_consents_formulation_id_theme_formulations_id_fk" FOREIGN KEY ("formulation_id") REFERENCES "public"."theme_formulations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formulation_consents" ADD CONSTRAINT "formulation_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_document_updates" ADD CONSTRAINT "shared_document_updates_document_id_shared_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."shared_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_document_updates" ADD CONSTRAINT "shared_document_updates_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_documents" ADD CONSTRAINT "shared_documents_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_formulations" ADD CONSTRAINT "theme_formulations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_formulations" ADD CONSTRAINT "theme_formulations_document_id_shared_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."shared_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_formulations" ADD CONSTRAINT "theme_formulations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_updates" ADD CONSTRAINT "work_package_updates_work_package_id_work_packages_id_fk" FOREIGN KEY ("work_package_id") REFERENCES "public"."work_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_package_updates" ADD CONSTRAINT "work_package_updates_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_packages" ADD CONSTRAINT "work_packages_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sources" ADD CONSTRAINT "theme_sources_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sources" ADD CONSTRAINT "theme_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sources" ADD CONSTRAINT "theme_sources_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sources" ADD CONSTRAINT "theme_sources_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sources" ADD CONSTRAINT "theme_sources_kommune_id_kommunen_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommunen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_sources" ADD CONSTRAINT "theme_sources_gap_report_id_gap_reports_id_fk" FOREIGN KEY ("gap_report_id") REFERENCES "public"."gap_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_status_changes" ADD CONSTRAINT "theme_status_changes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_status_changes" ADD CONSTRAINT "theme_status_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_versions" ADD CONSTRAINT "theme_versions_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_versions" ADD CONSTRAINT "theme_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_guests_token_idx" ON "conference_guests" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_guests_user_idx" ON "conference_guests" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_phase_templates_type_idx" ON "conference_phase_templates" USING btree ("tenant_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_protocols_version_idx" ON "conference_protocols" USING btree ("conference_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "formulation_consents_user_idx" ON "formulation_consents" USING btree ("formulation_id","user_id");--> statement-breakpoint
CREATE INDEX "shared_document_updates_document_idx" ON "shared_document_updates" USING btree ("document_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "shared_documents_key_idx" ON "shared_documents" USING btree ("conference_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_formulations_cluster_idx" ON "theme_formulations" USING btree ("conference_id","cluster_id");--> statement-breakpoint
CREATE INDEX "work_package_updates_package_idx" ON "work_package_updates" USING btree ("work_package_id","created_at");--> statement-breakpoint
CREATE INDEX "work_packages_conference_idx" ON "work_packages" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "work_packages_case_idx" ON "work_packages" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_packages_tracking_token_idx" ON "work_packages" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE INDEX "theme_sources_theme_idx" ON "theme_sources" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "theme_sources_case_idx" ON "theme_sources" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "theme_status_changes_theme_idx" ON "theme_status_changes" USING btree ("theme_id","created_at");--> statement-breakpoint
CREATE INDEX "theme_versions_theme_idx" ON "theme_versions" USING btree ("theme_id","version");--> statement-breakpoint
CREATE INDEX "themes_tenant_status_idx" ON "themes" USING btree ("tenant_id","status");--> statement-breakpoint
ALTER TABLE "board_cards" ADD CONSTRAINT "board_cards_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;