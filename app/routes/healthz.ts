import { sql } from 'drizzle-orm'
import { pendingCount } from '../../search/meilisearch'
import { getDb } from '../lib/db.server'
import { env } from '../lib/env.server'
import { searchEngine } from '../lib/search.server'

/**
 * For load balancers and monitoring: the process answers, the database can be read, and
 * which search engine is configured; with Meilisearch, how many changes wait in the outbox.
 */
export function loader() {
  try {
    const db = getDb()
    db.get(sql`select 1`)
    const search = env().MEILI_URL ? { engine: searchEngine().name, outbox: pendingCount(db) } : { engine: searchEngine().name }
    return Response.json({ status: 'ok', search }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return Response.json({ status: 'error', database: 'unavailable' }, { status: 503 })
  }
}
