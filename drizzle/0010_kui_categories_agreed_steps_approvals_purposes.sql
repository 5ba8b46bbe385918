CREATE TABLE `plan_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`version` integer NOT NULL,
	`approved_by` text NOT NULL,
	`approved_at` integer NOT NULL,
	`content` text NOT NULL,
	`cosign_required` integer NOT NULL,
	`cosigned_by` text,
	`cosigned_at` integer,
	`pdf` blob,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cosigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_approvals_cosign_check" CHECK(("plan_approvals"."cosigned_at" is null) = ("plan_approvals"."cosigned_by" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_approvals_plan_version_unique` ON `plan_approvals` (`plan_id`,`version`);--> statement-breakpoint
CREATE TABLE `step_disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`step_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`answer` text,
	`answered_by` text,
	`answered_at` integer,
	FOREIGN KEY (`step_id`) REFERENCES `plan_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "step_disputes_answer_check" CHECK(("step_disputes"."answered_at" is null and "step_disputes"."answer" is null and "step_disputes"."answered_by" is null) or ("step_disputes"."answered_at" is not null and "step_disputes"."answer" is not null and "step_disputes"."answered_by" is not null))
);
--> statement-breakpoint
CREATE INDEX `step_disputes_step_idx` ON `step_disputes` (`step_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `step_disputes_open_idx` ON `step_disputes` (`step_id`) WHERE "step_disputes"."answered_at" is null;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_youth_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`status` text NOT NULL,
	`programme` text,
	`hours_per_week` integer,
	`detail` text,
	`set_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "youth_status_history_status_check" CHECK("status" in ('primary_school', 'youth_education', 'preparatory', 'work', 'completed_youth_education', 'no_attachment', 'exempt', 'moved_away', 'unknown')),
	CONSTRAINT "youth_status_history_programme_check" CHECK("programme" is null or ("status" = 'youth_education' and "programme" in ('gymnasium', 'eud', 'stu')) or ("status" = 'preparatory' and "programme" in ('fgu', 'grade10'))),
	CONSTRAINT "youth_status_history_hours_check" CHECK("hours_per_week" is null or ("status" = 'work' and "hours_per_week" between 0 and 80))
);
--> statement-breakpoint
-- Every history row is kept; the first version's statuses map to the official categories:
-- 'job' is 'work' (hours not recorded), 'none' is 'no_attachment'. The rest keep their names.
INSERT INTO `__new_youth_status_history`("id", "youth_id", "status", "programme", "hours_per_week", "detail", "set_by", "created_at") SELECT "id", "youth_id", CASE "status" WHEN 'job' THEN 'work' WHEN 'none' THEN 'no_attachment' ELSE "status" END, NULL, NULL, "detail", "set_by", "created_at" FROM `youth_status_history`;--> statement-breakpoint
DROP TABLE `youth_status_history`;--> statement-breakpoint
ALTER TABLE `__new_youth_status_history` RENAME TO `youth_status_history`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `youth_status_history_youth_idx` ON `youth_status_history` (`youth_id`,`created_at`);--> statement-breakpoint
-- The table was made anew, so its triggers keeping caseload_index current are made again (as 0008).
CREATE TRIGGER caseload_index_youth_status_history_insert AFTER INSERT ON youth_status_history
BEGIN
	UPDATE caseload_index SET status = coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = NEW.youth_id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown') WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_youth_status_history_update AFTER UPDATE OF youth_id, status, created_at ON youth_status_history
BEGIN
	UPDATE caseload_index SET status = coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = NEW.youth_id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown') WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_youth_status_history_delete AFTER DELETE ON youth_status_history
BEGIN
	UPDATE caseload_index SET status = coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = OLD.youth_id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown') WHERE youth_id = OLD.youth_id;
END;
--> statement-breakpoint
UPDATE caseload_index SET status = CASE status WHEN 'job' THEN 'work' WHEN 'none' THEN 'no_attachment' ELSE status END WHERE status IN ('job', 'none');--> statement-breakpoint
ALTER TABLE `plan_steps` ADD `agreed_at` integer;--> statement-breakpoint
ALTER TABLE `plan_steps` ADD `agreed_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `access_log` ADD `purpose` text DEFAULT 'unspecified' NOT NULL;