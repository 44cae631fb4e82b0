import { and, asc, count, eq, gte, inArray, isNull, lt } from 'drizzle-orm'
import { z } from 'zod'
import { formatDate } from '../../locales/dates'
import type { Db } from '../client'
import { addDays, todayInBerlin } from '../dates'
import { limits } from '../exchange/format'
import { assertCan, can, type Actor } from '../permissions'
import { instantInBerlin, isMeetingDay, nextMeetingDays } from '../schedule'
import { districts, groupSessions, sessionSignups, users, workingGroups, type Schedule } from '../schema'
import { slugFor } from '../slug'
import { clockTime, completeSchedule, dayInput, parseGroup, type GroupForm } from './group-form'
import { requiredText } from './form-fields'
import { commit, failure, fieldErrors, type Context, type Effects, type Outcome } from './run'

/** Sign-ups that hold or wait for a place: the people a change of the session concerns. */
export const activeSignups = ['confirmed', 'waiting', 'offered'] as const

/** A group's name in the reader's language, else German (always there). */
export function groupNameIn(name: Record<string, string>, locale: string): string {
  return name[locale] ?? name.de ?? Object.values(name)[0] ?? ''
}

const contentOf = (data: GroupForm) => ({
  kind: data.kind,
  name: data.name as Record<string, string>,
  description: data.description as Record<string, string>,
  place: data.place ?? null,
  districtId: data.district,
  languages: data.languages,
  open: data.open,
  requiresCheck: data.requiresCheck,
  capacity: data.capacity,
  minimum: data.minimum,
})

function unknownDistrict(tx: Db, data: GroupForm): Outcome<never> | null {
  if (data.district && !tx.select({ id: districts.id }).from(districts).where(eq(districts.id, data.district)).get()) return failure('district', 'editor:errors.invalid')
  return null
}

/** A new working group or café (coordinators); its id comes from the German name. */
export function createGroup(context: Context, values: Record<string, string>): Outcome<{ id: string }> {
  assertCan(context.actor, 'group:create:any')
  const parsed = parseGroup(values)
  if (!parsed.ok) return parsed
  const data = parsed.value
  const today = todayInBerlin(context.clock.now())
  return commit(context, (tx, effects) => {
    const unknown = unknownDistrict(tx, data)
    if (unknown) return unknown
    const id = slugFor(data.name.de!, (candidate) => tx.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.id, candidate)).get() !== undefined, 'gruppe')
    const now = context.clock.now().toISOString()
    tx.insert(workingGroups)
      .values({ id, ...contentOf(data), schedule: completeSchedule(data.schedule, null, today), createdAt: now, updatedAt: now })
      .run()
    effects.audit({ action: 'group.create', subjectType: 'group', subjectId: id })
    effects.index({ groups: [id] })
    return { ok: true, value: { id } }
  })
}

/**
 * Changes a group (its leads and coordinators). When the schedule changes, every coming
 * session row the new rule no longer holds is cancelled, never deleted: those signed up
 * are told in their language (with the form's `reason`, when given). Sessions that stay
 * take the new times, and those signed up hear of it.
 */
export function updateGroup(context: Context, id: string, values: Record<string, string>): Outcome<{ cancelled: number }> {
  assertCan(context.actor, 'group:lead:led', { groupId: id })
  const parsed = parseGroup(values)
  if (!parsed.ok) return parsed
  const data = parsed.value
  const today = todayInBerlin(context.clock.now())
  return commit(context, (tx, effects) => {
    const row = tx.select({ schedule: workingGroups.schedule, name: workingGroups.name }).from(workingGroups).where(eq(workingGroups.id, id)).get()
    if (!row) return failure('form', 'editor:errors.notFound')
    const unknown = unknownDistrict(tx, data)
    if (unknown) return unknown
    const schedule = completeSchedule(data.schedule, row.schedule, today)
    const now = context.clock.now().toISOString()
    tx.update(workingGroups)
      .set({ ...contentOf(data), schedule, updatedAt: now })
      .where(eq(workingGroups.id, id))
      .run()
    let cancelled = 0
    if (JSON.stringify(schedule) !== JSON.stringify(row.schedule)) {
      const group = { id, name: data.name as Record<string, string> }
      for (const session of comingRegularSessions(tx, id, today)) {
        if (schedule && isMeetingDay(schedule, session.date)) {
          if (session.start !== schedule.start || session.end !== schedule.end) retime(tx, effects, group, session, schedule)
        } else {
          if (cancelWithNotice(tx, effects, now, group, session, data.reason ?? null) > 0) cancelled++
        }
      }
    }
    effects.audit({ action: 'group.update', subjectType: 'group', subjectId: id })
    effects.index({ groups: [id] })
    return { ok: true, value: { cancelled } }
  })
}

type SessionRow = { id: number; date: string; start: string; end: string }
type GroupRef = { id: string; name: Record<string, string> }

/** Session rows from today on that follow the schedule (not extra dates) and still take place. */
function comingRegularSessions(tx: Db, groupId: string, today: string): SessionRow[] {
  return tx
    .select({ id: groupSessions.id, date: groupSessions.date, start: groupSessions.start, end: groupSessions.end })
    .from(groupSessions)
    .where(and(eq(groupSessions.groupId, groupId), gte(groupSessions.date, today), eq(groupSessions.extra, false), isNull(groupSessions.cancelledAt)))
    .orderBy(asc(groupSessions.date))
    .all()
}

/** Everyone holding or waiting for a place in a session, with the locale their e-mails are in. */
export function signedUpFor(tx: Db, sessionId: number) {
  return tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(sessionSignups)
    .innerJoin(users, eq(users.id, sessionSignups.userId))
    .where(and(eq(sessionSignups.sessionId, sessionId), inArray(sessionSignups.state, activeSignups)))
    .orderBy(asc(sessionSignups.queuedAt), asc(sessionSignups.id))
    .all()
}

/**
 * Cancels a session row and tells everyone signed up, each in their locale: with the
 * reason when there is one, else that the schedule changed. `skip`: people told otherwise
 * (the members of a group that closes). Returns how many were told.
 */
export function cancelWithNotice(tx: Db, effects: Effects, now: string, group: GroupRef, session: SessionRow, reason: string | null, skip: Set<string> = new Set()): number {
  tx.update(groupSessions).set({ cancelledAt: now, cancelReason: reason }).where(eq(groupSessions.id, session.id)).run()
  const people = signedUpFor(tx, session.id).filter((person) => !skip.has(person.id))
  for (const person of people) {
    effects.mail({
      to: person.email,
      userId: person.id,
      locale: person.locale,
      template: reason ? 'lead.sessionCancelled' : 'lead.sessionDropped',
      params: { name: person.name, group: groupNameIn(group.name, person.locale), date: formatDate(session.date, person.locale), time: `${session.start}–${session.end}`, reason: reason ?? '', path: `/${person.locale}/groups/${group.id}/sessions/${session.date}` },
    })
  }
  effects.audit({ action: 'group.cancelSession', subjectType: 'group', subjectId: group.id, reason: reason ? `${session.date}: ${reason}` : session.date })
  return people.length
}

function retime(tx: Db, effects: Effects, group: GroupRef, session: SessionRow, schedule: Schedule) {
  tx.update(groupSessions).set({ start: schedule.start, end: schedule.end }).where(eq(groupSessions.id, session.id)).run()
  for (const person of signedUpFor(tx, session.id)) {
    effects.mail({
      to: person.email,
      userId: person.id,
      locale: person.locale,
      template: 'lead.sessionTimeChanged',
      params: { name: person.name, group: groupNameIn(group.name, person.locale), date: formatDate(session.date, person.locale), time: `${schedule.start}–${schedule.end}`, path: `/${person.locale}/groups/${group.id}/sessions/${session.date}` },
    })
  }
}

/** The group as its leads edit it; 403 for everyone else. */
export function groupForLead(db: Db, actor: Actor | null, id: string) {
  assertCan(actor, 'group:lead:led', { groupId: id })
  return db.select().from(workingGroups).where(eq(workingGroups.id, id)).get()
}

const cancelInput = z.object({ date: dayInput, reason: requiredText(limits.shortText) })

/**
 * Cancels one meeting (a day of the schedule or an extra date) with a reason: the row is
 * made or kept, and everyone signed up, waiting or offered a place is told in their locale.
 */
export function cancelSession(context: Context, groupId: string, date: string, reason: string): Outcome<{ told: number }> {
  assertCan(context.actor, 'group:lead:led', { groupId })
  const invalid = fieldErrors(cancelInput, { date, reason })
  if (invalid) return invalid
  const data = cancelInput.parse({ date, reason })
  const today = todayInBerlin(context.clock.now())
  if (data.date < today) return failure('date', 'volunteering:lead.errors.past')
  return commit(context, (tx, effects) => {
    const group = tx.select({ id: workingGroups.id, name: workingGroups.name, schedule: workingGroups.schedule }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
    if (!group) return failure('form', 'editor:errors.notFound')
    let session = tx.select().from(groupSessions).where(and(eq(groupSessions.groupId, groupId), eq(groupSessions.date, data.date))).get()
    if (session?.cancelledAt) return failure('date', 'volunteering:lead.errors.alreadyCancelled')
    if (!session) {
      if (!group.schedule || !isMeetingDay(group.schedule, data.date)) return failure('date', 'volunteering:lead.errors.noMeeting')
      session = tx.insert(groupSessions).values({ groupId, date: data.date, start: group.schedule.start, end: group.schedule.end, createdAt: context.clock.now().toISOString() }).returning().get()
    }
    const told = cancelWithNotice(tx, effects, context.clock.now().toISOString(), group, session, data.reason)
    return { ok: true, value: { told } }
  })
}

const extraInput = z.object({ date: dayInput, start: clockTime, end: clockTime }).refine((value) => value.end > value.start, { path: ['end'], error: 'editor:errors.toBeforeFrom' })

/** A one-off meeting outside the schedule. */
export function addExtraDate(context: Context, groupId: string, date: string, start: string, end: string): Outcome<null> {
  assertCan(context.actor, 'group:lead:led', { groupId })
  const invalid = fieldErrors(extraInput, { date, start, end })
  if (invalid) return invalid
  const data = extraInput.parse({ date, start, end })
  if (data.date < todayInBerlin(context.clock.now())) return failure('date', 'volunteering:lead.errors.past')
  return commit(context, (tx, effects) => {
    const group = tx.select({ schedule: workingGroups.schedule, state: workingGroups.state }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
    if (!group) return failure('form', 'editor:errors.notFound')
    if (group.state === 'closed') return failure('form', 'volunteering:lead.errors.closed')
    if (tx.select({ id: groupSessions.id }).from(groupSessions).where(and(eq(groupSessions.groupId, groupId), eq(groupSessions.date, data.date))).get()) return failure('date', 'volunteering:lead.errors.dateTaken')
    if (group.schedule && isMeetingDay(group.schedule, data.date)) return failure('date', 'volunteering:lead.errors.dateTaken')
    tx.insert(groupSessions).values({ groupId, date: data.date, start: data.start, end: data.end, extra: true, createdAt: context.clock.now().toISOString() }).run()
    effects.audit({ action: 'group.addDate', subjectType: 'group', subjectId: groupId, reason: data.date })
    return { ok: true, value: null }
  })
}

export type SessionView = { date: string; start: string; end: string; extra: boolean; cancelled: boolean; reason: string | null; confirmed: number; waiting: number }

/**
 * The next meetings as the leads plan them: the schedule's days and the extra dates from
 * today, cancelled ones included (marked), with how many have signed up and wait.
 */
export function upcomingSessions(db: Db, actor: Actor | null, groupId: string, today: string, meetings = 8): SessionView[] {
  assertCan(actor, 'group:lead:led', { groupId })
  const group = db.select({ schedule: workingGroups.schedule, state: workingGroups.state }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
  if (!group || group.state === 'closed') return []
  const days = group.schedule ? nextMeetingDays(group.schedule, today, meetings) : []
  const last = days.at(-1)
  const rows = db
    .select()
    .from(groupSessions)
    .where(and(eq(groupSessions.groupId, groupId), gte(groupSessions.date, today)))
    .orderBy(asc(groupSessions.date))
    .all()
    // Rows the schedule no longer holds show only while cancelled (history) or as extra dates.
    .filter((row) => (!last || row.date <= last || row.extra) && (row.extra || row.cancelledAt || days.includes(row.date)))
  const tally = signupCounts(db, rows.map((row) => row.id))
  const byDate = new Map(rows.map((row) => [row.date, row]))
  const dates = [...new Set([...days, ...rows.map((row) => row.date)])].sort()
  return dates.map((date) => {
    const row = byDate.get(date)
    const counts = row ? (tally.get(row.id) ?? {}) : {}
    return {
      date,
      start: row?.start ?? group.schedule!.start,
      end: row?.end ?? group.schedule!.end,
      extra: row?.extra ?? false,
      cancelled: Boolean(row?.cancelledAt),
      reason: row?.cancelReason ?? null,
      confirmed: counts.confirmed ?? 0,
      waiting: (counts.waiting ?? 0) + (counts.offered ?? 0),
    }
  })
}

function signupCounts(db: Db, sessionIds: number[]): Map<number, Record<string, number>> {
  const result = new Map<number, Record<string, number>>()
  if (sessionIds.length === 0) return result
  const rows = db
    .select({ sessionId: sessionSignups.sessionId, state: sessionSignups.state, n: count() })
    .from(sessionSignups)
    .where(inArray(sessionSignups.sessionId, sessionIds))
    .groupBy(sessionSignups.sessionId, sessionSignups.state)
    .all()
  for (const row of rows) result.set(row.sessionId, { ...result.get(row.sessionId), [row.state]: row.n })
  return result
}

/** Sessions that have begun, with the people confirmed for them, for marking attendance (latest first). */
export function pastSessions(db: Db, actor: Actor | null, groupId: string, now: Date, limit = 6) {
  assertCan(actor, 'group:lead:led', { groupId })
  const today = todayInBerlin(now)
  const rows = db
    .select({ id: groupSessions.id, date: groupSessions.date, start: groupSessions.start, end: groupSessions.end })
    .from(groupSessions)
    .where(and(eq(groupSessions.groupId, groupId), lt(groupSessions.date, addDays(today, 1)), isNull(groupSessions.cancelledAt)))
    .all()
    .filter((row) => instantInBerlin(row.date, row.start) <= now)
    .sort((a, b) => b.date.localeCompare(a.date))
  const result = []
  for (const row of rows) {
    const people = db
      .select({ userId: sessionSignups.userId, name: users.name, attendance: sessionSignups.attendance })
      .from(sessionSignups)
      .innerJoin(users, eq(users.id, sessionSignups.userId))
      .where(and(eq(sessionSignups.sessionId, row.id), eq(sessionSignups.state, 'confirmed')))
      .orderBy(asc(users.name))
      .all()
    if (people.length > 0) result.push({ ...row, people })
    if (result.length >= limit) break
  }
  return result
}

/** The groups a person runs: every group for coordinators, the ones they lead for leads. */
export function groupsManagedBy(db: Db, actor: Actor) {
  const all = can(actor, 'group:create:any')
  if (!all && actor.leads.length === 0) return []
  return db
    .select({ id: workingGroups.id, name: workingGroups.name, kind: workingGroups.kind, state: workingGroups.state })
    .from(workingGroups)
    .where(all ? undefined : inArray(workingGroups.id, actor.leads))
    .orderBy(asc(workingGroups.state), asc(workingGroups.kind), asc(workingGroups.id))
    .all()
}
