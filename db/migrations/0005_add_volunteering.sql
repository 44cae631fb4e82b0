CREATE TABLE `announcement_recipients` (
	`announcement_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`read_at` text,
	PRIMARY KEY(`announcement_id`, `user_id`),
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `announcement_recipients_user_idx` ON `announcement_recipients` (`user_id`);--> statement-breakpoint
CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sender_id` text,
	`groups` text NOT NULL,
	`source_locale` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`sent_at` text NOT NULL,
	FOREIGN KEY (`sender_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `feed_tokens` (
	`user_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feed_tokens_token_hash_unique` ON `feed_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "group_members_role_check" CHECK("group_members"."role" in ('lead', 'member')),
	CONSTRAINT "group_members_state_check" CHECK("group_members"."state" in ('requested', 'active'))
);
--> statement-breakpoint
CREATE INDEX `group_members_user_idx` ON `group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `group_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` text NOT NULL,
	`date` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`capacity` integer,
	`minimum` integer,
	`extra` integer DEFAULT false NOT NULL,
	`cancelled_at` text,
	`cancel_reason` text,
	`understaffed_notice_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_sessions_group_date_idx` ON `group_sessions` (`group_id`,`date`);--> statement-breakpoint
CREATE TABLE `session_signups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`state` text NOT NULL,
	`queued_at` text NOT NULL,
	`offered_until` text,
	`token_hash` text NOT NULL,
	`reminder_sent_at` text,
	`attendance` text,
	FOREIGN KEY (`session_id`) REFERENCES `group_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "session_signups_state_check" CHECK("session_signups"."state" in ('confirmed', 'waiting', 'offered', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_signups_session_user_idx` ON `session_signups` (`session_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `session_signups_token_idx` ON `session_signups` (`token_hash`);--> statement-breakpoint
CREATE INDEX `session_signups_user_idx` ON `session_signups` (`user_id`);--> statement-breakpoint
ALTER TABLE `working_groups` ADD `minimum` integer;--> statement-breakpoint
ALTER TABLE `working_groups` ADD `successors` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `volunteer_profiles` ADD `availability` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `volunteer_profiles` ADD `reminders` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `volunteer_profiles` ADD `mail_frequency` text DEFAULT 'each' NOT NULL;