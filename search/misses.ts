import { writeTransaction, type Db } from '../db/client'
import { normalize } from './normalize'

const key = (day: string, locale: string, query: string) => JSON.stringify([day, locale, query])

/**
 * Counts searches that found nothing, per normalised query, locale and day — nothing
 * else: no IP, no session, no time of day. The coordinators' reports read these counts.
 * A search is a GET: it only counts in memory; `flush` writes the counts in one
 * transaction (the server does so once a minute and at shutdown).
 */
export class MissCounter {
  private counts = new Map<string, number>()

  record(query: string, locale: string, day: string): void {
    const normalised = normalize(query).replace(/\s+/g, ' ').trim().slice(0, 200)
    if (!normalised) return
    const k = key(day, locale, normalised)
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1)
  }

  get pending(): number {
    return this.counts.size
  }

  /** Writes what was counted since the last flush; returns how many rows it touched. */
  flush(db: Db): number {
    if (this.counts.size === 0) return 0
    const counts = this.counts
    this.counts = new Map()
    writeTransaction(db, (tx) => {
      const upsert = tx.$client.prepare(
        `insert into search_misses (day, locale, query, count) values (?, ?, ?, ?)
         on conflict (day, locale, query) do update set count = count + excluded.count`,
      )
      for (const [k, n] of counts) {
        const [day, locale, query] = JSON.parse(k) as [string, string, string]
        upsert.run(day, locale, query, n)
      }
    })
    return counts.size
  }
}
