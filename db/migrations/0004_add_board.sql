CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`posting_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`visitor_name` text NOT NULL,
	`visitor_email` text,
	`visitor_phone` text,
	`visitor_locale` text NOT NULL,
	`visitor_user_id` text,
	`closed` integer DEFAULT false NOT NULL,
	`unread_by_organisation` integer DEFAULT true NOT NULL,
	`unread_by_visitor` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`last_message_at` text NOT NULL,
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_token_idx` ON `conversations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `conversations_organisation_idx` ON `conversations` (`organisation_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `conversations_posting_idx` ON `conversations` (`posting_id`);--> statement-breakpoint
CREATE INDEX `conversations_last_idx` ON `conversations` (`last_message_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` text NOT NULL,
	`author` text NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "messages_author_check" CHECK("messages"."author" in ('visitor', 'organisation'))
);
--> statement-breakpoint
CREATE INDEX `messages_conversation_idx` ON `messages` (`conversation_id`,`at`);--> statement-breakpoint
CREATE TABLE `moderation_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`action` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by` text,
	`decided_at` text NOT NULL,
	`appeal` text,
	`appealed_by` text,
	`appealed_at` text,
	`appeal_resolved_at` text,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`appealed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `moderation_decisions_subject_idx` ON `moderation_decisions` (`subject_type`,`subject_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `moderation_decisions_appeal_idx` ON `moderation_decisions` (`appealed_at`,`appeal_resolved_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`resolved_at` text,
	CONSTRAINT "reports_reason_check" CHECK("reports"."reason" in ('outdated', 'spam', 'offensive', 'personal_data', 'illegal', 'other'))
);
--> statement-breakpoint
CREATE INDEX `reports_open_idx` ON `reports` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_subject_idx` ON `reports` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `translation_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`posting_id` text NOT NULL,
	`locale` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`requested_by` text,
	`requested_at` text NOT NULL,
	`translator_id` text,
	`title` text,
	`body` text,
	`submitted_at` text,
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`translator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `translation_requests_posting_idx` ON `translation_requests` (`posting_id`,`locale`);--> statement-breakpoint
CREATE INDEX `translation_requests_state_idx` ON `translation_requests` (`state`,`locale`);--> statement-breakpoint
CREATE TABLE `volunteer_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`speaks` text DEFAULT '[]' NOT NULL,
	`writes` text DEFAULT '[]' NOT NULL,
	`skills` text DEFAULT '[]' NOT NULL,
	`districts` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `hours` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `hidden_contact` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `source_locale` text;--> statement-breakpoint
ALTER TABLE `postings` ADD `community_locales` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `postings` ADD `expiry_notice_at` text;--> statement-breakpoint
ALTER TABLE `postings` ADD `expired_notice_at` text;