ALTER TABLE "case_summaries" ADD COLUMN "sections" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "board_cards" ADD COLUMN "life_area" "life_area";