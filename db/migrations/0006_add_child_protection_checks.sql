CREATE TABLE `child_protection_checks` (
	`user_id` text PRIMARY KEY NOT NULL,
	`certificate_date` text NOT NULL,
	`conviction` integer NOT NULL,
	`briefing_date` text,
	`valid_until` text NOT NULL,
	`recorded_by` text,
	`recorded_at` text NOT NULL,
	`last_activity` text NOT NULL,
	`lapse_notice_for` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `child_protection_checks_valid_idx` ON `child_protection_checks` (`valid_until`);--> statement-breakpoint
ALTER TABLE `working_groups` ADD `requires_check` integer DEFAULT false NOT NULL;