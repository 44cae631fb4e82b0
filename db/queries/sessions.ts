import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { hashToken } from '../accounts/secrets'
import type { Db } from '../client'
import { addDays } from '../dates'
import { meetingDays, nextMeetingDays } from '../schedule'
import { feedTokens, groupMembers, groupSessions, sessionSignups, users, workingGroups, type Schedule } from '../schema'

/** What a session's list needs of its group. */
export type SessionGroup = { id: string; schedule: Schedule | null; capacity: number | null; state: 'active' | 'closed' }

/** A session as every page, feed and the API show it; `id` is null until a row is needed. */
export type Session = {
  id: number | null
  date: string
  start: string
  end: string
  /** Null: unlimited. */
  capacity: number | null
  /** Confirmed and offered places. */
  taken: number
  confirmed: number
  waiting: number
  cancelled: boolean
  cancelReason: string | null
  extra: boolean
}

type Row = typeof groupSessions.$inferSelect

/** Places held (confirmed, offered) and people waiting, per session row. */
function counts(db: Db, ids: number[]): Map<number, { confirmed: number; offered: number; waiting: number }> {
  const result = new Map<number, { confirmed: number; offered: number; waiting: number }>()
  if (ids.length === 0) return result
  const rows = db
    .select({ sessionId: sessionSignups.sessionId, state: sessionSignups.state, n: sql<number>`count(*)` })
    .from(sessionSignups)
    .where(inArray(sessionSignups.sessionId, ids))
    .groupBy(sessionSignups.sessionId, sessionSignups.state)
    .all()
  for (const row of rows) {
    const entry = result.get(row.sessionId) ?? { confirmed: 0, offered: 0, waiting: 0 }
    if (row.state !== 'cancelled') entry[row.state] = row.n
    result.set(row.sessionId, entry)
  }
  return result
}

function merge(db: Db, group: SessionGroup, days: string[], rows: Row[]): Session[] {
  const byDate = new Map(rows.map((row) => [row.date, row]))
  const held = counts(
    db,
    rows.map((row) => row.id),
  )
  const dates = [...new Set([...days, ...byDate.keys()])].sort()
  return dates.map((date) => {
    const row = byDate.get(date)
    const count = row ? (held.get(row.id) ?? { confirmed: 0, offered: 0, waiting: 0 }) : { confirmed: 0, offered: 0, waiting: 0 }
    return {
      id: row?.id ?? null,
      date,
      start: row?.start ?? group.schedule!.start,
      end: row?.end ?? group.schedule!.end,
      capacity: row?.capacity ?? group.capacity,
      taken: count.confirmed + count.offered,
      confirmed: count.confirmed,
      waiting: count.waiting,
      cancelled: row?.cancelledAt != null,
      cancelReason: row?.cancelReason ?? null,
      extra: row?.extra ?? false,
    }
  })
}

const rowsBetween = (db: Db, groupId: string, from: string, to: string) =>
  db
    .select()
    .from(groupSessions)
    .where(and(eq(groupSessions.groupId, groupId), gte(groupSessions.date, from), lte(groupSessions.date, to)))
    .orderBy(asc(groupSessions.date))
    .all()

/**
 * The sessions of a group from `from` to `to` (inclusive): the schedule's meeting days
 * merged with the rows (extra dates, cancelled ones, those with sign-ups). Cancelled
 * sessions stay in the list, marked. A closed group meets no more: only its rows remain.
 */
export function sessionsOf(db: Db, group: SessionGroup, from: string, to: string): Session[] {
  const days = group.schedule && group.state === 'active' ? meetingDays(group.schedule, from, to) : []
  return merge(db, group, days, rowsBetween(db, group.id, from, to))
}

/** The next `count` sessions on or after `from`, cancelled ones included. */
export function upcomingSessions(db: Db, group: SessionGroup, from: string, count: number): Session[] {
  const days = group.schedule && group.state === 'active' ? nextMeetingDays(group.schedule, from, count) : []
  // The first `count` of rows and days together all lie on or before the last of `count` days.
  const to = days.length === count ? days[days.length - 1] : addDays(from, 366)
  return merge(db, group, days, rowsBetween(db, group.id, from, to)).slice(0, count)
}

/** The session on one day, if the group meets (or met) then. */
export function sessionOn(db: Db, group: SessionGroup, date: string): Session | undefined {
  return sessionsOf(db, group, date, date)[0]
}

export const groupColumns = {
  id: workingGroups.id,
  name: workingGroups.name,
  place: workingGroups.place,
  schedule: workingGroups.schedule,
  capacity: workingGroups.capacity,
  minimum: workingGroups.minimum,
  open: workingGroups.open,
  state: workingGroups.state,
  requiresCheck: workingGroups.requiresCheck,
}

export function groupForSessions(db: Db, id: string) {
  return db.select(groupColumns).from(workingGroups).where(eq(workingGroups.id, id)).get()
}

/** 1 for the first on the waiting list: earlier `queuedAt` first, the row id breaks ties. */
export function waitingPosition(db: Db, sessionId: number, signup: { queuedAt: string; id: number }): number {
  const ahead = db
    .select({ n: sql<number>`count(*)` })
    .from(sessionSignups)
    .where(
      and(
        eq(sessionSignups.sessionId, sessionId),
        eq(sessionSignups.state, 'waiting'),
        sql`(${sessionSignups.queuedAt} < ${signup.queuedAt} or (${sessionSignups.queuedAt} = ${signup.queuedAt} and ${sessionSignups.id} < ${signup.id}))`,
      ),
    )
    .get()
  return (ahead?.n ?? 0) + 1
}

export function membershipOf(db: Db, groupId: string, userId: string) {
  return db
    .select({ role: groupMembers.role, state: groupMembers.state })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .get()
}

export const signupColumns = {
  id: sessionSignups.id,
  sessionId: sessionSignups.sessionId,
  userId: sessionSignups.userId,
  state: sessionSignups.state,
  queuedAt: sessionSignups.queuedAt,
  offeredUntil: sessionSignups.offeredUntil,
  groupId: groupSessions.groupId,
  date: groupSessions.date,
  start: groupSessions.start,
  end: groupSessions.end,
  cancelledAt: groupSessions.cancelledAt,
}

/** A person's place in the session of a group on a day, if they signed up. */
export function signupOf(db: Db, groupId: string, date: string, userId: string) {
  return db
    .select(signupColumns)
    .from(sessionSignups)
    .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
    .where(and(eq(groupSessions.groupId, groupId), eq(groupSessions.date, date), eq(sessionSignups.userId, userId)))
    .get()
}

/** Secrets of one-click links: URL-safe, as `newToken` makes them. */
export const linkTokenPattern = /^[A-Za-z0-9_-]{20,100}$/

/** The sign-up a one-click link from an e-mail stands for. */
export function signupByToken(db: Db, token: string) {
  if (!linkTokenPattern.test(token)) return undefined
  return db
    .select(signupColumns)
    .from(sessionSignups)
    .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
    .where(eq(sessionSignups.tokenHash, hashToken(token)))
    .get()
}

/** A person's sign-ups from `from` on that still hold or wait for a place, soonest first. */
export function signupsOfPerson(db: Db, userId: string, from: string) {
  return db
    .select({ ...signupColumns, groupName: workingGroups.name, place: workingGroups.place })
    .from(sessionSignups)
    .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
    .innerJoin(workingGroups, eq(workingGroups.id, groupSessions.groupId))
    .where(and(eq(sessionSignups.userId, userId), gte(groupSessions.date, from), inArray(sessionSignups.state, ['confirmed', 'waiting', 'offered'])))
    .orderBy(asc(groupSessions.date), asc(groupSessions.start))
    .all()
}

/** The groups a person belongs to or asked to join. */
export function groupsOfPerson(db: Db, userId: string) {
  return db
    .select({ id: workingGroups.id, name: workingGroups.name, kind: workingGroups.kind, role: groupMembers.role, state: groupMembers.state, groupState: workingGroups.state })
    .from(groupMembers)
    .innerJoin(workingGroups, eq(workingGroups.id, groupMembers.groupId))
    .where(eq(groupMembers.userId, userId))
    .orderBy(asc(workingGroups.id))
    .all()
}

/** Whose calendar feed a secret opens, with the language its words are in. */
export function feedOwner(db: Db, token: string) {
  if (!linkTokenPattern.test(token)) return undefined
  return db
    .select({ userId: feedTokens.userId, locale: users.locale, createdAt: feedTokens.createdAt })
    .from(feedTokens)
    .innerJoin(users, eq(users.id, feedTokens.userId))
    .where(eq(feedTokens.tokenHash, hashToken(token)))
    .get()
}

/** When the person's current feed address was made, if they have one. */
export function feedSince(db: Db, userId: string): string | undefined {
  return db.select({ createdAt: feedTokens.createdAt }).from(feedTokens).where(eq(feedTokens.userId, userId)).get()?.createdAt
}
