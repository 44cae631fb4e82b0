import { Meilisearch } from 'meilisearch'
import { afterAll, describe, test } from 'vitest'
import { importExchange } from '../../db/exchange'
import { testDatabase } from '../../tests/db'
import { searchContract } from '../contract/suite'
import { createEmbeddedEngine } from '../embedded/engine'
import { createMeilisearchEngine } from './engine'
import { rebuildMeilisearch } from './reindex'
import { commandContext } from '../context'

/**
 * The shared contract against a real Meilisearch server, whenever MEILI_URL points at one
 * (`npm run test:meilisearch`, docs/meilisearch.md). Fallback is off: a wrong answer from
 * Meilisearch must fail here, not be hidden by the embedded engine.
 */
const url = process.env.MEILI_URL
if (url) {
  const client = new Meilisearch({ host: url, apiKey: process.env.MEILI_API_KEY })
  const index = `treffpunkt_contract_${process.pid}_${Date.now().toString(36)}`
  afterAll(async () => {
    await client.deleteIndexIfExists(index)
  })
  searchContract('meilisearch', async (file, today) => {
    const { db } = testDatabase()
    const outcome = importExchange(commandContext(db, null), file, { today })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    await rebuildMeilisearch(db, client, index)
    return createMeilisearchEngine({ client, index, db, embedded: createEmbeddedEngine(db), fallback: false })
  })
} else {
  describe('search contract: meilisearch', () => {
    test.skip('runs when MEILI_URL points at a Meilisearch server', () => {})
  })
}
