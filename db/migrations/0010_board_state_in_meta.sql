ALTER TABLE "conferences" DROP COLUMN "phase_index";--> statement-breakpoint
ALTER TABLE "conferences" DROP COLUMN "is_locked";