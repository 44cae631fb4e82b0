import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, stringList } from './columns'
import { users } from './accounts'
import { organisations } from './organisations'
import { postings } from './postings'

/**
 * An answer to a posting and what follows: the visitor's side is reached by a secret
 * link (only its SHA-256 is stored), the organisation's through its inbox. Deleted
 * `MESSAGE_RETENTION_DAYS` after the last message, or at once when the visitor asks.
 */
export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    /** Hex SHA-256 of the visitor's link token. */
    tokenHash: text('token_hash').notNull(),
    postingId: text('posting_id')
      .notNull()
      .references(() => postings.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** A name or pseudonym, as the visitor gave it. */
    visitorName: text('visitor_name').notNull(),
    visitorEmail: text('visitor_email'),
    visitorPhone: text('visitor_phone'),
    /** The locale the visitor wrote from: every e-mail to them is in it. */
    visitorLocale: text('visitor_locale').notNull(),
    /** Set when a signed-in volunteer answered. */
    visitorUserId: text('visitor_user_id').references(() => users.id, { onDelete: 'set null' }),
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    unreadByOrganisation: integer('unread_by_organisation', { mode: 'boolean' }).notNull().default(true),
    unreadByVisitor: integer('unread_by_visitor', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    lastMessageAt: text('last_message_at').notNull(),
  },
  (table) => [
    uniqueIndex('conversations_token_idx').on(table.tokenHash),
    index('conversations_organisation_idx').on(table.organisationId, table.lastMessageAt),
    index('conversations_posting_idx').on(table.postingId),
    index('conversations_last_idx').on(table.lastMessageAt),
  ],
)

export const messageAuthors = ['visitor', 'organisation'] as const

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    author: text('author', { enum: messageAuthors }).notNull(),
    /** The organisation's member who wrote it; never shown to the visitor. */
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    at: text('at').notNull(),
  },
  (table) => [
    index('messages_conversation_idx').on(table.conversationId, table.at),
    check('messages_author_check', sql`${table.author} in ('visitor', 'organisation')`),
  ],
)

export const reportReasons = ['outdated', 'spam', 'offensive', 'personal_data', 'illegal', 'other'] as const
export type ReportReason = (typeof reportReasons)[number]
export const moderationSubjects = ['posting', 'organisation'] as const
export type ModerationSubject = (typeof moderationSubjects)[number]

/** A notice from anyone (DSA Art. 16); open until a coordinator decides on its item. */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectType: text('subject_type', { enum: moderationSubjects }).notNull(),
    subjectId: text('subject_id').notNull(),
    reason: text('reason', { enum: reportReasons }).notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (table) => [
    index('reports_open_idx').on(table.resolvedAt, table.createdAt),
    index('reports_subject_idx').on(table.subjectType, table.subjectId),
    check('reports_reason_check', sql`${table.reason} in ('outdated', 'spam', 'offensive', 'personal_data', 'illegal', 'other')`),
  ],
)

export const moderationActions = ['verify', 'reject', 'hide', 'restore', 'approve', 'suspend', 'unsuspend', 'dismiss'] as const
export type ModerationAction = (typeof moderationActions)[number]

/**
 * A coordinator's decision with its statement of reasons (DSA Art. 17). The authors may
 * answer it once: the appeal puts the item back in the queue.
 */
export const moderationDecisions = sqliteTable(
  'moderation_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectType: text('subject_type', { enum: moderationSubjects }).notNull(),
    subjectId: text('subject_id').notNull(),
    action: text('action', { enum: moderationActions }).notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: text('decided_at').notNull(),
    appeal: text('appeal'),
    appealedBy: text('appealed_by').references(() => users.id, { onDelete: 'set null' }),
    appealedAt: text('appealed_at'),
    /** Set when a coordinator has decided on the appeal (a later decision on the item). */
    appealResolvedAt: text('appeal_resolved_at'),
  },
  (table) => [
    index('moderation_decisions_subject_idx').on(table.subjectType, table.subjectId, table.decidedAt),
    index('moderation_decisions_appeal_idx').on(table.appealedAt, table.appealResolvedAt),
  ],
)

export const translationStates = ['open', 'submitted', 'approved', 'declined'] as const

/** An editor asks volunteers who write `locale` for a translation; the editor approves it before it shows. */
export const translationRequests = sqliteTable(
  'translation_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postingId: text('posting_id')
      .notNull()
      .references(() => postings.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    state: text('state', { enum: translationStates }).notNull().default('open'),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: text('requested_at').notNull(),
    translatorId: text('translator_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title'),
    body: text('body'),
    submittedAt: text('submitted_at'),
  },
  (table) => [
    index('translation_requests_posting_idx').on(table.postingId, table.locale),
    index('translation_requests_state_idx').on(table.state, table.locale),
  ],
)

/** What a volunteer tells coordinators about themselves; all optional. */
export const volunteerProfiles = sqliteTable('volunteer_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** BCP 47 tags. */
  speaks: stringList('speaks').notNull().default(sql`'[]'`),
  writes: stringList('writes').notNull().default(sql`'[]'`),
  skills: stringList('skills').notNull().default(sql`'[]'`),
  districts: stringList('districts').notNull().default(sql`'[]'`),
  /** Weekday and part of day, e.g. `tue-morning`, `sat-afternoon`, `fri-evening`. */
  availability: stringList('availability').notNull().default(sql`'[]'`),
  /** A reminder the day before each session signed up for. */
  reminders: integer('reminders', { mode: 'boolean' }).notNull().default(true),
  /** How announcements come by e-mail: each, a daily digest, or none (the inbox keeps them). */
  mailFrequency: text('mail_frequency', { enum: ['each', 'daily', 'none'] }).notNull().default('each'),
  createdAt: createdAt(),
})
