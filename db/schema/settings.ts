import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { updatedAt } from './columns'

/** Installation-wide values, such as the content locales named by an imported file. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: updatedAt(),
})
