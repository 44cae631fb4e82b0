import type { LoaderFunctionArgs } from '@remix-run/node'
import { addDays, daysBetween, isIsoDate, todayInBerlin } from '../../db/dates'
import { getGroup } from '../../db/queries/groups'
import { sessionsOf } from '../../db/queries/sessions'
import { getDb } from '../lib/db.server'

/** Caching of the answer is the server's (server/cache.ts: a validator and a short shared max-age). */
const headers = { 'Access-Control-Allow-Origin': '*' }
const allowed = new Set(['from', 'to'])

/** What the query asks for, or the reason it cannot be answered. */
function range(search: URLSearchParams, today: string): { from: string; to: string } | { error: string } {
  for (const key of new Set(search.keys())) {
    if (!allowed.has(key)) return { error: `unknown parameter "${key.slice(0, 40)}"` }
    if (search.getAll(key).length > 1) return { error: `${key} may be given only once` }
  }
  // An empty value counts as none, as a form sends it.
  const from = search.get('from') || today
  if (!isIsoDate(from)) return { error: 'from must be a date as YYYY-MM-DD' }
  const to = search.get('to') || addDays(from, 8 * 7 - 1)
  if (!isIsoDate(to)) return { error: 'to must be a date as YYYY-MM-DD' }
  if (to < from) return { error: 'to must not be before from' }
  if (daysBetween(from, to) > 366) return { error: 'from and to may be at most a year apart' }
  return { from, to }
}

/**
 * `GET /api/groups/{id}/sessions?from=&to=` (docs/api.md): a group's sessions with their
 * places, for the city's website and integrators. Counts only; nothing about anyone.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const asked = range(new URL(request.url).searchParams, todayInBerlin())
  if ('error' in asked) return Response.json({ error: asked.error }, { status: 400, headers: { ...headers, 'Cache-Control': 'no-store' } })
  const db = getDb()
  const group = getGroup(db, params.id ?? '')
  if (!group) return Response.json({ error: 'unknown group' }, { status: 404, headers: { ...headers, 'Cache-Control': 'no-store' } })
  const sessions = sessionsOf(db, group, asked.from, asked.to).map((s) => ({
    date: s.date,
    start: s.start,
    end: s.end,
    capacity: s.capacity,
    taken: s.taken,
    waiting: s.waiting,
    cancelled: s.cancelled,
  }))
  return Response.json({ group: group.id, timeZone: 'Europe/Berlin', sessions }, { headers })
}
