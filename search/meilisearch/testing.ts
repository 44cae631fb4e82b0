import { Meilisearch } from 'meilisearch'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { importExchange } from '../../db/exchange'
import type { Db } from '../../db/client'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../context'
import { contractFile, contractToday } from '../contract/fixture'
import type { Deadline } from './limits'
import { configureOutbox } from './outbox'

/** Test support only: the contract's municipality, with the outbox on or off. */
export function seeded(outbox: boolean): Db {
  const { db } = testDatabase()
  if (outbox) configureOutbox(db, true)
  const outcome = importExchange(commandContext(db, null), contractFile, { today: contractToday })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return db
}

export const documentCount = (db: Db) => (db.$client.prepare('select count(*) as n from search_documents').get() as { n: number }).n

/**
 * Time limits driven by the test instead of the clock: `advance(ms)` aborts, at once, every
 * signal whose limit has passed. A test exceeds a limit by a step, never by waiting.
 */
export function manualClock(): { deadline: Deadline; advance: (ms: number) => void } {
  let now = 0
  const limits: Array<{ at: number; ms: number; controller: AbortController }> = []
  return {
    deadline(ms) {
      const controller = new AbortController()
      limits.push({ at: now + ms, ms, controller })
      return controller.signal
    },
    advance(ms) {
      now += ms
      for (const limit of limits) {
        if (limit.at <= now && !limit.controller.signal.aborted) limit.controller.abort(new DOMException(`${limit.ms} ms passed`, 'TimeoutError'))
      }
    },
  }
}

/** A fresh fake Meilisearch server, a client for it, and the contract's municipality with the outbox on. */
export async function fakeWithDb(): Promise<{ fake: FakeMeilisearch; client: Meilisearch; db: Db }> {
  const fake = new FakeMeilisearch()
  return { fake, client: new Meilisearch({ host: await fake.listen() }), db: seeded(true) }
}
