import type { LoaderFunctionArgs } from '@remix-run/node'
import { systemClock } from '../../db/clock'
import { todayInBerlin } from '../../db/dates'
import { getGroup } from '../../db/queries/groups'
import { isLocale } from '../i18n'
import { getDb } from '../lib/db.server'
import { env } from '../lib/env.server'
import { groupFeed } from '../lib/feeds.server'
import { calendarResponse } from '../lib/ical.server'

/** `/feeds/groups/{id}.ics`: a group's sessions, public; `?lng=` picks the language of names and links (default German). */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const db = getDb()
  const group = getGroup(db, params.id ?? '')
  if (!group) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const asked = new URL(request.url).searchParams.get('lng') ?? undefined
  const lng = isLocale(asked) ? asked : 'de'
  const now = systemClock.now()
  return calendarResponse(groupFeed(db, group, lng, env().PUBLIC_URL, todayInBerlin(now), now), false)
}
