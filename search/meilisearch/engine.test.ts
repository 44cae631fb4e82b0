import { Meilisearch } from 'meilisearch'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Db } from '../../db/client'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { contractToday } from '../contract/fixture'
import { createEmbeddedEngine } from '../embedded/engine'
import { searchParams, type SearchInput } from '../engine'
import { createMeilisearchEngine, type MeilisearchEngineOptions } from './engine'
import { timeLimits } from './limits'
import { Relay } from './relay'
import { manualClock, seeded } from './testing'

let fake: FakeMeilisearch
let client: Meilisearch
let db: Db
const params = (input: SearchInput) => searchParams.parse(input)
const visibility = ['listed = true', 'validFrom <= 20261122', 'validUntil >= 20261122']

beforeEach(async () => {
  fake = new FakeMeilisearch()
  client = new Meilisearch({ host: await fake.listen() })
  db = seeded(true)
  await new Relay({ client, index: 'treffpunkt', db, limits: { pollIntervalMs: 1 } }).runOnce()
})
afterEach(() => fake.close())

function engines(options: Partial<MeilisearchEngineOptions> = {}) {
  const embedded = createEmbeddedEngine(db)
  return { embedded, meili: createMeilisearchEngine({ client, index: 'treffpunkt', db, embedded, ...options }) }
}
const lastQueries = () => (fake.sent('POST', '/multi-search').at(-1)!.body as { queries: Array<Record<string, unknown>> }).queries

describe('the Meilisearch engine', () => {
  test('asks one multi-search for one word: hits with every filter, and a disjunctive count per filtered facet', async () => {
    const { meili } = engines()
    const answer = await meili.search(params({ q: 'Kleidung', lang: 'ar', type: ['offer'], district: ['oststadt'] }), contractToday)
    expect(fake.sent('POST', '/multi-search')).toHaveLength(1)
    const queries = lastQueries()
    expect(queries).toHaveLength(3)
    expect(queries[0]).toMatchObject({ indexUid: 'treffpunkt', q: 'kleidung', matchingStrategy: 'all', filter: [...visibility, ['type = "offer"'], ['district = "oststadt"']], page: 1, hitsPerPage: 20 })
    expect(queries[1]).toMatchObject({ facets: ['type'], hitsPerPage: 0, filter: [...visibility, ['district = "oststadt"']] })
    expect(queries[2]).toMatchObject({ facets: ['district'], filter: [...visibility, ['type = "offer"']] })
    expect(answer.engine).toBe('meilisearch')
    expect(answer.hits.map((hit) => hit.id)).toContain('clothes')
    // Shown from the local documents, in the reader's language.
    expect(answer.hits.find((hit) => hit.id === 'clothes')).toMatchObject({ lang: 'ar', url: '/ar/postings/clothes' })
  })

  test('counts each word set first, then asks the one that fills the page, as the embedded engine does', async () => {
    const { meili, embedded } = engines()
    for (const input of [{ q: 'Kleidung Familien' }, { q: 'Kleidung Familien', perPage: 1 }, { q: 'Kleidung Familien', sort: 'newest' as const, perPage: 1 }, { q: 'Kleidung Familien', sort: 'newest' as const }]) {
      const [a, b] = [await meili.search(params(input), contractToday), await embedded.search(params(input), contractToday)]
      expect({ total: a.total, ids: a.hits.map((h) => h.id), kind: a.facets.kind, type: a.facets.type }, JSON.stringify(input)).toEqual({
        total: b.total,
        ids: b.hits.map((h) => h.id),
        kind: b.facets.kind,
        type: b.facets.type,
      })
    }
    // The last search: two words fill no page, so the first word alone is asked, not as a prefix.
    const [counts, results] = fake.sent('POST', '/multi-search').slice(-2).map((r) => (r.body as { queries: Array<Record<string, unknown>> }).queries)
    expect(counts).toEqual([{ indexUid: 'treffpunkt', q: 'kleidung familien', matchingStrategy: 'all', filter: visibility, page: 1, hitsPerPage: 0 }])
    expect(results[0]).toMatchObject({ q: 'kleidung ', matchingStrategy: 'all', sort: ['date:desc'] })
  })

  test('in relevance order below all words, takes the order of all words and cuts it at the total', async () => {
    const { meili } = engines()
    const answer = await meili.search(params({ q: 'Kleidung Familien', perPage: 1 }), contractToday)
    const queries = lastQueries()
    expect(queries[0]).toMatchObject({ q: 'kleidung familien', matchingStrategy: 'all', hitsPerPage: 1 })
    expect(answer).toMatchObject({ total: 1, hits: [{ id: 'clothes' }] })
    const wider = await meili.search(params({ q: 'Kleidung Familien', perPage: 5 }), contractToday)
    expect(lastQueries().map((q) => [q.q, q.matchingStrategy, q.hitsPerPage])).toEqual([
      ['kleidung ', 'all', 0],
      ['kleidung familien', 'last', 5],
    ])
    expect(wider.hits.map((hit) => hit.id)).toEqual(['clothes', 'coats'])
  })

  test('applies the validity dates on the day of the search, not the day of indexing', async () => {
    const { meili, embedded } = engines()
    const all = async (today: string) => (await meili.search(params({ kind: ['posting'], perPage: 100 }), today)).hits.map((h) => h.id).sort()
    const same = async (today: string) => (await embedded.search(params({ kind: ['posting'], perPage: 100 }), today)).hits.map((h) => h.id).sort()
    for (const today of [contractToday, '2020-01-01', '2031-01-01']) expect(await all(today)).toEqual(await same(today))
  })

  test('answers from the embedded engine when the port is closed, and says so', async () => {
    const embedded = createEmbeddedEngine(db)
    const meili = createMeilisearchEngine({ client: new Meilisearch({ host: 'http://127.0.0.1:9' }), index: 'treffpunkt', db, embedded })
    const input = params({ q: 'Winterkleidung', lang: 'de' })
    const answer = await meili.search(input, contractToday)
    expect(answer.engine).toBe('embedded')
    expect(answer.hits).toEqual((await embedded.search(input, contractToday)).hits)
  })

  test('after an error answer, leaves the server alone for a while, then asks it again', async () => {
    let now = 0
    const { meili } = engines({ retryAfterMs: 10_000, now: () => now })
    fake.unavailable = true
    expect((await meili.search(params({ q: 'kurs' }), contractToday)).engine).toBe('embedded')
    fake.unavailable = false
    const asked = fake.sent('POST', '/multi-search').length
    now = 9_999
    expect((await meili.search(params({ q: 'kurs' }), contractToday)).engine).toBe('embedded')
    expect(fake.sent('POST', '/multi-search')).toHaveLength(asked)
    now = 10_000
    expect((await meili.search(params({ q: 'kurs' }), contractToday)).engine).toBe('meilisearch')
  })

  test('gives a slow server two seconds, then the embedded engine answers', async () => {
    const clock = manualClock()
    const { meili } = engines({ deadline: clock.deadline })
    const held = fake.hold('POST', '/multi-search')
    const answer = meili.search(params({ q: 'kurs' }), contractToday)
    await fake.until(() => fake.sent('POST', '/multi-search').length === 1)
    clock.advance(timeLimits.searchMs)
    expect((await answer).engine).toBe('embedded')
    held.release()
  })

  test('without fallback (the contract suite) an error is an error', async () => {
    const embedded = createEmbeddedEngine(db)
    const meili = createMeilisearchEngine({ client: new Meilisearch({ host: 'http://127.0.0.1:9' }), index: 'treffpunkt', db, embedded, fallback: false })
    await expect(meili.search(params({ q: 'kurs' }), contractToday)).rejects.toThrow()
  })
})
