import { sql } from 'drizzle-orm'
import { getDb } from '../lib/db.server'

/** For load balancers and monitoring: the process answers and the database can be read. */
export function loader() {
  try {
    getDb().get(sql`select 1`)
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return Response.json({ status: 'error', database: 'unavailable' }, { status: 503 })
  }
}
