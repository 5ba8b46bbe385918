CREATE TABLE `kui_deadlines` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`kind` text NOT NULL,
	`started_by` text NOT NULL,
	`started_on` text NOT NULL,
	`due_on` text NOT NULL,
	`met_at` integer,
	`met_by` text,
	`reminded_at` integer,
	`escalated_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`started_by`) REFERENCES `youth_status_history`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`met_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "kui_deadlines_kind_check" CHECK("kind" in ('contact', 'offer')),
	CONSTRAINT "kui_deadlines_dates_check" CHECK("kui_deadlines"."due_on" > "kui_deadlines"."started_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kui_deadlines_start_kind_unique` ON `kui_deadlines` (`started_by`,`kind`);--> statement-breakpoint
CREATE INDEX `kui_deadlines_youth_idx` ON `kui_deadlines` (`youth_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `kui_deadlines_open_idx` ON `kui_deadlines` (`due_on`) WHERE "kui_deadlines"."met_at" is null;