CREATE INDEX `guide_assignments_youth_idx` ON `guide_assignments` (`youth_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `guide_requests_youth_idx` ON `guide_requests` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `consent_records_department_idx` ON `consent_records` (`department`,`youth_id`);--> statement-breakpoint
CREATE INDEX `checkins_low_waiting_idx` ON `checkins` (`answered_at`) WHERE "checkins"."followed_up_at" is null and "checkins"."score" <= 2;