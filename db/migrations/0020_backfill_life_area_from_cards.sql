-- Items made before they carried their own life area take it from their card or gap report, where that still exists.
UPDATE "work_packages" SET "life_area" = "board_cards"."life_area"
FROM "board_cards"
WHERE "board_cards"."id" = "work_packages"."source_card_id"
  AND "board_cards"."conference_id" = "work_packages"."conference_id"
  AND "board_cards"."case_id" = "work_packages"."case_id"
  AND "work_packages"."life_area" IS NULL;
--> statement-breakpoint
UPDATE "theme_sources" SET "life_area" = "board_cards"."life_area"
FROM "board_cards"
WHERE "board_cards"."id" = "theme_sources"."card_id"
  AND "board_cards"."case_id" = "theme_sources"."case_id"
  AND "theme_sources"."life_area" IS NULL;
--> statement-breakpoint
UPDATE "theme_sources" SET "life_area" = "gap_reports"."life_area"
FROM "gap_reports"
WHERE "gap_reports"."id" = "theme_sources"."gap_report_id"
  AND "theme_sources"."life_area" IS NULL;
