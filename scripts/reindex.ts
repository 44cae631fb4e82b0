import { writeTransaction } from '../db/client'
import { reindex } from '../search/embedded/writer'
import { meilisearchClient, MEILI_INDEX, rebuildMeilisearch } from '../search/meilisearch'
import { start } from './cli'

// Rebuilds the embedded index in one transaction (searches keep the old one until it
// commits), then, when Meilisearch is configured, a fresh Meilisearch index that is
// swapped in once complete.
const { env, db } = start()
let started = performance.now()
writeTransaction(db, (tx) => reindex(tx, { all: true }))
const { n } = db.$client.prepare('select count(*) as n from search_documents').get() as { n: number }
console.log(`rebuilt the embedded search index of ${env.DATABASE_PATH}: ${n} documents in ${Math.round(performance.now() - started)} ms`)

if (env.MEILI_URL) {
  started = performance.now()
  try {
    const client = meilisearchClient({ url: env.MEILI_URL, apiKey: env.MEILI_API_KEY })
    const { documents, requeued } = await rebuildMeilisearch(db, client, MEILI_INDEX)
    console.log(`rebuilt Meilisearch index "${MEILI_INDEX}" at ${env.MEILI_URL}: ${documents} documents in ${Math.round(performance.now() - started)} ms (${requeued} recent changes queued again)`)
  } catch (error) {
    console.error(`Meilisearch rebuild failed; the live index is unchanged and the outbox keeps every change: ${(error as Error).message}`)
    process.exitCode = 1
  }
}
db.$client.close()
