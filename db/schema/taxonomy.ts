import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { createdAt, localized, updatedAt, type LocalizedList } from './columns'

export const districts = sqliteTable('districts', {
  id: text('id').primaryKey(),
  name: localized('name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnySQLiteColumn => categories.id),
    label: localized('label').notNull(),
    synonyms: text('synonyms', { mode: 'json' }).$type<LocalizedList>().notNull(),
    /** Display order, taken from the order of the imported file. */
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('categories_parent_idx').on(table.parentId)],
)
