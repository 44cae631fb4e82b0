-- The embedded search engine's index (search/embedded). Hand-written: drizzle-kit does not
-- know FTS5 and must not touch these tables (drizzle.config.ts tablesFilter).
-- Texts are normalised in TypeScript (search/normalize.ts) before FTS5 sees them, so the
-- tokenizer folds nothing itself. No prefix indexes: prefixes are expanded from the
-- vocabulary (search/embedded/vocabulary.ts), never with `term*`; positions are not kept
-- (detail = column): proximity and word position are measured on the stored text.
CREATE TABLE `search_documents` (
	`rowid` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`date` text NOT NULL,
	`document` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_ref_idx` ON `search_documents` (`kind`, `ref_id`);
--> statement-breakpoint
CREATE TABLE `search_facets` (
	`doc` integer NOT NULL REFERENCES `search_documents`(`rowid`) ON DELETE CASCADE,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY (`facet`, `value`, `doc`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `search_facets_doc_idx` ON `search_facets` (`doc`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	`title`, `taxonomy`, `organisation`, `body`,
	tokenize = 'unicode61 remove_diacritics 0',
	detail = column
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_vocab` USING fts5vocab(`search_fts`, 'row');
--> statement-breakpoint
CREATE TABLE `search_misses` (
	`day` text NOT NULL,
	`locale` text NOT NULL,
	`query` text NOT NULL,
	`count` integer NOT NULL DEFAULT 1,
	PRIMARY KEY (`day`, `locale`, `query`)
) WITHOUT ROWID;
