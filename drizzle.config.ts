import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  // The search index (FTS5 virtual tables and their side tables) lives in hand-written
  // migrations owned by search/; drizzle-kit must not try to drop it.
  tablesFilter: ['!search_*'],
})
