DROP INDEX `postings_organisation_idx`;--> statement-breakpoint
DROP INDEX `postings_category_idx`;--> statement-breakpoint
DROP INDEX `postings_district_idx`;--> statement-breakpoint
CREATE INDEX `postings_organisation_idx` ON `postings` (`organisation_id`,`status`,`moderation`,"created_at" desc,`id`,`valid_from`,`valid_until`);--> statement-breakpoint
CREATE INDEX `postings_category_idx` ON `postings` (`category_id`,`status`,`moderation`,"created_at" desc,`id`,`valid_from`,`valid_until`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `postings_district_idx` ON `postings` (`district_id`,`status`,`moderation`,"created_at" desc,`id`,`valid_from`,`valid_until`,`organisation_id`);