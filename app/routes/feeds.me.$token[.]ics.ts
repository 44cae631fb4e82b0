import type { LoaderFunctionArgs } from '@remix-run/node'
import { systemClock } from '../../db/clock'
import { todayInBerlin } from '../../db/dates'
import { getDb } from '../lib/db.server'
import { env } from '../lib/env.server'
import { personalFeed } from '../lib/feeds.server'
import { calendarResponse } from '../lib/ical.server'

/** `/feeds/me/{token}.ics`: a person's sessions by the secret of the address; renewing it ends the old one. */
export async function loader({ params }: LoaderFunctionArgs) {
  const now = systemClock.now()
  const body = await personalFeed(getDb(), params.token ?? '', env().PUBLIC_URL, todayInBerlin(now), now)
  if (body === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
  return calendarResponse(body, true)
}
