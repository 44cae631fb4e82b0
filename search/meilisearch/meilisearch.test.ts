import { Meilisearch } from 'meilisearch'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { writeTransaction, type Db } from '../../db/client'
import { importExchange } from '../../db/exchange'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { testDatabase } from '../../tests/db'
import { contractFile, contractToday } from '../contract/fixture'
import { createEmbeddedEngine } from '../embedded/engine'
import { reindex } from '../embedded/writer'
import { searchParams, type SearchInput } from '../engine'
import { meiliUid } from './documents'
import { createMeilisearchEngine } from './engine'
import { configureOutbox, pendingCount, pendingEntries } from './outbox'
import { rebuildMeilisearch } from './reindex'
import { Relay } from './relay'
import { commandContext } from '../context'

const wait = { interval: 1, timeout: 2_000 }
let fake: FakeMeilisearch
let client: Meilisearch
let db: Db

function seeded(outbox: boolean): Db {
  const { db } = testDatabase()
  if (outbox) configureOutbox(db, true)
  const outcome = importExchange(commandContext(db, null), contractFile, { today: contractToday })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return db
}
const documentCount = (db: Db) => (db.$client.prepare('select count(*) as n from search_documents').get() as { n: number }).n

beforeEach(async () => {
  fake = new FakeMeilisearch()
  client = new Meilisearch({ host: await fake.listen(), defaultWaitOptions: wait })
  db = seeded(true)
})
afterEach(() => fake.close())

describe('the outbox', () => {
  test('is written in the same transaction as the change, and not when it rolls back', () => {
    const before = pendingCount(db)
    expect(before).toBe(documentCount(db))
    expect(() =>
      writeTransaction(db, (tx) => {
        reindex(tx, { postings: ['clothes'] })
        throw new Error('the change fails after indexing')
      }),
    ).toThrow('the change fails')
    expect(pendingCount(db)).toBe(before)
    writeTransaction(db, (tx) => reindex(tx, { postings: ['clothes'] }))
    expect(pendingEntries(db, 10_000).at(-1)).toMatchObject({ kind: 'posting', refId: 'clothes', op: 'upsert' })
  })

  test('stays empty while Meilisearch is not configured, and switching it on enqueues everything', () => {
    const plain = seeded(false)
    expect(pendingCount(plain)).toBe(0)
    expect(configureOutbox(plain, true)).toBe('enabled')
    expect(pendingCount(plain)).toBe(documentCount(plain))
    expect(configureOutbox(plain, true)).toBe('unchanged')
    expect(configureOutbox(plain, false)).toBe('disabled')
    expect(pendingCount(plain)).toBe(0)
  })
})

describe('the relay', () => {
  test('creates the index and awaits its settings before it sends any document', async () => {
    const relay = new Relay({ client, index: 'treffpunkt', db, wait })
    expect(await relay.runOnce()).toEqual({ delivered: documentCount(db), failed: 0 })

    const order = fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)
    const settings = order.indexOf('PATCH /indexes/treffpunkt/settings')
    const firstDocuments = order.indexOf('POST /indexes/treffpunkt/documents')
    expect(order[0]).toBe('GET /indexes/treffpunkt')
    expect(order[1]).toBe('POST /indexes')
    expect(settings).toBeGreaterThan(1)
    expect(firstDocuments).toBeGreaterThan(settings)
    // Between the two, the settings task was polled until it succeeded.
    expect(order.slice(settings + 1, firstDocuments).filter((r) => r.startsWith('GET /tasks/')).length).toBeGreaterThanOrEqual(2)

    const payload = fake.sent('PATCH', '/indexes/treffpunkt/settings')[0].body as Record<string, unknown>
    expect(payload.searchableAttributes).toEqual(['title', 'taxonomy', 'organisation', 'body'])
    expect(payload.filterableAttributes).toEqual(expect.arrayContaining(['kind', 'type', 'category', 'district', 'audience', 'language', 'orgKind', 'listed', 'validFrom', 'validUntil']))
    expect(payload.localizedAttributes).toContainEqual({ attributePatterns: ['title.ar', 'body.ar'], locales: ['ara'] })
    expect(payload.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } })
    // Synonyms from the taxonomy, normalised as queries are.
    expect((payload.synonyms as Record<string, string[]>)['integrationskurs']).toContain('sprachkurs')
    expect(pendingCount(db)).toBe(0)
  })

  test('sends normalised texts and facet values, and nothing about contacts', async () => {
    await new Relay({ client, index: 'treffpunkt', db, wait }).runOnce()
    const docs = fake.documents('treffpunkt')
    expect(docs).toHaveLength(documentCount(db))
    const beratung = docs.find((doc) => doc.uid === meiliUid('organisation', 'beratung'))!
    expect(beratung).toMatchObject({ kind: 'organisation', id: 'beratung', orgKind: ['advisory_centre'], district: ['weststadt'], listed: true })
    expect(JSON.stringify(docs)).not.toMatch(/sprechstunde@|555123/)
    // The hamza folds before Meilisearch sees it: أ → ا
    expect(JSON.stringify(docs)).not.toContain('أ')
  })

  test('a failed task is no success: the batch stays pending, with a back-off, and goes out later', async () => {
    const relay = new Relay({ client, index: 'treffpunkt', db, wait })
    await relay.runOnce()
    writeTransaction(db, (tx) => reindex(tx, { postings: ['clothes', 'course'] }))
    fake.failTasks = { count: 1, code: 'internal' }
    const now = Date.now()
    expect(await relay.runOnce(now)).toEqual({ delivered: 0, failed: 2 })
    expect(pendingCount(db)).toBe(2)
    const row = db.$client.prepare('select attempts, next_attempt_at as next, last_error as error from search_outbox where delivered_at is null limit 1').get() as { attempts: number; next: number; error: string }
    expect(row.attempts).toBe(1)
    expect(row.next).toBeGreaterThan(now)
    expect(row.error).toMatch(/failed/)
    expect(await relay.runOnce(now)).toEqual({ delivered: 0, failed: 0 }) // not due yet
    expect(await relay.runOnce(row.next)).toEqual({ delivered: 2, failed: 0 })
  })

  test('keeps everything while the server is down and delivers when it is back', async () => {
    fake.unavailable = true
    const relay = new Relay({ client, index: 'treffpunkt', db, wait })
    expect((await relay.runOnce()).failed).toBeGreaterThan(0)
    expect(pendingCount(db)).toBe(documentCount(db))
    fake.unavailable = false
    expect((await relay.runOnce(Date.now() + 60_000)).delivered).toBe(documentCount(db))
    expect(fake.documents('treffpunkt')).toHaveLength(documentCount(db))
  })

  test('loses nothing when it dies between sending and the task’s success', async () => {
    // The first relay sends the documents and never hears back: it gives up mid-wait.
    fake.stallTypes.add('documentAdditionOrUpdate')
    const crashed = new Relay({ client, index: 'treffpunkt', db, wait: { interval: 1, timeout: 200 } })
    expect(await crashed.runOnce()).toEqual({ delivered: 0, failed: documentCount(db) })
    expect(fake.sent('POST', '/indexes/treffpunkt/documents')).toHaveLength(1)
    expect(pendingCount(db)).toBe(documentCount(db))
    fake.stallTypes.clear()
    const restarted = new Relay({ client, index: 'treffpunkt', db, wait })
    expect((await restarted.runOnce(Date.now() + 60_000)).delivered).toBe(documentCount(db))
    expect(fake.documents('treffpunkt')).toHaveLength(documentCount(db))
  })

  test('takes an index creation that raced a crash as done (index_already_exists)', async () => {
    fake.stallTypes.add('indexCreation')
    await new Relay({ client, index: 'treffpunkt', db, wait: { interval: 1, timeout: 100 } }).runOnce()
    fake.stallTypes.clear()
    expect((await new Relay({ client, index: 'treffpunkt', db, wait }).runOnce(Date.now() + 60_000)).delivered).toBe(documentCount(db))
  })

  test('delivers a deletion as a deletion', async () => {
    const relay = new Relay({ client, index: 'treffpunkt', db, wait })
    await relay.runOnce()
    db.$client.prepare("delete from search_documents where kind = 'posting' and ref_id = 'clothes'").run()
    await relay.runOnce()
    expect(fake.sent('POST', '/indexes/treffpunkt/documents/delete-batch').at(-1)?.body).toEqual([meiliUid('posting', 'clothes')])
    expect(fake.documents('treffpunkt').some((doc) => doc.id === 'clothes')).toBe(false)
  })
})

describe('rebuilding Meilisearch', () => {
  test('builds a fresh index, waits for it, swaps it in and drops the old one', async () => {
    await new Relay({ client, index: 'treffpunkt', db, wait }).runOnce()
    fake.indexes.get('treffpunkt')!.docs.set('stale', { uid: 'stale' })
    const result = await rebuildMeilisearch(db, client, 'treffpunkt', { wait, suffix: 'x' })
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
    const relay = new Relay({ client, index: 'treffpunkt', db, wait })
    await relay.runOnce()
    const building = rebuildMeilisearch(db, client, 'treffpunkt', { wait, suffix: 'y' })
    // While the fresh index is being built, an editor changes a posting and the relay delivers it.
    writeTransaction(db, (tx) => reindex(tx, { postings: ['clothes'] }))
    await relay.runOnce()
    const { requeued } = await building
    expect(requeued).toBeGreaterThanOrEqual(1)
    expect(pendingEntries(db, 10)).toContainEqual(expect.objectContaining({ refId: 'clothes' }))
  })
})

describe('the Meilisearch engine', () => {
  const params = (input: SearchInput) => searchParams.parse(input)

  async function engines(options: { host?: string; fallback?: boolean } = {}) {
    await new Relay({ client, index: 'treffpunkt', db, wait }).runOnce()
    const embedded = createEmbeddedEngine(db)
    const meili = createMeilisearchEngine({
      client: options.host ? new Meilisearch({ host: options.host, timeout: 500 }) : client,
      index: 'treffpunkt',
      db,
      embedded,
      fallback: options.fallback,
      retryAfterMs: 50,
    })
    return { embedded, meili }
  }

  test('asks one multi-search: hits with every filter, and a disjunctive count per filtered facet', async () => {
    const { meili } = await engines()
    const answer = await meili.search(params({ q: 'Kleidung', lang: 'ar', type: ['offer'], district: ['oststadt'] }), contractToday)
    const { queries } = fake.sent('POST', '/multi-search').at(-1)!.body as { queries: Array<Record<string, unknown>> }
    expect(queries).toHaveLength(3)
    expect(queries[0]).toMatchObject({
      indexUid: 'treffpunkt',
      q: 'kleidung',
      matchingStrategy: 'last',
      filter: ['listed = true', 'validFrom <= 20261122', 'validUntil >= 20261122', ['type = "offer"'], ['district = "oststadt"']],
      page: 1,
      hitsPerPage: 20,
    })
    expect(queries[1]).toMatchObject({ facets: ['type'], hitsPerPage: 0, filter: ['listed = true', 'validFrom <= 20261122', 'validUntil >= 20261122', ['district = "oststadt"']] })
    expect(queries[2]).toMatchObject({ facets: ['district'], filter: ['listed = true', 'validFrom <= 20261122', 'validUntil >= 20261122', ['type = "offer"']] })
    expect(answer.engine).toBe('meilisearch')
    expect(answer.hits.map((hit) => hit.id)).toContain('clothes')
    // Shown from the local documents, in the reader's language.
    expect(answer.hits.find((hit) => hit.id === 'clothes')).toMatchObject({ lang: 'ar', url: '/ar/postings/clothes' })
  })

  test('applies the validity dates on the day of the search, not the day of indexing', async () => {
    const { meili, embedded } = await engines()
    const all = async (today: string) => (await meili.search(params({ kind: ['posting'], perPage: 100 }), today)).hits.map((h) => h.id).sort()
    const same = async (today: string) => (await embedded.search(params({ kind: ['posting'], perPage: 100 }), today)).hits.map((h) => h.id).sort()
    for (const today of [contractToday, '2020-01-01', '2031-01-01']) expect(await all(today)).toEqual(await same(today))
  })

  test('answers from the embedded engine when the port is closed, and says so', async () => {
    const { meili, embedded } = await engines({ host: 'http://127.0.0.1:9' })
    const input = params({ q: 'Winterkleidung', lang: 'de' })
    const answer = await meili.search(input, contractToday)
    expect(answer.engine).toBe('embedded')
    expect(answer.hits).toEqual((await embedded.search(input, contractToday)).hits)
  })

  test('falls back while the server answers errors, and returns to it when it is back', async () => {
    const { meili } = await engines()
    fake.unavailable = true
    expect((await meili.search(params({ q: 'kurs' }), contractToday)).engine).toBe('embedded')
    fake.unavailable = false
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect((await meili.search(params({ q: 'kurs' }), contractToday)).engine).toBe('meilisearch')
  })

  test('without fallback (the contract suite) an error is an error', async () => {
    const { meili } = await engines({ host: 'http://127.0.0.1:9', fallback: false })
    await expect(meili.search(params({ q: 'kurs' }), contractToday)).rejects.toThrow()
  })
})
