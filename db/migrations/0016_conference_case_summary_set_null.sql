ALTER TABLE "conference_cases" DROP CONSTRAINT "conference_cases_summary_id_case_summaries_id_fk";
--> statement-breakpoint
ALTER TABLE "conference_cases" ADD CONSTRAINT "conference_cases_summary_id_case_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "public"."case_summaries"("id") ON DELETE set null ON UPDATE no action;