import { sql } from 'drizzle-orm'
import { text } from 'drizzle-orm/sqlite-core'

/** Text per BCP 47 language tag: `{ "de": "…", "ar": "…" }`. */
export type LocalizedText = Record<string, string>
export type LocalizedList = Record<string, string[]>

export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)

export const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)

export const localized = (name: string) => text(name, { mode: 'json' }).$type<LocalizedText>()
export const stringList = (name: string) => text(name, { mode: 'json' }).$type<string[]>()
