-- What changed in the embedded index since a reader last looked (search/embedded/writer.ts):
-- one row per written or removed document, with the index terms whose document counts it
-- moved; `doc` 0 says everything was rebuilt. A server patches its in-memory catalog and
-- vocabulary from here instead of reloading them (search/embedded/engine.ts). The writer
-- keeps the last 10,000 rows; a reader further behind reloads.
CREATE TABLE `search_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT,
	`doc` integer NOT NULL,
	`terms` text NOT NULL DEFAULT ''
);
