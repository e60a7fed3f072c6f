CREATE TYPE "public"."conference_status" AS ENUM('planned', 'running', 'finished');--> statement-breakpoint
CREATE TYPE "public"."conference_type" AS ENUM('fallkonferenz', 'planungskonferenz', 'fallrekonstruktion');--> statement-breakpoint
CREATE TYPE "public"."participant_role" AS ENUM('moderator', 'participant');--> statement-breakpoint
CREATE TABLE "board_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conference_id" uuid NOT NULL,
	"lane" text NOT NULL,
	"text" text NOT NULL,
	"order_key" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"updated_seq" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conference_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"client_op_id" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"summary_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "participant_role" DEFAULT 'participant' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kommune_id" uuid,
	"type" "conference_type" NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"is_online" boolean DEFAULT false NOT NULL,
	"status" "conference_status" DEFAULT 'planned' NOT NULL,
	"phase_index" integer DEFAULT 0 NOT NULL,
	"is_locked" boolean DEFAULT false NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_cards" ADD CONSTRAINT "board_cards_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_cards" ADD CONSTRAINT "board_cards_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_operations" ADD CONSTRAINT "board_operations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_operations" ADD CONSTRAINT "board_operations_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_cases" ADD CONSTRAINT "conference_cases_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_cases" ADD CONSTRAINT "conference_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_cases" ADD CONSTRAINT "conference_cases_summary_id_case_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "public"."case_summaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participants" ADD CONSTRAINT "conference_participants_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participants" ADD CONSTRAINT "conference_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_kommune_id_kommunen_id_fk" FOREIGN KEY ("kommune_id") REFERENCES "public"."kommunen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_cards_conference_idx" ON "board_cards" USING btree ("conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_operations_seq_idx" ON "board_operations" USING btree ("conference_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "board_operations_client_op_idx" ON "board_operations" USING btree ("conference_id","client_op_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_cases_case_idx" ON "conference_cases" USING btree ("conference_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_participants_user_idx" ON "conference_participants" USING btree ("conference_id","user_id");--> statement-breakpoint
CREATE INDEX "conferences_tenant_scheduled_idx" ON "conferences" USING btree ("tenant_id","scheduled_at");