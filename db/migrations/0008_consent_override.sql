ALTER TYPE "public"."role" ADD VALUE 'consent_override';--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "consent_override_reason" text;