import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, localized, stringList, updatedAt } from './columns'
import { districts } from './taxonomy'

export const groupKinds = ['arbeitskreis', 'begegnungscafe'] as const
export const frequencies = ['weekly', 'biweekly', 'monthly'] as const
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const groupStates = ['active', 'closed'] as const

export type Weekday = (typeof weekdays)[number]
export type Schedule = {
  frequency: (typeof frequencies)[number]
  weekday: Weekday
  /** Monthly only: the nth weekday of the month, -1 for the last. */
  week?: 1 | 2 | 3 | 4 | -1
  start: string
  end: string
  /** The anchor: first meeting on or after this date; biweekly counts from it. */
  from: string
  except: string[]
}

export const workingGroups = sqliteTable(
  'working_groups',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: groupKinds }).notNull(),
    name: localized('name').notNull(),
    description: localized('description').notNull(),
    districtId: text('district_id').references(() => districts.id),
    place: text('place'),
    schedule: text('schedule', { mode: 'json' }).$type<Schedule>(),
    languages: stringList('languages').notNull(),
    capacity: integer('capacity'),
    /** Open groups take anyone; the others need a coordinator's approval. */
    open: integer('open', { mode: 'boolean' }).notNull().default(true),
    /** Closed groups stay reachable by URL as history but leave every list. */
    state: text('state', { enum: groupStates }).notNull().default('active'),
    /** Leads are warned when a session 48 hours ahead has fewer sign-ups. */
    minimum: integer('minimum'),
    /** Where members of a closed group are invited to move. */
    successors: stringList('successors').notNull().default(sql`'[]'`),
    /** Sign-up needs a valid check before work with children (§ 72a SGB VIII). */
    requiresCheck: integer('requires_check', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('working_groups_district_idx').on(table.districtId),
    check('working_groups_kind_check', sql`${table.kind} in ('arbeitskreis', 'begegnungscafe')`),
  ],
)
