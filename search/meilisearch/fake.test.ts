import { Meilisearch, MeilisearchApiError, type MultiSearchQuery } from 'meilisearch'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { quote } from './filters'
import { MeiliWriter } from './tasks'

/**
 * The fake must refuse what the server refuses and apply what it applies (issue 14), or
 * the engine's tests prove nothing: each case here names the server behaviour it copies.
 */
let fake: FakeMeilisearch
let client: Meilisearch
let writer: MeiliWriter

beforeEach(async () => {
  fake = new FakeMeilisearch()
  client = new Meilisearch({ host: await fake.listen() })
  writer = new MeiliWriter(client, { limits: { pollIntervalMs: 1 } })
  await writer.ensureIndex('i')
  await writer.applySettings('i', { filterableAttributes: ['district'], sortableAttributes: ['date'], pagination: { maxTotalHits: 3 }, faceting: { maxValuesPerFacet: 2 } })
  const districts = ['oststadt', 'West\\Stadt', 'say "hi"', 'ends\\', 'a\\"b']
  await writer.addDocuments('i', districts.map((district, i) => ({ uid: `d${i}`, title: `doc ${i}`, district: [district], date: i, secret: 'x' })))
})
afterEach(() => fake.close())

const search = async (query: Partial<MultiSearchQuery>) => (await client.multiSearch({ queries: [{ indexUid: 'i', ...query }] })).results[0]
const refusal = async (query: Partial<MultiSearchQuery>) => {
  const error = await search(query).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof MeilisearchApiError)) throw new Error(`expected an error answer, got ${String(error)}`)
  return { status: error.response.status, code: error.cause?.code, message: error.cause?.message }
}

describe('the fake Meilisearch', () => {
  test('runs tasks in order in the background, whether or not anyone polls', async () => {
    const { taskUid } = (await client.httpRequest.post({ path: 'indexes/i/documents/delete-batch', body: ['d0'] })) as { taskUid: number }
    await fake.until(() => fake.tasks[taskUid].status === 'succeeded')
    expect(fake.sent('GET', `/tasks/${taskUid}`)).toHaveLength(0)
    expect(fake.documents('i').some((doc) => doc.uid === 'd0')).toBe(false)
  })

  test('refuses a filter, facet or sort on an attribute not declared, with the server’s codes', async () => {
    expect(await refusal({ filter: ['secret = "x"'] })).toMatchObject({ status: 400, code: 'invalid_search_filter', message: expect.stringMatching(/^Inside `.queries\[0\]`: Attribute `secret` is not filterable/) })
    expect(await refusal({ facets: ['secret'] })).toMatchObject({ status: 400, code: 'invalid_search_facets' })
    expect(await refusal({ sort: ['title:asc'] })).toMatchObject({ status: 400, code: 'invalid_search_sort' })
    expect(await refusal({ filter: ['district = "unclosed'] })).toMatchObject({ status: 400, code: 'invalid_search_filter' })
  })

  test('answers a missing index in a multi-search with 400 index_not_found', async () => {
    expect(await refusal({ indexUid: 'nowhere' })).toEqual({ status: 400, code: 'index_not_found', message: 'Inside `.queries[0]`: Index `nowhere` not found.' })
  })

  test('caps totals at maxTotalHits and facet values at maxValuesPerFacet', async () => {
    const result = await search({ q: '', facets: ['district'], page: 1, hitsPerPage: 10 })
    expect(result.totalHits).toBe(3)
    expect(result.hits).toHaveLength(3)
    expect(Object.keys(result.facetDistribution!.district)).toHaveLength(2)
  })

  test('compares filter values without case and unescapes them as the server’s parser does', async () => {
    const ids = async (value: string) => (await search({ filter: [`district = ${quote(value)}`] })).hits.map((hit) => hit.uid)
    expect(await ids('OSTSTADT')).toEqual(['d0'])
    expect(await ids('west\\stadt')).toEqual(['d1'])
    expect(await ids('say "hi"')).toEqual(['d2'])
    expect(await ids('ends\\')).toEqual(['d3'])
    expect(await ids('a\\"b')).toEqual(['d4'])
    // Escaping only the quote, as issue 14 proposed, loses a value ending in a backslash.
    expect(await refusal({ filter: ['district = "ends\\"'] })).toMatchObject({ code: 'invalid_search_filter' })
  })

  test('reads only the last word as a prefix, and none when the query ends in a space', async () => {
    const ids = async (q: string) => (await search({ q, matchingStrategy: 'all' })).hits.map((hit) => hit.uid)
    expect(await ids('do 1')).toEqual([])
    expect(await ids('doc 1')).toEqual(['d1'])
    expect(await ids('doc 1 ')).toEqual(['d1'])
    expect(await ids('do')).toHaveLength(3)
    expect(await ids('do ')).toEqual([])
  })
})
