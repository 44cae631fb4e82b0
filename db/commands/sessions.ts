import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { isLocale } from '../../locales'
import { calendar } from '../../locales/dates'
import { hashToken, newToken } from '../accounts/secrets'
import type { Db } from '../client'
import { hour } from '../clock'
import { addDays, isIsoDate, todayInBerlin } from '../dates'
import { Forbidden, assertCan } from '../permissions'
import { hasValidCheck } from './checks'
import { groupForSessions, membershipOf, sessionOn, sessionsOf, signupByToken, signupColumns, signupOf, waitingPosition, type Session } from '../queries/sessions'
import { instantInBerlin } from '../schedule'
import { feedTokens, groupMembers, groupSessions, sessionSignups, users, volunteerProfiles, workingGroups } from '../schema'
import { commit, failure, type Context, type Effects, type Outcome } from './run'

export { sessionsOf, upcomingSessions } from '../queries/sessions'

/** How long a freed place is kept for the first on the waiting list (never past the start). */
export const offerHours = 12

type Group = NonNullable<ReturnType<typeof groupForSessions>>
type Signup = NonNullable<ReturnType<typeof signupByToken>>
export type Place = { state: 'confirmed' | 'waiting' | 'offered'; position: number | null }

const err = (key: string) => `volunteering:sessions.errors.${key}`
const localeOf = (locale: string) => (isLocale(locale) ? locale : 'de')
const nameIn = (name: Record<string, string>, locale: string) => name[locale] ?? name.de ?? Object.values(name)[0] ?? ''

/** The words an e-mail about a session needs, in the recipient's language. */
function sessionWords(locale: string, date: string, start: string, end: string) {
  const lng = calendar(locale)
  const day = new Intl.DateTimeFormat(lng, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))
  const time = (hhmm: string) => new Intl.DateTimeFormat(lng, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`2026-01-05T${hhmm}:00Z`))
  return { date: day, time: `${time(start)}–${time(end)}` }
}

const momentIn = (locale: string, at: string) =>
  new Intl.DateTimeFormat(calendar(locale), { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(at))

function leadsOf(tx: Db, groupId: string) {
  return tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'lead'), eq(groupMembers.state, 'active')))
    .orderBy(asc(users.id))
    .all()
}

/**
 * Join a group: an open one at once; one that needs approval by request, and its leads are
 * e-mailed, each in their language (nobody is, when it has no lead yet: coordinators see
 * requests on the group's page). A closed group takes nobody.
 */
export function joinGroup(context: Context, groupId: string): Outcome<{ state: 'active' | 'requested' }> {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const group = groupForSessions(tx, groupId)
    if (!group) return failure('form', err('noGroup'))
    if (group.state === 'closed') return failure('form', err('groupClosed'))
    const current = membershipOf(tx, groupId, actor.id)
    if (current) return { ok: true, value: { state: current.state } }
    const state = group.open ? 'active' : 'requested'
    tx.insert(groupMembers).values({ groupId, userId: actor.id, role: 'member', state, createdAt: context.clock.now().toISOString() }).run()
    if (state === 'requested') {
      const person = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get()?.name ?? ''
      for (const lead of leadsOf(tx, groupId)) {
        const locale = localeOf(lead.locale)
        effects.mail({ to: lead.email, userId: lead.id, locale, template: 'sessions.joinRequest', params: { name: lead.name, person, group: nameIn(group.name, locale), path: `/${locale}/manage/groups/${groupId}` } })
      }
    }
    effects.audit({ action: state === 'active' ? 'group.join' : 'group.request', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: { state } }
  })
}

/** Leave a group (or withdraw a request); the person's places in its coming sessions are given up. */
export function leaveGroup(context: Context, groupId: string): Outcome<null> {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const group = groupForSessions(tx, groupId)
    if (!group || !membershipOf(tx, groupId, actor.id)) return failure('form', err('notMember'))
    releasePlaces(tx, effects, actor.id, context.clock.now(), groupId)
    tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor.id))).run()
    effects.audit({ action: 'group.leave', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: null }
  })
}

/**
 * Gives up a person's places in coming sessions (of one group, or all): each place they
 * held is offered to the next on the waiting list. For leaving, being removed, and
 * deleting the account.
 */
export function releasePlaces(tx: Db, effects: Effects, userId: string, now: Date, groupId?: string): void {
  const coming = tx
    .select({ id: sessionSignups.id, groupId: groupSessions.groupId })
    .from(sessionSignups)
    .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
    .where(and(groupId ? eq(groupSessions.groupId, groupId) : undefined, eq(sessionSignups.userId, userId), inArray(sessionSignups.state, ['confirmed', 'waiting', 'offered'])))
    .all()
  for (const { id, groupId: group } of coming) {
    const signup = signupById(tx, id)!
    const found = groupForSessions(tx, group)
    if (found && instantInBerlin(signup.date, signup.start) > now) giveUp(tx, effects, found, signup, now)
  }
}

function signupById(tx: Db, id: number) {
  return tx
    .select(signupColumns)
    .from(sessionSignups)
    .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
    .where(eq(sessionSignups.id, id))
    .get()
}

/** A session a person may still sign up for: one the group holds, not cancelled, not begun. */
function openSession(tx: Db, group: Group, date: string, now: Date): Session | Outcome<never> {
  const session = isIsoDate(date) ? sessionOn(tx, group, date) : undefined
  if (!session) return failure('form', err('noSession'))
  if (session.cancelled) return failure('form', err('sessionCancelled'))
  if (instantInBerlin(session.date, session.start) <= now) return failure('form', err('sessionBegun'))
  return session
}

/**
 * Sign up for the session of a group on `date`: members of the group (an open group lets
 * anyone signed in join on the way). Confirmed while places are free, else on the waiting
 * list. Counted inside the IMMEDIATE transaction, so two people taking the last place at
 * once from two processes get one place and one first place on the list. Signing up again
 * is harmless; for an offered place it takes the place.
 */
export function signUp(context: Context, groupId: string, date: string): Outcome<Place> {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const now = context.clock.now()
    const group = groupForSessions(tx, groupId)
    if (!group) return failure('form', err('noGroup'))
    if (group.state === 'closed') return failure('form', err('groupClosed'))
    const membership = membershipOf(tx, groupId, actor.id)
    if (membership?.state !== 'active' && !group.open) throw new Forbidden('group:join:own')
    const session = openSession(tx, group, date, now)
    if ('ok' in session) return session
    if (group.requiresCheck && !hasValidCheck(tx, actor.id, date)) return failure('form', err('checkRequired'))
    if (membership?.state !== 'active') {
      if (!membership) tx.insert(groupMembers).values({ groupId, userId: actor.id, role: 'member', state: 'active', createdAt: now.toISOString() }).run()
      else tx.update(groupMembers).set({ state: 'active' }).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor.id))).run()
      effects.audit({ action: 'group.join', subjectType: 'group', subjectId: groupId })
    }
    const existing = signupOf(tx, groupId, date, actor.id)
    if (existing && existing.state !== 'cancelled') {
      if (existing.state === 'offered') return take(tx, effects, existing, now)
      return { ok: true, value: placeOf(tx, existing) }
    }
    const sessionId = session.id ?? tx.insert(groupSessions).values({ groupId, date, start: session.start, end: session.end, createdAt: now.toISOString() }).returning({ id: groupSessions.id }).get().id
    const free = session.capacity === null || (session.taken < session.capacity && session.waiting === 0)
    const values = { state: free ? ('confirmed' as const) : ('waiting' as const), queuedAt: now.toISOString(), offeredUntil: null, tokenHash: hashToken(newToken()), reminderSentAt: null, attendance: null }
    const id = existing
      ? (tx.update(sessionSignups).set(values).where(eq(sessionSignups.id, existing.id)).run(), existing.id)
      : tx.insert(sessionSignups).values({ sessionId, userId: actor.id, ...values }).returning({ id: sessionSignups.id }).get().id
    // A waiting list beside a free place (the capacity was raised) moves up first.
    if (!free) offerFreePlaces(tx, effects, group, sessionId, now)
    effects.audit({ action: 'session.signUp', subjectType: 'group_session', subjectId: String(sessionId) })
    return { ok: true, value: placeOf(tx, signupById(tx, id)!) }
  })
}

function placeOf(tx: Db, signup: { id: number; sessionId: number; state: string; queuedAt: string }): Place {
  const state = signup.state as Place['state']
  return { state, position: state === 'waiting' ? waitingPosition(tx, signup.sessionId, signup) : null }
}

function take(tx: Db, effects: Effects, signup: Signup, now: Date): Outcome<Place> {
  if (!signup.offeredUntil || signup.offeredUntil <= now.toISOString()) return failure('form', err('offerExpired'))
  tx.update(sessionSignups).set({ state: 'confirmed', offeredUntil: null }).where(eq(sessionSignups.id, signup.id)).run()
  effects.audit({ action: 'session.takeOffer', subjectType: 'group_session', subjectId: String(signup.sessionId) })
  return { ok: true, value: { state: 'confirmed', position: null } }
}

/**
 * Gives up a place or a place in the queue. A freed place (confirmed or offered) goes to
 * the first on the waiting list at once.
 */
function giveUp(tx: Db, effects: Effects, group: Group, signup: Signup, now: Date): void {
  const held = signup.state === 'confirmed' || signup.state === 'offered'
  tx.update(sessionSignups).set({ state: 'cancelled', offeredUntil: null }).where(eq(sessionSignups.id, signup.id)).run()
  if (held) offerFreePlaces(tx, effects, group, signup.sessionId, now)
  effects.audit({ action: 'session.cancel', subjectType: 'group_session', subjectId: String(signup.sessionId) })
}

function cancel(context: Context, find: (tx: Db) => Signup | undefined): Outcome<null> {
  return commit(context, (tx, effects) => {
    const now = context.clock.now()
    const signup = find(tx)
    if (!signup) return failure('form', err('noSignup'))
    if (signup.state === 'cancelled') return { ok: true, value: null }
    if (instantInBerlin(signup.date, signup.start) <= now) return failure('form', err('sessionBegun'))
    giveUp(tx, effects, groupForSessions(tx, signup.groupId)!, signup, now)
    return { ok: true, value: null }
  })
}

/** The signed-in person gives up their place (or place in the queue) in one click. */
export function cancelSignup(context: Context, groupId: string, date: string): Outcome<null> {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  return cancel(context, (tx) => signupOf(tx, groupId, date, actor.id))
}

/** The same by the one-click link of an e-mail: the link stands for the person. */
export function cancelByToken(context: Context, token: string): Outcome<null> {
  return cancel(context, (tx) => signupByToken(tx, token))
}

/** An offered place taken by its one-click link, within the deadline. */
export function takeOffer(context: Context, token: string): Outcome<Place> {
  return commit(context, (tx, effects) => {
    const signup = signupByToken(tx, token)
    if (!signup) return failure('form', err('noSignup'))
    if (signup.state === 'confirmed') return { ok: true, value: { state: 'confirmed', position: null } }
    if (signup.state !== 'offered') return failure('form', err('noOffer'))
    return take(tx, effects, signup, context.clock.now())
  })
}

/** A fresh one-click link for a sign-up; the one mailed before stops working. */
function renewLink(tx: Db, signupId: number): string {
  const token = newToken()
  tx.update(sessionSignups).set({ tokenHash: hashToken(token) }).where(eq(sessionSignups.id, signupId)).run()
  return token
}

function personOf(tx: Db, userId: string) {
  return tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, userId)).get()!
}

/**
 * Offers the free places of a session to the first on its waiting list, one person per
 * place, until `offerHours` from now but never past the start; each is e-mailed a
 * one-click link to take it. Nothing moves once the session has begun or when it is cancelled.
 */
export function offerFreePlaces(tx: Db, effects: Effects, group: Group, sessionId: number, now: Date): number {
  const row = tx.select().from(groupSessions).where(eq(groupSessions.id, sessionId)).get()
  if (!row || row.cancelledAt) return 0
  const start = instantInBerlin(row.date, row.start)
  if (start <= now) return 0
  const session = sessionOn(tx, group, row.date)!
  const free = session.capacity === null ? Infinity : session.capacity - session.taken
  if (free <= 0) return 0
  const next = tx
    .select({ id: sessionSignups.id, userId: sessionSignups.userId })
    .from(sessionSignups)
    .where(and(eq(sessionSignups.sessionId, sessionId), eq(sessionSignups.state, 'waiting')))
    .orderBy(asc(sessionSignups.queuedAt), asc(sessionSignups.id))
    .limit(Number.isFinite(free) ? free : -1)
    .all()
  const until = new Date(Math.min(now.getTime() + offerHours * hour, start.getTime())).toISOString()
  for (const signup of next) {
    tx.update(sessionSignups).set({ state: 'offered', offeredUntil: until }).where(eq(sessionSignups.id, signup.id)).run()
    const person = personOf(tx, signup.userId)
    const locale = localeOf(person.locale)
    effects.mail({
      to: person.email,
      userId: signup.userId,
      locale,
      template: 'sessions.offer',
      params: { name: person.name, group: nameIn(group.name, locale), ...sessionWords(locale, row.date, row.start, row.end), until: momentIn(locale, until), path: `/${locale}/signups/${renewLink(tx, signup.id)}` },
    })
  }
  return next.length
}

/**
 * The job that passes on offers nobody took in time (every few minutes). An expired offer
 * ends the person's place in the queue (state `cancelled`; they may sign up again, at the
 * end of the list), and the place goes to the next on the list. Both happen in one
 * transaction, so each expired offer passes on exactly once.
 */
export function passExpiredOffers(context: Context): { expired: number; offered: number } {
  return commit(context, (tx, effects) => {
    const now = context.clock.now()
    const expired = tx
      .select({ id: sessionSignups.id, sessionId: sessionSignups.sessionId, groupId: groupSessions.groupId })
      .from(sessionSignups)
      .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
      .where(and(eq(sessionSignups.state, 'offered'), lte(sessionSignups.offeredUntil, now.toISOString())))
      .all()
    for (const signup of expired) tx.update(sessionSignups).set({ state: 'cancelled', offeredUntil: null }).where(eq(sessionSignups.id, signup.id)).run()
    let offered = 0
    for (const [sessionId, groupId] of new Map(expired.map((s) => [s.sessionId, s.groupId]))) {
      offered += offerFreePlaces(tx, effects, groupForSessions(tx, groupId)!, sessionId, now)
      effects.audit({ action: 'session.offerExpired', subjectType: 'group_session', subjectId: String(sessionId) })
    }
    return { expired: expired.length, offered }
  })
}

/**
 * The daily reminder: everyone confirmed for a session tomorrow (Berlin) hears once, in
 * their language, with a one-click link to cancel; unless they turned reminders off.
 */
export function remindTomorrow(context: Context): number {
  return commit(context, (tx, effects) => {
    const now = context.clock.now()
    const tomorrow = addDays(todayInBerlin(now), 1)
    const due = tx
      .select({ id: sessionSignups.id, userId: sessionSignups.userId, email: users.email, name: users.name, locale: users.locale, reminders: volunteerProfiles.reminders, groupName: workingGroups.name, place: workingGroups.place, date: groupSessions.date, start: groupSessions.start, end: groupSessions.end })
      .from(sessionSignups)
      .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
      .innerJoin(workingGroups, eq(workingGroups.id, groupSessions.groupId))
      .innerJoin(users, eq(users.id, sessionSignups.userId))
      .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, sessionSignups.userId))
      .where(and(eq(sessionSignups.state, 'confirmed'), isNull(sessionSignups.reminderSentAt), eq(groupSessions.date, tomorrow), isNull(groupSessions.cancelledAt), eq(workingGroups.state, 'active')))
      .all()
      .filter((row) => row.reminders !== false)
    for (const row of due) {
      const locale = localeOf(row.locale)
      effects.mail({
        to: row.email,
        userId: row.userId,
        locale,
        template: 'sessions.reminder',
        params: { name: row.name, group: nameIn(row.groupName, locale), place: row.place ?? '', ...sessionWords(locale, row.date, row.start, row.end), path: `/${locale}/signups/${renewLink(tx, row.id)}` },
      })
      tx.update(sessionSignups).set({ reminderSentAt: now.toISOString() }).where(eq(sessionSignups.id, row.id)).run()
    }
    return due.length
  })
}

/**
 * Leads hear when a session within the next 48 hours has fewer confirmed than its minimum
 * (the session's own, else the group's); once per session. A session nobody signed up for
 * gets its row here, to remember that the leads were told.
 */
export function understaffedAlerts(context: Context): number {
  return commit(context, (tx, effects) => {
    const now = context.clock.now()
    const until = new Date(now.getTime() + 48 * hour)
    const today = todayInBerlin(now)
    const groups = tx.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.state, 'active')).all()
    let alerted = 0
    for (const { id } of groups) {
      const group = groupForSessions(tx, id)!
      for (const session of sessionsOf(tx, group, today, addDays(today, 3))) {
        const start = instantInBerlin(session.date, session.start)
        if (session.cancelled || start <= now || start > until) continue
        const row = session.id === null ? undefined : tx.select({ minimum: groupSessions.minimum, noticeAt: groupSessions.understaffedNoticeAt }).from(groupSessions).where(eq(groupSessions.id, session.id)).get()
        const minimum = row?.minimum ?? group.minimum
        if (minimum === null || session.confirmed >= minimum || row?.noticeAt) continue
        const at = now.toISOString()
        if (session.id !== null) tx.update(groupSessions).set({ understaffedNoticeAt: at }).where(eq(groupSessions.id, session.id)).run()
        else tx.insert(groupSessions).values({ groupId: id, date: session.date, start: session.start, end: session.end, understaffedNoticeAt: at, createdAt: at }).run()
        for (const lead of leadsOf(tx, id)) {
          const locale = localeOf(lead.locale)
          effects.mail({
            to: lead.email,
            userId: lead.id,
            locale,
            template: 'sessions.understaffed',
            params: { name: lead.name, group: nameIn(group.name, locale), ...sessionWords(locale, session.date, session.start, session.end), confirmed: String(session.confirmed), minimum: String(minimum), path: `/${locale}/manage/groups/${id}` },
          })
        }
        alerted++
      }
    }
    return alerted
  })
}

/**
 * A new secret for the person's calendar feed (`/feeds/me/{token}.ics`); the old address
 * stops working. Only its hash is kept: the address is shown once, right after.
 */
export function renewFeed(context: Context): string {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  const token = newToken()
  commit(context, (tx, effects) => {
    const values = { tokenHash: hashToken(token), createdAt: context.clock.now().toISOString() }
    tx.insert(feedTokens).values({ userId: actor.id, ...values }).onConflictDoUpdate({ target: feedTokens.userId, set: values }).run()
    effects.audit({ action: 'feed.renew', subjectType: 'user', subjectId: actor.id })
  })
  return token
}
