ALTER TABLE "shared_documents" ALTER COLUMN "conference_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "shared_documents" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "body_external_members" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shared_documents" ADD CONSTRAINT "shared_documents_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shared_documents_session_key_idx" ON "shared_documents" USING btree ("session_id","key");--> statement-breakpoint
ALTER TABLE "body_sessions" DROP COLUMN "minutes_version";--> statement-breakpoint
ALTER TABLE "shared_documents" ADD CONSTRAINT "shared_documents_one_owner" CHECK (num_nonnulls("shared_documents"."conference_id", "shared_documents"."session_id") = 1);