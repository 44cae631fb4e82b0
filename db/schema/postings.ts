import { desc, sql } from 'drizzle-orm'
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, localized, stringList, updatedAt } from './columns'
import { organisations } from './organisations'
import { categories, districts } from './taxonomy'

export const postingTypes = ['offer', 'need'] as const
export const postingStatuses = ['draft', 'published', 'fulfilled', 'expired', 'withdrawn'] as const
export const audiences = ['women', 'families', 'children', 'youth', 'seniors', 'lgbtq', 'disability'] as const
export const contactModes = ['organisation', 'form'] as const
/**
 * Moderation is separate from the editor's status: a coordinator hides, the editor never
 * un-hides. `pending`: published by an organisation not yet verified, waiting in the queue.
 */
export const moderationStates = ['visible', 'hidden', 'pending'] as const
export type ModerationState = (typeof moderationStates)[number]

export type PostingType = (typeof postingTypes)[number]
export type PostingStatus = (typeof postingStatuses)[number]
export type Audience = (typeof audiences)[number]

export const postings = sqliteTable(
  'postings',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type', { enum: postingTypes }).notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
    districtId: text('district_id').references(() => districts.id),
    audiences: stringList('audiences').$type<Audience[]>().notNull(),
    languages: stringList('languages').notNull(),
    title: localized('title').notNull(),
    body: localized('body').notNull(),
    /** ISO dates (Europe/Berlin); null is an open bound. */
    validFrom: text('valid_from'),
    validUntil: text('valid_until'),
    status: text('status', { enum: postingStatuses }).notNull(),
    sourceLocale: text('source_locale').notNull(),
    contactMode: text('contact_mode', { enum: contactModes }).notNull().default('organisation'),
    moderation: text('moderation', { enum: moderationStates }).notNull().default('visible'),
    /** Locales whose text a volunteer wrote (community translations), marked on the page and in search. */
    communityLocales: stringList('community_locales').notNull().default(sql`'[]'`),
    /** When the editors were told the posting expires soon / has expired (each e-mail once per validity). */
    expiryNoticeAt: text('expiry_notice_at'),
    expiredNoticeAt: text('expired_notice_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('postings_visibility_idx').on(table.status, table.validFrom, table.validUntil),
    // Lists walk it newest first and stop after a page; counts read it without the table.
    index('postings_list_idx').on(table.type, table.status, table.moderation, desc(table.createdAt), table.id, table.validFrom, table.validUntil, table.organisationId),
    // The same for one organisation's, category's or district's list (and lookups by each).
    index('postings_organisation_idx').on(table.organisationId, table.status, table.moderation, desc(table.createdAt), table.id, table.validFrom, table.validUntil),
    index('postings_category_idx').on(table.categoryId, table.status, table.moderation, desc(table.createdAt), table.id, table.validFrom, table.validUntil, table.organisationId),
    index('postings_district_idx').on(table.districtId, table.status, table.moderation, desc(table.createdAt), table.id, table.validFrom, table.validUntil, table.organisationId),
    check('postings_type_check', sql`${table.type} in ('offer', 'need')`),
    check(
      'postings_status_check',
      sql`${table.status} in ('draft', 'published', 'fulfilled', 'expired', 'withdrawn')`,
    ),
  ],
)
