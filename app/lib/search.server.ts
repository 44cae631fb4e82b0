import { listCategories, listDistricts } from '../../db/queries/taxonomy'
import type { Db } from '../../db/client'
import { createEmbeddedEngine } from '../../search/embedded/engine'
import type { SearchEngine, SearchParams } from '../../search/engine'
import { meilisearchEngine } from '../../search/meilisearch'
import { MissCounter } from '../../search/misses'
import { getDb } from './db.server'
import { env } from './env.server'

let engine: SearchEngine | undefined
let stopRelay: (() => Promise<void>) | undefined

/** Searches that found nothing, counted in memory and written once a minute and at shutdown. */
export const misses = new MissCounter()
let flushing: ReturnType<typeof setInterval> | undefined

/**
 * The engine that answers this process's searches: Meilisearch when MEILI_URL is set
 * (with the embedded engine as its fallback, and the outbox relay running), else the
 * embedded engine alone. Routes never know which.
 */
export function searchEngine(): SearchEngine {
  if (engine) return engine
  const db = getDb()
  flushing = setInterval(() => misses.flush(db), 60_000)
  flushing.unref()
  const embedded = createEmbeddedEngine(db)
  // Made at the first /healthz after start: the process reports ready with search in memory.
  embedded.warm()
  const { MEILI_URL, MEILI_API_KEY } = env()
  if (!MEILI_URL) return (engine = embedded)
  const meili = meilisearchEngine(db, embedded, { url: MEILI_URL, apiKey: MEILI_API_KEY }, console)
  meili.relay.start()
  stopRelay = () => meili.relay.stop()
  return (engine = meili.engine)
}

/** At shutdown: the counted misses are written; the Meilisearch relay finishes its round and stops (entries left stay in the outbox). */
export async function stopSearch(): Promise<void> {
  clearInterval(flushing)
  if (engine) misses.flush(getDb())
  await stopRelay?.()
}

/** Ids the taxonomy does not know are the caller's mistake, said as such. */
export function unknownFilter(db: Db, params: SearchParams): string | null {
  const categories = new Set(listCategories(db).map((c) => c.id))
  const districts = new Set(listDistricts(db).map((d) => d.id))
  const category = params.category.find((id) => !categories.has(id))
  if (category !== undefined) return `unknown category "${category.slice(0, 100)}"`
  const district = params.district.find((id) => !districts.has(id))
  if (district !== undefined) return `unknown district "${district.slice(0, 100)}"`
  return null
}
