ALTER TABLE `guide_profiles` ADD `current_youth` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `guide_assignments_youth_idx` ON `guide_assignments` (`youth_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `guide_requests_youth_idx` ON `guide_requests` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `consent_records_department_idx` ON `consent_records` (`department`,`youth_id`);--> statement-breakpoint
CREATE INDEX `checkins_low_waiting_idx` ON `checkins` (`answered_at`) WHERE "checkins"."followed_up_at" is null and "checkins"."score" <= 2;--> statement-breakpoint
CREATE TRIGGER guide_loads_assignment_insert AFTER INSERT ON guide_assignments
BEGIN
	UPDATE guide_profiles SET current_youth = (SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = NEW.guide_id AND ga.ended_at IS NULL) WHERE user_id = NEW.guide_id;
END;
--> statement-breakpoint
CREATE TRIGGER guide_loads_assignment_update AFTER UPDATE OF guide_id, ended_at ON guide_assignments
BEGIN
	UPDATE guide_profiles SET current_youth = (SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = NEW.guide_id AND ga.ended_at IS NULL) WHERE user_id = NEW.guide_id;
	UPDATE guide_profiles SET current_youth = (SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = OLD.guide_id AND ga.ended_at IS NULL) WHERE user_id = OLD.guide_id;
END;
--> statement-breakpoint
CREATE TRIGGER guide_loads_assignment_delete AFTER DELETE ON guide_assignments
BEGIN
	UPDATE guide_profiles SET current_youth = (SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = OLD.guide_id AND ga.ended_at IS NULL) WHERE user_id = OLD.guide_id;
END;
--> statement-breakpoint
CREATE TRIGGER guide_loads_profile_insert AFTER INSERT ON guide_profiles
BEGIN
	UPDATE guide_profiles SET current_youth = (SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = NEW.user_id AND ga.ended_at IS NULL) WHERE user_id = NEW.user_id;
END;
--> statement-breakpoint
UPDATE guide_profiles SET current_youth = (SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = guide_profiles.user_id AND ga.ended_at IS NULL);
