import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, localized, stringList } from './columns'
import { users } from './accounts'
import { workingGroups } from './groups'

export const groupRoles = ['lead', 'member'] as const
export type GroupRole = (typeof groupRoles)[number]
/** `requested`: asked to join a group that needs approval; `active`: a member or lead. */
export const membershipStates = ['requested', 'active'] as const

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: groupRoles }).notNull().default('member'),
    state: text('state', { enum: membershipStates }).notNull().default('active'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.groupId, table.userId] }),
    index('group_members_user_idx').on(table.userId),
    check('group_members_role_check', sql`${table.role} in ('lead', 'member')`),
    check('group_members_state_check', sql`${table.state} in ('requested', 'active')`),
  ],
)

/**
 * A meeting of a group on one day (Europe/Berlin wall-clock times). Rows exist only for
 * sessions that need one: with sign-ups, cancelled, moved, or extra dates. The others
 * follow from the group's schedule.
 */
export const groupSessions = sqliteTable(
  'group_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: text('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`. */
    date: text('date').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    /** Null: the group's capacity (null there too: unlimited). */
    capacity: integer('capacity'),
    /** Leads are warned 48 hours ahead when fewer have signed up. */
    minimum: integer('minimum'),
    /** A one-off date outside the schedule. */
    extra: integer('extra', { mode: 'boolean' }).notNull().default(false),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    understaffedNoticeAt: text('understaffed_notice_at'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('group_sessions_group_date_idx').on(table.groupId, table.date)],
)

/**
 * A volunteer's place in a session: `confirmed`, `waiting` (in order of `queuedAt`),
 * `offered` (a freed place, until `offeredUntil`), `cancelled`. Attendance is marked by
 * the leads afterwards.
 */
export const signupStates = ['confirmed', 'waiting', 'offered', 'cancelled'] as const
export const attendanceValues = ['attended', 'excused', 'no_show'] as const

export const sessionSignups = sqliteTable(
  'session_signups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => groupSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state', { enum: signupStates }).notNull(),
    queuedAt: text('queued_at').notNull(),
    offeredUntil: text('offered_until'),
    /** Hex SHA-256 of the one-click link in e-mails (cancel, take an offered place). */
    tokenHash: text('token_hash').notNull(),
    reminderSentAt: text('reminder_sent_at'),
    attendance: text('attendance', { enum: attendanceValues }),
  },
  (table) => [
    uniqueIndex('session_signups_session_user_idx').on(table.sessionId, table.userId),
    uniqueIndex('session_signups_token_idx').on(table.tokenHash),
    index('session_signups_user_idx').on(table.userId),
    check('session_signups_state_check', sql`${table.state} in ('confirmed', 'waiting', 'offered', 'cancelled')`),
  ],
)

/** Written in one locale, translations added by the sender; read per member. */
export const announcements = sqliteTable('announcements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  senderId: text('sender_id').references(() => users.id, { onDelete: 'set null' }),
  /** Group ids, or empty for all volunteers of the list in `recipients`. */
  groups: stringList('groups').notNull(),
  sourceLocale: text('source_locale').notNull(),
  subject: localized('subject').notNull(),
  body: localized('body').notNull(),
  sentAt: text('sent_at').notNull(),
})

export const announcementRecipients = sqliteTable(
  'announcement_recipients',
  {
    announcementId: integer('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: text('read_at'),
  },
  (table) => [primaryKey({ columns: [table.announcementId, table.userId] }), index('announcement_recipients_user_idx').on(table.userId)],
)

/** The secret of a person's calendar feed (`/feeds/me/{token}.ics`); renewing replaces it. */
export const feedTokens = sqliteTable('feed_tokens', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
})

/**
 * The check before work with children (§ 72a SGB VIII, § 44 Abs. 3 AsylG): only that an
 * extended police certificate was seen (a row exists), its date, whether it shows a
 * relevant conviction, and the date of the data-protection briefing. No document is
 * stored. `validUntil` is fixed when recorded (`CHECK_VALIDITY_YEARS` after the
 * certificate's date); the row is deleted three months after `lastActivity`, the last
 * day the person was active in a group that requires the check.
 */
export const childProtectionChecks = sqliteTable(
  'child_protection_checks',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `YYYY-MM-DD`, the date the certificate was issued. */
    certificateDate: text('certificate_date').notNull(),
    conviction: integer('conviction', { mode: 'boolean' }).notNull(),
    briefingDate: text('briefing_date'),
    validUntil: text('valid_until').notNull(),
    recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: text('recorded_at').notNull(),
    /** `YYYY-MM-DD`. */
    lastActivity: text('last_activity').notNull(),
    /** The coordinators were reminded that this `validUntil` comes near. */
    lapseNoticeFor: text('lapse_notice_for'),
  },
  (table) => [index('child_protection_checks_valid_idx').on(table.validUntil)],
)
