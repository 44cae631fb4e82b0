import { Meilisearch } from 'meilisearch'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { writeTransaction, type Db } from '../../db/client'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { reindex } from '../embedded/writer'
import { meiliUid } from './documents'
import { pendingEntries } from './outbox'
import { rebuildMeilisearch } from './reindex'
import { Relay } from './relay'
import { documentCount, fakeWithDb } from './testing'

const limits = { pollIntervalMs: 1 }
let fake: FakeMeilisearch
let client: Meilisearch
let db: Db

beforeEach(async () => {
  ;({ fake, client, db } = await fakeWithDb())
})
afterEach(() => fake.close())

describe('rebuilding Meilisearch', () => {
  test('builds a fresh index, waits for it, swaps it in and drops the old one', async () => {
    await new Relay({ client, index: 'treffpunkt', db, limits }).runOnce()
    fake.indexes.get('treffpunkt')!.docs.set('stale', { uid: 'stale' })
    const result = await rebuildMeilisearch(db, client, 'treffpunkt', { limits, suffix: 'x' })
    expect(result.documents).toBe(documentCount(db))
    const order = fake.requests.filter((r) => !r.path.startsWith('/tasks')).map((r) => `${r.method} ${r.path.split('?')[0]}`)
    expect(order.slice(-6)).toEqual([
      'GET /indexes/treffpunkt_rebuild_x',
      'POST /indexes',
      'PATCH /indexes/treffpunkt_rebuild_x/settings',
      'POST /indexes/treffpunkt_rebuild_x/documents',
      'POST /swap-indexes',
      'DELETE /indexes/treffpunkt_rebuild_x',
    ])
    expect(fake.documents('treffpunkt').some((doc) => doc.uid === 'stale')).toBe(false)
    expect(fake.documents('treffpunkt')).toHaveLength(documentCount(db))
    expect(fake.indexes.has('treffpunkt_rebuild_x')).toBe(false)
  })

  test('enqueues again what the relay delivered to the old index during the rebuild', async () => {
    const relay = new Relay({ client, index: 'treffpunkt', db, limits })
    await relay.runOnce()
    const building = rebuildMeilisearch(db, client, 'treffpunkt', { limits, suffix: 'y' })
    // While the fresh index is being built, an editor changes a posting and the relay delivers it.
    writeTransaction(db, (tx) => reindex(tx, { postings: ['clothes'] }))
    await relay.runOnce()
    const { requeued } = await building
    expect(requeued).toBeGreaterThanOrEqual(1)
    expect(pendingEntries(db, 10)).toContainEqual(expect.objectContaining({ refId: 'clothes' }))
  })

  test('loses no edit the relay sent to the old index but marked delivered only after the swap', async () => {
    const relay = new Relay({ client, index: 'treffpunkt', db, limits })
    await relay.runOnce()
    const isTask = (type: string, indexUid: string | null) => () => fake.tasks.some((t) => t.type === type && t.indexUid === indexUid && t.status === 'enqueued')
    fake.pause()
    const building = rebuildMeilisearch(db, client, 'treffpunkt', { limits, suffix: 'z' })
    await fake.until(isTask('indexCreation', 'treffpunkt_rebuild_z'))
    fake.runNext()
    await fake.until(isTask('settingsUpdate', 'treffpunkt_rebuild_z'))
    fake.runNext()
    await fake.until(isTask('documentAdditionOrUpdate', 'treffpunkt_rebuild_z'))
    // The fresh index holds every document as it was. Now an editor retitles one posting
    // and another disappears: one batch for the relay, an upload and then a deletion.
    db.$client.prepare(`update search_documents set document = json_set(document, '$.title.de', 'Neue Wintersachen') where kind = 'posting' and ref_id = 'clothes'`).run()
    db.$client.prepare(`delete from search_documents where kind = 'posting' and ref_id = 'coats'`).run()
    const round = relay.runOnce()
    await fake.until(isTask('documentAdditionOrUpdate', 'treffpunkt'))
    fake.runNext() // the fresh index's documents
    await fake.until(isTask('indexSwap', null))
    fake.runNext() // the relay's upload, to the old index: the swap comes after it
    await fake.until(isTask('documentDeletion', 'treffpunkt'))
    fake.runNext() // the swap; the relay's deletion waits behind it, its batch not yet delivered
    await fake.until(isTask('indexDeletion', 'treffpunkt_rebuild_z'))
    fake.resume()
    const [{ requeued }] = await Promise.all([building, round])
    expect(requeued).toBe(2)

    await relay.runOnce(Date.now() + 60_000)
    const clothes = fake.documents('treffpunkt').find((doc) => doc.uid === meiliUid('posting', 'clothes'))
    expect(clothes?.title).toMatchObject({ de: 'neue wintersachen' })
    expect(fake.documents('treffpunkt').some((doc) => doc.uid === meiliUid('posting', 'coats'))).toBe(false)
  })
})
