import type { Meilisearch } from 'meilisearch'
import type { Db } from '../../db/client'
import type { SearchDocument } from '../document'
import { toMeiliDocument } from './documents'
import { indexSettings } from './settings'
import { lastOutboxId, requeueDeliveredSince, settleUpTo } from './outbox'
import { applySettings, ensureIndex, succeeded, type WaitOptions } from './tasks'

/**
 * Builds a fresh index beside the live one, waits for every task, and swaps the two in one
 * atomic Meilisearch task: searches keep answering from the old index until the swap.
 * Changes the relay delivered to the old index while the new one was being built are
 * enqueued again, so the swap loses none of them.
 */
export async function rebuildMeilisearch(
  db: Db,
  client: Meilisearch,
  index: string,
  options: { batchSize?: number; wait?: WaitOptions; suffix?: string } = {},
): Promise<{ documents: number; requeued: number }> {
  const { batchSize = 1000, wait } = options
  const fresh = `${index}_rebuild_${options.suffix ?? Date.now().toString(36)}`
  const since = lastOutboxId(db)
  await ensureIndex(client, index, wait)
  await ensureIndex(client, fresh, wait)
  await applySettings(client, fresh, indexSettings(db), wait)

  const select = db.$client.prepare('select rowid, document from search_documents where rowid > ? order by rowid limit ?')
  let after = 0
  let documents = 0
  for (;;) {
    const rows = select.all(after, batchSize) as Array<{ rowid: number; document: string }>
    if (rows.length === 0) break
    after = rows[rows.length - 1].rowid
    const batch = rows.map((row) => JSON.parse(row.document) as SearchDocument)
    await succeeded(client.index(fresh).addDocuments(batch.map(toMeiliDocument), { primaryKey: 'uid' }), `add documents to ${fresh}`, wait)
    documents += batch.length
  }

  await succeeded(client.swapIndexes([{ indexes: [index, fresh], rename: false }]), `swap ${index} and ${fresh}`, wait)
  // What was pending when the rebuild began is in the fresh index; what the relay sent to
  // the old index since then goes out again.
  settleUpTo(db, since)
  const requeued = requeueDeliveredSince(db, since)
  // After the swap `fresh` names the old index.
  await succeeded(client.deleteIndex(fresh), `delete ${fresh}`, wait)
  return { documents, requeued }
}
