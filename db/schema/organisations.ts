import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, localized, stringList, updatedAt } from './columns'
import { districts } from './taxonomy'

export const organisationKinds = ['association', 'advisory_centre', 'authority', 'company'] as const
export type OrganisationKind = (typeof organisationKinds)[number]

export type Contact = { email?: string; phone?: string; website?: string }
export type ContactChannel = keyof Contact
export const contactChannels = ['email', 'phone', 'website'] as const

/** Structured opening hours in Europe/Berlin: one entry per opening (several per day allowed). */
export type OpeningHour = { weekday: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'; from: string; to: string }

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    districtId: text('district_id').references(() => districts.id),
    address: text('address'),
    contact: text('contact', { mode: 'json' }).$type<Contact>().notNull(),
    languages: stringList('languages').notNull(),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    openingHours: localized('opening_hours').notNull(),
    description: localized('description').notNull(),
    /** Set by a coordinator; a suspended organisation and its postings disappear from the board. */
    suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
    /** Weekly openings; `openingHours` holds the free note per locale. */
    hours: text('hours', { mode: 'json' }).$type<OpeningHour[]>().notNull().default(sql`'[]'`),
    /** Contact channels the organisation keeps off its public page. */
    hiddenContact: stringList('hidden_contact').$type<ContactChannel[]>().notNull().default(sql`'[]'`),
    /** The language its description was written in (translations are marked against it). */
    sourceLocale: text('source_locale'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('organisations_district_idx').on(table.districtId),
    check('organisations_kind_check', sql`${table.kind} in ('association', 'advisory_centre', 'authority', 'company')`),
  ],
)
