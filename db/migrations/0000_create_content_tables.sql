CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`label` text NOT NULL,
	`synonyms` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`district_id` text,
	`address` text,
	`contact` text NOT NULL,
	`languages` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`opening_hours` text NOT NULL,
	`description` text NOT NULL,
	`suspended` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "organisations_kind_check" CHECK("organisations"."kind" in ('association', 'advisory_centre', 'authority', 'company'))
);
--> statement-breakpoint
CREATE INDEX `organisations_district_idx` ON `organisations` (`district_id`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`type` text NOT NULL,
	`category_id` text NOT NULL,
	`district_id` text,
	`audiences` text NOT NULL,
	`languages` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`valid_from` text,
	`valid_until` text,
	`status` text NOT NULL,
	`source_locale` text NOT NULL,
	`contact_mode` text DEFAULT 'organisation' NOT NULL,
	`moderation` text DEFAULT 'visible' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "postings_type_check" CHECK("postings"."type" in ('offer', 'need')),
	CONSTRAINT "postings_status_check" CHECK("postings"."status" in ('draft', 'published', 'fulfilled', 'expired', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `postings_visibility_idx` ON `postings` (`status`,`valid_from`,`valid_until`);--> statement-breakpoint
CREATE INDEX `postings_organisation_idx` ON `postings` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `postings_category_idx` ON `postings` (`category_id`);--> statement-breakpoint
CREATE INDEX `postings_district_idx` ON `postings` (`district_id`);--> statement-breakpoint
CREATE TABLE `working_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`district_id` text,
	`place` text,
	`schedule` text,
	`languages` text NOT NULL,
	`capacity` integer,
	`open` integer DEFAULT true NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "working_groups_kind_check" CHECK("working_groups"."kind" in ('arbeitskreis', 'begegnungscafe'))
);
--> statement-breakpoint
CREATE INDEX `working_groups_district_idx` ON `working_groups` (`district_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
