CREATE TABLE `linked_sign_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`protocol` text NOT NULL,
	`audience` text NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "linked_sign_ins_protocol_check" CHECK("protocol" in ('saml', 'oidc')),
	CONSTRAINT "linked_sign_ins_audience_check" CHECK("audience" in ('citizen', 'staff'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `linked_sign_ins_subject_unique` ON `linked_sign_ins` (`issuer`,`subject`);--> statement-breakpoint
CREATE INDEX `linked_sign_ins_user_idx` ON `linked_sign_ins` (`user_id`);--> statement-breakpoint
CREATE TABLE `passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`public_key` blob NOT NULL,
	`counter` integer DEFAULT 0 NOT NULL,
	`transports` text,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `passkeys_user_idx` ON `passkeys` (`user_id`);--> statement-breakpoint
CREATE TABLE `pending_links` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`protocol` text NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`label` text NOT NULL,
	`logout_hint` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	CONSTRAINT "pending_links_protocol_check" CHECK("protocol" in ('saml', 'oidc'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pending_links_token_unique` ON `pending_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `pending_links_expires_idx` ON `pending_links` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sign_in_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`audience` text,
	`user_id` text,
	`code_verifier` text,
	`nonce` text,
	`return_to` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sign_in_requests_kind_check" CHECK("kind" in ('saml', 'oidc', 'passkey-register', 'passkey-sign-in')),
	CONSTRAINT "sign_in_requests_audience_check" CHECK("sign_in_requests"."audience" is null or "audience" in ('citizen', 'staff'))
);
--> statement-breakpoint
CREATE INDEX `sign_in_requests_expires_idx` ON `sign_in_requests` (`expires_at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `sign_in_provider` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `logout_hint` text;