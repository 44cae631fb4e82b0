import type { Meilisearch } from 'meilisearch'
import type { Db } from '../../db/client'
import type { SearchDocument } from '../document'
import { toMeiliDocument } from './documents'
import { indexSettings } from './settings'
import { lastOutboxId, requeueSince, settleUpTo } from './outbox'
import { MeiliWriter, type WriteOptions } from './tasks'

/**
 * Builds a fresh index beside the live one, waits for every task, and swaps the two in one
 * atomic Meilisearch task: searches keep answering from the old index until the swap.
 * Every change made since the rebuild began is enqueued again after the swap, so none is
 * left only in the old index.
 */
export async function rebuildMeilisearch(
  db: Db,
  client: Meilisearch,
  index: string,
  options: WriteOptions & { batchSize?: number; suffix?: string } = {},
): Promise<{ documents: number; requeued: number }> {
  const { batchSize = 1000 } = options
  const writer = new MeiliWriter(client, options)
  const fresh = `${index}_rebuild_${options.suffix ?? Date.now().toString(36)}`
  const since = lastOutboxId(db)
  await writer.ensureIndex(index)
  await writer.ensureIndex(fresh)
  await writer.applySettings(fresh, indexSettings(db))

  const select = db.$client.prepare('select rowid, document from search_documents where rowid > ? order by rowid limit ?')
  let after = 0
  let documents = 0
  for (;;) {
    const rows = select.all(after, batchSize) as Array<{ rowid: number; document: string }>
    if (rows.length === 0) break
    after = rows[rows.length - 1].rowid
    await writer.addDocuments(fresh, rows.map((row) => toMeiliDocument(JSON.parse(row.document) as SearchDocument)))
    documents += rows.length
  }

  await writer.swap(index, fresh)
  // What was pending when the rebuild began is in the fresh index. Whatever changed since
  // may have reached only the old one: the relay sends a batch to the live index and marks
  // it delivered only after all its tasks, so an entry it sent before the swap can still be
  // pending now, or be marked delivered in a moment. Every one of them goes out again.
  settleUpTo(db, since)
  const requeued = requeueSince(db, since)
  // After the swap `fresh` names the old index.
  await writer.deleteIndex(fresh)
  return { documents, requeued }
}
