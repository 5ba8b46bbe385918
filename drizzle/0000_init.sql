CREATE TABLE `invites` (
	`id` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`role` text NOT NULL,
	`display_name` text NOT NULL,
	`birth_date` text,
	`link_youth_id` text,
	`custody` integer DEFAULT false NOT NULL,
	`title` text,
	`workplace` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`accepted_user_id` text,
	FOREIGN KEY (`link_youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invites_role_check" CHECK("role" in ('youth', 'parent', 'guide')),
	CONSTRAINT "invites_youth_check" CHECK("invites"."role" <> 'youth' or "invites"."birth_date" is not null),
	CONSTRAINT "invites_parent_check" CHECK("invites"."role" <> 'parent' or "invites"."link_youth_id" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invites_code_hash_unique` ON `invites` (`code_hash`);--> statement-breakpoint
CREATE TABLE `parent_links` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text NOT NULL,
	`youth_id` text NOT NULL,
	`custody` integer DEFAULT false NOT NULL,
	`relation` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parent_links_not_self" CHECK("parent_links"."parent_id" <> "parent_links"."youth_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parent_links_pair_unique` ON `parent_links` (`parent_id`,`youth_id`);--> statement-breakpoint
CREATE INDEX `parent_links_youth_idx` ON `parent_links` (`youth_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`department` text,
	`birth_date` text,
	`password_hash` text,
	`phone` text,
	`email` text,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	CONSTRAINT "users_role_check" CHECK("role" in ('youth', 'parent', 'guide', 'caseworker', 'coordinator')),
	CONSTRAINT "users_department_check" CHECK(("users"."role" = 'caseworker' and "users"."department" is not null) or ("users"."role" <> 'caseworker' and "users"."department" is null)),
	CONSTRAINT "users_department_value_check" CHECK("users"."department" is null or "department" in ('uu', 'jobcenter', 'family', 'fgu', 'ppr', 'addiction')),
	CONSTRAINT "users_birth_date_check" CHECK("users"."birth_date" is null or "users"."birth_date" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "users_youth_birth_date_check" CHECK("users"."role" <> 'youth' or "users"."birth_date" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `guide_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`guide_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`assigned_by` text,
	`request_id` text,
	`override_reason` text,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `guide_requests`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "guide_assignments_period_check" CHECK("guide_assignments"."ended_at" is null or "guide_assignments"."ended_at" >= "guide_assignments"."started_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_assignments_one_active` ON `guide_assignments` (`youth_id`) WHERE "guide_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX `guide_assignments_guide_idx` ON `guide_assignments` (`guide_id`,`ended_at`);--> statement-breakpoint
CREATE TABLE `guide_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`workplace` text,
	`background` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`meeting_places` text DEFAULT '' NOT NULL,
	`availability` text DEFAULT '' NOT NULL,
	`capacity` integer DEFAULT 15 NOT NULL,
	`listed` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "guide_profiles_capacity_check" CHECK("guide_profiles"."capacity" >= 0 and "guide_profiles"."capacity" <= 200)
);
--> statement-breakpoint
CREATE TABLE `guide_request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`guide_id` text,
	`reason` text,
	`override_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `guide_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "guide_request_events_action_check" CHECK("action" in ('sent', 'withdrawn', 'approved', 'invited', 'invite_accepted', 'declined', 'suggested', 'suggestion_accepted', 'suggestion_declined'))
);
--> statement-breakpoint
CREATE INDEX `guide_request_events_request_idx` ON `guide_request_events` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `guide_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`kind` text NOT NULL,
	`guide_id` text,
	`proposed_name` text,
	`proposed_role` text,
	`proposed_workplace` text,
	`proposed_contact` text,
	`reason` text,
	`status` text DEFAULT 'open' NOT NULL,
	`visitation_date` text,
	`decided_by` text,
	`decided_at` integer,
	`decision_reason` text,
	`suggested_guide_id` text,
	`override_reason` text,
	`invite_id` text,
	`seen_by_youth_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invite_id`) REFERENCES `invites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "guide_requests_kind_check" CHECK("kind" in ('pick', 'propose', 'change')),
	CONSTRAINT "guide_requests_status_check" CHECK("status" in ('open', 'withdrawn', 'approved', 'declined', 'suggested', 'suggestion_declined')),
	CONSTRAINT "guide_requests_pick_check" CHECK("guide_requests"."kind" <> 'pick' or "guide_requests"."guide_id" is not null),
	CONSTRAINT "guide_requests_propose_check" CHECK("guide_requests"."kind" <> 'propose' or ("guide_requests"."proposed_name" is not null and "guide_requests"."proposed_contact" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_requests_one_open` ON `guide_requests` (`youth_id`) WHERE "guide_requests"."status" in ('open', 'suggested');--> statement-breakpoint
CREATE INDEX `guide_requests_status_idx` ON `guide_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer DEFAULT 60 NOT NULL,
	`place` text NOT NULL,
	`with_whom` text NOT NULL,
	`bring` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_duration_check" CHECK("meetings"."duration_minutes" between 5 and 600)
);
--> statement-breakpoint
CREATE INDEX `meetings_plan_idx` ON `meetings` (`plan_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `plan_history` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_history_plan_idx` ON `plan_history` (`plan_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `plan_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_department` text,
	`owner_user_id` text,
	`due_date` text,
	`status` text DEFAULT 'todo' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`proposed_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_steps_owner_kind_check" CHECK("owner_kind" in ('youth', 'guide', 'department', 'caseworker')),
	CONSTRAINT "plan_steps_status_check" CHECK("status" in ('proposed', 'todo', 'doing', 'done', 'declined')),
	CONSTRAINT "plan_steps_department_owner_check" CHECK("plan_steps"."owner_kind" not in ('department', 'caseworker') or "plan_steps"."owner_department" is not null)
);
--> statement-breakpoint
CREATE INDEX `plan_steps_plan_idx` ON `plan_steps` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`goal_type` text NOT NULL,
	`goal_text` text NOT NULL,
	`target_date` text,
	`current_situation` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`agreed_version` integer,
	`agreed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plans_goal_type_check" CHECK("goal_type" in ('education', 'job', 'preparatory')),
	CONSTRAINT "plans_version_check" CHECK("plans"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_one_per_youth` ON `plans` (`youth_id`);--> statement-breakpoint
CREATE TABLE `step_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`step_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`step_id`) REFERENCES `plan_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `step_comments_step_idx` ON `step_comments` (`step_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `consent_records` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`action` text NOT NULL,
	`recipient_kind` text NOT NULL,
	`department` text,
	`parent_id` text,
	`data_kinds` text NOT NULL,
	`purpose` text NOT NULL,
	`wording_version` text NOT NULL,
	`wording_text` text NOT NULL,
	`actor_id` text NOT NULL,
	`cosign_of` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cosign_of`) REFERENCES `consent_records`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consent_records_action_check" CHECK("action" in ('give', 'withdraw', 'cosign')),
	CONSTRAINT "consent_records_recipient_check" CHECK(("consent_records"."recipient_kind" = 'department' and "consent_records"."department" is not null and "consent_records"."parent_id" is null) or ("consent_records"."recipient_kind" = 'parent' and "consent_records"."parent_id" is not null and "consent_records"."department" is null)),
	CONSTRAINT "consent_records_cosign_check" CHECK("consent_records"."action" <> 'cosign' or "consent_records"."cosign_of" is not null)
);
--> statement-breakpoint
CREATE INDEX `consent_records_youth_idx` ON `consent_records` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `consent_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`recipient_kind` text NOT NULL,
	`department` text,
	`parent_id` text,
	`message` text DEFAULT '' NOT NULL,
	`requested_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	`answer` text,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_requests_youth_idx` ON `consent_requests` (`youth_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `message_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`thread_id` text NOT NULL,
	`kind` text NOT NULL,
	`message_id` text,
	`user_id` text,
	`seq` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "message_events_kind_check" CHECK("kind" in ('message', 'delivered', 'read')),
	CONSTRAINT "message_events_subject_check" CHECK(("message_events"."kind" = 'message' and "message_events"."message_id" is not null) or ("message_events"."kind" <> 'message' and "message_events"."user_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `message_events_thread_idx` ON `message_events` (`thread_id`,`id`);--> statement-breakpoint
CREATE TABLE `message_reads` (
	`thread_id` text NOT NULL,
	`user_id` text NOT NULL,
	`delivered_seq` integer DEFAULT 0 NOT NULL,
	`read_seq` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`thread_id`, `user_id`),
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `message_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`guide_id` text,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	`last_seq` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guide_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_threads_one_open` ON `message_threads` (`youth_id`) WHERE "message_threads"."closed_at" is null;--> statement-breakpoint
CREATE INDEX `message_threads_youth_idx` ON `message_threads` (`youth_id`);--> statement-breakpoint
CREATE INDEX `message_threads_guide_idx` ON `message_threads` (`guide_id`,`closed_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`sender_id` text NOT NULL,
	`client_id` text NOT NULL,
	`seq` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sender_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "messages_body_check" CHECK(length("messages"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_sender_client_unique` ON `messages` (`sender_id`,`client_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_thread_seq_unique` ON `messages` (`thread_id`,`seq`);--> statement-breakpoint
CREATE TABLE `checkin_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`interval_days` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`stopped_at` integer,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "checkin_schedules_interval_check" CHECK("checkin_schedules"."interval_days" between 1 and 180)
);
--> statement-breakpoint
CREATE INDEX `checkin_schedules_youth_idx` ON `checkin_schedules` (`youth_id`);--> statement-breakpoint
CREATE TABLE `checkins` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`schedule_id` text,
	`due_on` text NOT NULL,
	`answered_at` integer,
	`score` integer,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`schedule_id`) REFERENCES `checkin_schedules`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "checkins_score_check" CHECK("checkins"."score" is null or "checkins"."score" between 1 and 5),
	CONSTRAINT "checkins_answer_check" CHECK(("checkins"."answered_at" is null and "checkins"."score" is null) or ("checkins"."answered_at" is not null and "checkins"."score" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkins_youth_due_unique` ON `checkins` (`youth_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `youth_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`status` text NOT NULL,
	`detail` text,
	`set_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "youth_status_history_status_check" CHECK("status" in ('primary_school', 'youth_education', 'completed_youth_education', 'preparatory', 'job', 'none', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX `youth_status_history_youth_idx` ON `youth_status_history` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `access_log` (
	`id` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`actor_department` text,
	`resource` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_log_youth_idx` ON `access_log` (`youth_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `access_log_created_idx` ON `access_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`locale` text DEFAULT 'da' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "push_subscriptions_locale_check" CHECK("locale" in ('da', 'en'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_unique` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_user_idx` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`municipality_name` text NOT NULL,
	`unit_name` text NOT NULL,
	`unit_phone` text NOT NULL,
	`unit_address` text NOT NULL,
	`unit_email` text,
	`opening_hours` text DEFAULT '' NOT NULL,
	`self_consent_age` integer DEFAULT 15 NOT NULL,
	`visitation_weekday` integer DEFAULT 3 NOT NULL,
	`access_log_retention_days` integer DEFAULT 183 NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "settings_single_row" CHECK("settings"."id" = 1),
	CONSTRAINT "settings_self_consent_age_check" CHECK("settings"."self_consent_age" between 13 and 18),
	CONSTRAINT "settings_visitation_weekday_check" CHECK("settings"."visitation_weekday" between 1 and 7),
	CONSTRAINT "settings_retention_check" CHECK("settings"."access_log_retention_days" between 30 and 3650)
);
--> statement-breakpoint
CREATE TABLE `vapid_keys` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "vapid_keys_single_row" CHECK("vapid_keys"."id" = 1)
);
