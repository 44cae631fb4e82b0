import type { Params } from '@remix-run/react'
import type { ValidSession } from '../../db/accounts/sessions'
import { systemClock } from '../../db/clock'
import { cancelByToken, cancelSignup, joinGroup, leaveGroup, renewFeed, signUp, takeOffer, type Place } from '../../db/commands/sessions'
import { failure, type Outcome } from '../../db/commands/run'
import { isIsoDate } from '../../db/dates'
import { getGroup, type Group } from '../../db/queries/groups'
import { feedSince, groupsOfPerson, membershipOf, sessionOn, signupByToken, signupOf, signupsOfPerson, waitingPosition } from '../../db/queries/sessions'
import { instantInBerlin } from '../../db/schedule'
import type { Locale } from '../i18n'
import { commands, guarded, requireSession } from './auth.server'
import { getDb } from './db.server'
import { env } from './env.server'
import { formatDateTime, formatMeetingDay, formatTime } from './format'
import { accepted, readForm, rejected } from './forms.server'
import { sessionView } from './groups.server'
import { notFound, site } from './site.server'
import { pickText } from './text'

const invalid = (): Outcome<never> => failure('form', 'volunteering:sessions.errors.invalid')

/** A group by the URL, with its name in the reader's language; 404 when there is none. */
function groupOf(id: string | undefined, lng: Locale) {
  const group = getGroup(getDb(), id ?? '')
  if (!group) notFound()
  return { group, view: { id: group.id, name: pickText(group.name, lng, 'de')!, open: group.open, closed: group.state === 'closed', place: group.place, requiresCheck: group.requiresCheck } }
}

/** The session of the URL; 404 for a day the group does not meet (or a date that is none). */
function sessionOf(group: Group, date: string | undefined) {
  const session = date && isIsoDate(date) ? sessionOn(getDb(), group, date) : undefined
  if (!session) notFound()
  return session
}

/** Where a person stands in a session, as the page says it. */
function placeView(signup: NonNullable<ReturnType<typeof signupOf>>, lng: Locale) {
  if (signup.state === 'cancelled') return null
  return {
    state: signup.state,
    position: signup.state === 'waiting' ? waitingPosition(getDb(), signup.sessionId, signup) : null,
    until: signup.offeredUntil ? formatDateTime(signup.offeredUntil, lng) : null,
  }
}

/** `/{lng}/groups/{id}/sessions/{date}`: the session, its free places, and the reader's place in it. */
export function sessionPage(params: Params, lng: Locale, user: ValidSession['user'] | null) {
  const { group, view } = groupOf(params.id, lng)
  const session = sessionOf(group, params.date)
  const db = getDb()
  const signup = user ? signupOf(db, group.id, session.date, user.id) : undefined
  return {
    group: view,
    session: sessionView(session, lng),
    begun: instantInBerlin(session.date, session.start) <= systemClock.now(),
    signedIn: Boolean(user),
    membership: user ? (membershipOf(db, group.id, user.id)?.state ?? null) : null,
    place: signup ? placeView(signup, lng) : null,
  }
}

const placeDone = (place: Place) => `volunteering:sessions.done.${place.state}`

/** Sign up (`signup`, which also takes an offered place) or cancel (`cancel`); the session comes from the URL. */
export async function sessionAction(request: Request, params: Params) {
  const { lng } = await site(params)
  const { group } = groupOf(params.id, lng)
  const session = sessionOf(group, params.date)
  const person = requireSession(request, lng)
  const values = await readForm(request)
  const context = commands(person)
  const outcome = await guarded((): Outcome<string> => {
    if (values.intent === 'signup') {
      const result = signUp(context, group.id, session.date)
      return result.ok ? { ok: true, value: placeDone(result.value) } : result
    }
    if (values.intent === 'cancel') {
      const result = cancelSignup(context, group.id, session.date)
      return result.ok ? { ok: true, value: 'volunteering:sessions.done.cancelled' } : result
    }
    return invalid()
  })
  return outcome.ok ? accepted(outcome.value) : rejected(outcome.errors, values)
}

/** `/{lng}/groups/{id}/join`: what joining means, and where the reader stands. */
export function joinPage(params: Params, lng: Locale, user: ValidSession['user'] | null) {
  const { group, view } = groupOf(params.id, lng)
  const membership = user ? membershipOf(getDb(), group.id, user.id) : undefined
  return { group: view, signedIn: Boolean(user), membership: membership?.state ?? null, lead: membership?.role === 'lead' }
}

export async function joinAction(request: Request, params: Params) {
  const { lng } = await site(params)
  const { group } = groupOf(params.id, lng)
  const person = requireSession(request, lng)
  const values = await readForm(request)
  const context = commands(person)
  const outcome = await guarded((): Outcome<string> => {
    if (values.intent === 'join') {
      const result = joinGroup(context, group.id)
      return result.ok ? { ok: true, value: `volunteering:sessions.done.${result.value.state === 'active' ? 'joined' : 'requested'}` } : result
    }
    if (values.intent === 'leave') {
      const result = leaveGroup(context, group.id)
      return result.ok ? { ok: true, value: 'volunteering:sessions.done.left' } : result
    }
    return invalid()
  })
  return outcome.ok ? accepted(outcome.value) : rejected(outcome.errors, values)
}

/** `/{lng}/signups/{token}`: the sign-up a link from an e-mail stands for; null when the link is unknown. */
export function linkPage(token: string, lng: Locale) {
  const db = getDb()
  const signup = signupByToken(db, token)
  if (!signup) return null
  const group = getGroup(db, signup.groupId)!
  return {
    group: { id: group.id, name: pickText(group.name, lng, 'de')!, place: group.place },
    date: signup.date,
    label: formatMeetingDay(signup.date, lng),
    start: formatTime(signup.start, lng),
    end: formatTime(signup.end, lng),
    cancelled: signup.cancelledAt !== null,
    begun: instantInBerlin(signup.date, signup.start) <= systemClock.now(),
    state: signup.state,
    place: placeView(signup, lng),
  }
}

/** The link acts only by its button (`take` or `cancel`): mail scanners open links, they do not press buttons. */
export async function linkAction(request: Request, token: string) {
  const values = await readForm(request)
  if (!signupByToken(getDb(), token)) notFound()
  const context = commands(null)
  let outcome: Outcome<string>
  if (values.intent === 'take') {
    const result = takeOffer(context, token)
    outcome = result.ok ? { ok: true, value: 'volunteering:sessions.done.confirmed' } : result
  } else if (values.intent === 'cancel') {
    const result = cancelByToken(context, token)
    outcome = result.ok ? { ok: true, value: 'volunteering:sessions.done.cancelled' } : result
  } else {
    outcome = invalid()
  }
  return outcome.ok ? accepted(outcome.value) : rejected(outcome.errors, values)
}

/** The volunteer page's part: groups, requests, coming sessions with their state, the calendar feed. */
export function volunteerSessions(userId: string, lng: Locale, today: string) {
  const db = getDb()
  const groups = groupsOfPerson(db, userId).map((g) => ({ id: g.id, name: pickText(g.name, lng, 'de')!, lead: g.role === 'lead', requested: g.state === 'requested', closed: g.groupState === 'closed' }))
  const since = feedSince(db, userId)
  return {
    groups: groups.filter((g) => !g.requested),
    requests: groups.filter((g) => g.requested),
    sessions: signupsOfPerson(db, userId, today).map((signup) => ({
      groupId: signup.groupId,
      group: pickText(signup.groupName, lng, 'de')!,
      date: signup.date,
      label: formatMeetingDay(signup.date, lng),
      start: formatTime(signup.start, lng),
      end: formatTime(signup.end, lng),
      cancelled: signup.cancelledAt !== null,
      ...placeView(signup, lng)!,
    })),
    feedSince: since ? formatDateTime(since, lng) : null,
  }
}

/** A new secret address for the person's calendar: shown once, in the answer; the old one ends. */
export function renewFeedLink(person: ValidSession): Outcome<string> {
  const token = renewFeed(commands(person))
  return { ok: true, value: new URL(`/feeds/me/${token}.ics`, env().PUBLIC_URL).toString() }
}
