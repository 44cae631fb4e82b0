import { Meilisearch } from 'meilisearch'
import type { Db } from '../../db/client'
import type { EmbeddedEngine } from '../embedded/engine'
import type { SearchEngine } from '../engine'
import { createMeilisearchEngine } from './engine'
import { timeLimits } from './limits'
import { Relay } from './relay'

export { configureOutbox, pendingCount } from './outbox'
export { rebuildMeilisearch } from './reindex'
export { Relay } from './relay'

/** The one index Treffpunkt keeps in a Meilisearch server. */
export const MEILI_INDEX = 'treffpunkt'

export type MeilisearchConfig = { url: string; apiKey?: string }

/**
 * A client for searches, the relay and the rebuild alike. Each of our requests carries its
 * own time limit (limits.ts): a search 2 s, an upload 2 min, a poll 10 s. The client-wide
 * timeout is only a backstop for a request that carries none, so it is the longest limit.
 */
export function meilisearchClient(config: MeilisearchConfig): Meilisearch {
  return new Meilisearch({ host: config.url, apiKey: config.apiKey, timeout: timeLimits.uploadMs })
}

/** Meilisearch for searches (falling back to `embedded`) and the relay that keeps it current. */
export function meilisearchEngine(
  db: Db,
  embedded: EmbeddedEngine,
  config: MeilisearchConfig,
  log: { warn: (message: string) => void },
): { engine: SearchEngine; relay: Relay } {
  const client = meilisearchClient(config)
  const relay = new Relay({
    client,
    index: MEILI_INDEX,
    db,
    onError: (error) => log.warn(`search outbox: delivery to Meilisearch failed, will retry: ${(error as Error).message}`),
  })
  const engine = createMeilisearchEngine({
    client,
    index: MEILI_INDEX,
    db,
    embedded,
    onFallback: (error) => log.warn(`search: Meilisearch unreachable, the embedded engine answers: ${(error as Error).message}`),
  })
  return { engine, relay }
}
