import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, updatedAt } from './columns'
import { organisations } from './organisations'

/** Roles beyond `volunteer`, which every confirmed account has. */
export const staffRoles = ['admin', 'coordinator'] as const
export type StaffRole = (typeof staffRoles)[number]
export const memberRoles = ['owner', 'editor'] as const
export type MemberRole = (typeof memberRoles)[number]
export const tokenKinds = ['confirm', 'reset', 'email-change', 'invitation'] as const
export type TokenKind = (typeof tokenKinds)[number]

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Lower-cased; unique among accounts. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** The UI locale for the site and every e-mail to this person. */
    locale: text('locale').notNull(),
    /** Null until the address is confirmed; unconfirmed accounts expire. */
    confirmedAt: text('confirmed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('users_email_idx').on(table.email)],
)

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: staffRoles }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.role] }),
    check('user_roles_role_check', sql`${table.role} in ('admin', 'coordinator')`),
  ],
)

/** Sessions in the Lucia design: only the SHA-256 of the cookie's token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    /** Hex SHA-256 of the token. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A coarse label ("Firefox on Android"), never the full user agent. */
    device: text('device').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** Sliding idle expiry, renewed when half spent. */
    expiresAt: text('expires_at').notNull(),
    /** The absolute end, never extended. */
    endsAt: text('ends_at').notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
)

/** Single-use links sent by e-mail: confirmation, reset, e-mail change, invitation. Hashed like sessions. */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: tokenKinds }).notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Where the link went: the new address of an e-mail change, the invitee's address. */
    email: text('email').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    memberRole: text('member_role', { enum: memberRoles }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: createdAt(),
  },
  (table) => [
    index('account_tokens_user_idx').on(table.userId),
    index('account_tokens_email_idx').on(table.email),
    check('account_tokens_kind_check', sql`${table.kind} in ('confirm', 'reset', 'email-change', 'invitation')`),
  ],
)

export const organisationMembers = sqliteTable(
  'organisation_members',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: memberRoles }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.organisationId, table.userId] }),
    index('organisation_members_user_idx').on(table.userId),
    check('organisation_members_role_check', sql`${table.role} in ('owner', 'editor')`),
  ],
)

/** Append-only: who did what, when and why. A deleted person's entries keep no trace of them. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The command, e.g. `account.signUp`, `organisation.invite`. */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    reason: text('reason'),
  },
  (table) => [index('audit_log_subject_idx').on(table.subjectType, table.subjectId), index('audit_log_actor_idx').on(table.actorId)],
)

/**
 * E-mails written in the transaction of the change that causes them; the relay renders
 * and sends them, then deletes the row (the address is personal data).
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: text('created_at').notNull(),
    to: text('to').notNull(),
    /** Present when the recipient has an account: deleted with it. */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
  },
  (table) => [index('mail_outbox_next_idx').on(table.nextAttemptAt)],
)
