-- The Meilisearch outbox (search/meilisearch/outbox.ts). Hand-written like the index it
-- follows: triggers on search_documents enqueue every change in the same transaction as the
-- change itself, so no write path can forget Meilisearch and no commit can lose an entry.
-- They fire only while `search.outbox` is set in settings (MEILI_URL configured).
CREATE TABLE `search_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`op` text NOT NULL CHECK (`op` in ('upsert', 'delete')),
	`created_at` text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	`attempts` integer NOT NULL DEFAULT 0,
	`next_attempt_at` integer NOT NULL DEFAULT 0,
	`last_error` text,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `search_outbox_pending_idx` ON `search_outbox` (`delivered_at`, `next_attempt_at`, `id`);
--> statement-breakpoint
CREATE TRIGGER `search_outbox_on_insert` AFTER INSERT ON `search_documents`
WHEN EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'search.outbox')
BEGIN
	INSERT INTO `search_outbox` (`kind`, `ref_id`, `op`) VALUES (new.`kind`, new.`ref_id`, 'upsert');
END;
--> statement-breakpoint
CREATE TRIGGER `search_outbox_on_update` AFTER UPDATE ON `search_documents`
WHEN EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'search.outbox')
BEGIN
	INSERT INTO `search_outbox` (`kind`, `ref_id`, `op`) VALUES (new.`kind`, new.`ref_id`, 'upsert');
END;
--> statement-breakpoint
CREATE TRIGGER `search_outbox_on_delete` AFTER DELETE ON `search_documents`
WHEN EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'search.outbox')
BEGIN
	INSERT INTO `search_outbox` (`kind`, `ref_id`, `op`) VALUES (old.`kind`, old.`ref_id`, 'delete');
END;
