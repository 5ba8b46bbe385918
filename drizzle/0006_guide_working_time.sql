ALTER TABLE `guide_profiles` ADD `work_days` text DEFAULT '[1,2,3,4,5]' NOT NULL;--> statement-breakpoint
ALTER TABLE `guide_profiles` ADD `work_from` text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `guide_profiles` ADD `work_to` text DEFAULT '15:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `guide_profiles` ADD `away_from` text;--> statement-breakpoint
ALTER TABLE `guide_profiles` ADD `away_until` text;--> statement-breakpoint
ALTER TABLE `guide_profiles` ADD `away_text` text;