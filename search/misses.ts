import type { Db } from '../db/client'
import { normalize } from './normalize'

/**
 * Counts a search that found nothing, per normalised query, locale and day — nothing else:
 * no IP, no session, no time of day. The coordinators' reports read these counts.
 */
export function recordMiss(db: Db, query: string, locale: string, day: string): void {
  const normalised = normalize(query).replace(/\s+/g, ' ').trim().slice(0, 200)
  if (!normalised) return
  db.$client
    .prepare(
      `insert into search_misses (day, locale, query) values (?, ?, ?)
       on conflict (day, locale, query) do update set count = count + 1`,
    )
    .run(day, locale, normalised)
}
