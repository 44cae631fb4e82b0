import type { Db } from '../../db/client'
import { addDays } from '../../db/dates'
import type { Group } from '../../db/queries/groups'
import { feedOwner, sessionsOf, signupsOfPerson } from '../../db/queries/sessions'
import { isLocale, type Locale } from '../i18n'
import { calendarFeed } from './ical.server'
import { serverT } from './i18n.server'
import { pickText } from './text'

/** How far feeds reach: four weeks back (what just happened), half a year ahead. */
const back = 28
const ahead = 183

const uid = (groupId: string, date: string) => `${groupId}-${date}@treffpunkt`

/** A group's sessions as a public calendar; cancelled ones stay in it as `STATUS:CANCELLED`. */
export function groupFeed(db: Db, group: Group, lng: Locale, publicUrl: string, today: string, stamp: Date): string {
  const name = pickText(group.name, lng, 'de')?.text ?? group.id
  const events = sessionsOf(db, group, addDays(today, -back), addDays(today, ahead)).map((session) => ({
    uid: uid(group.id, session.date),
    date: session.date,
    start: session.start,
    end: session.end,
    summary: name,
    description: session.cancelReason ?? undefined,
    location: group.place,
    url: new URL(`/${lng}/groups/${group.id}/sessions/${session.date}`, publicUrl).toString(),
    cancelled: session.cancelled,
  }))
  return calendarFeed(name, events, stamp)
}

/**
 * A person's calendar by the secret of its address: the sessions they are confirmed for
 * or wait for, in their language; null when the secret opens nothing.
 */
export async function personalFeed(db: Db, token: string, publicUrl: string, today: string, stamp: Date): Promise<string | null> {
  const owner = feedOwner(db, token)
  if (!owner) return null
  const lng = isLocale(owner.locale) ? owner.locale : 'de'
  const t = await serverT(lng)
  const events = signupsOfPerson(db, owner.userId, addDays(today, -back)).map((signup) => {
    const group = pickText(signup.groupName, lng, 'de')?.text ?? signup.groupId
    return {
      uid: uid(signup.groupId, signup.date),
      date: signup.date,
      start: signup.start,
      end: signup.end,
      summary: signup.state === 'confirmed' ? group : t(`volunteering:sessions.feed.${signup.state}`, { group }),
      location: signup.place,
      url: new URL(`/${lng}/groups/${signup.groupId}/sessions/${signup.date}`, publicUrl).toString(),
      cancelled: signup.cancelledAt !== null,
      tentative: signup.state !== 'confirmed',
    }
  })
  return calendarFeed(t('volunteering:sessions.feed.personalName'), events, stamp)
}
