import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  // FTS5 virtual tables live in hand-written migrations; drizzle-kit must not try to drop them.
  tablesFilter: ['!*_fts*'],
})
