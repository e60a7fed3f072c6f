ALTER TABLE "work_packages" ADD COLUMN "life_area" "life_area";--> statement-breakpoint
ALTER TABLE "theme_sources" ADD COLUMN "life_area" "life_area";