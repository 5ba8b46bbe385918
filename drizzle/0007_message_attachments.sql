CREATE TABLE `message_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`preview_width` integer,
	`preview_height` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "message_attachments_kind_check" CHECK("kind" in ('image', 'pdf'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_attachments_message_id_unique` ON `message_attachments` (`message_id`);