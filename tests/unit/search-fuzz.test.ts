import fc from 'fast-check'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { importExchange } from '../../db/exchange'
import { contractFile, contractToday } from '../../search/contract/fixture'
import { testDatabase } from '../db'
import { commandContext } from '../../search/context'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
let api: Loader
let page: Loader

beforeAll(async () => {
  const { db, file } = testDatabase()
  const outcome = importExchange(commandContext(db, null), contractFile, { today: contractToday })
  if (!outcome.ok) throw new Error('fixture did not import')
  db.$client.close()
  // The routes open the database named by the environment, as the server does.
  process.env.DATABASE_PATH = file
  api = (await import('../../app/routes/api.search')).loader as Loader
  page = (await import('../../app/routes/$lng.search')).loader as Loader
})

const names = ['q', 'lang', 'kind', 'type', 'category', 'district', 'audience', 'language', 'orgKind', 'sort', 'page', 'perPage']
const key = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 }))
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '', ' ', 'de', 'ar', 'xx', 'posting', 'offer', 'need', 'language', 'language-courses', 'oststadt', 'women', 'ar-SY',
    'advisory_centre', 'relevance', 'newest', '0', '-1', '1e9', 'NaN', '2.5', '100', '101', '10000000000000000000000',
    '"', '""', "'", '*', 'AND', 'OR', 'NOT', 'NEAR(', '^', ':', '-', 'c++', '\u0000', '\u200c', '🙂', '%', '\\',
    'رِعَايَة', 'كمك', 'Київ', 'KADIN', 'Straße', '<script>alert(1)</script>', 'a'.repeat(600),
  ),
)
const query = fc.array(fc.tuple(key, value), { maxLength: 8 })
const lng = fc.oneof(fc.constantFrom('de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr'), fc.string({ maxLength: 4 }))

const args = (path: string, pairs: Array<[string, string]>, params: Record<string, string> = {}): LoaderFunctionArgs => ({
  request: new Request(`http://localhost${path}?${new URLSearchParams(pairs)}`),
  params,
  context: {},
})

describe('search with generated parameters', () => {
  test('GET /api/search answers 200 with results or 400 with a message, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const response = (await api(args('/api/search', pairs))) as Response
        expect([200, 400]).toContain(response.status)
        const body = (await response.json()) as { error?: string; hits?: unknown[] }
        if (response.status === 400) expect(body.error).toMatch(/\S/)
        else expect(Array.isArray(body.hits)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  test('the search page renders for every query in every locale, and 404 for an unknown locale', async () => {
    type Page = { total: number; hits: unknown[]; ignored: boolean }
    await fc.assert(
      fc.asyncProperty(lng, query, async (locale, pairs) => {
        const outcome = await page(args(`/${locale}/search`, pairs, { lng: locale })).then(
          (data) => ({ data: data as Page, status: 200 }),
          (thrown: unknown) => {
            if (!(thrown instanceof Response)) throw thrown
            return { data: null, status: thrown.status }
          },
        )
        const known = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr'].includes(locale)
        expect(outcome.status).toBe(known ? 200 : 404)
        expect(outcome.data === null).toBe(!known)
        expect(outcome.data?.hits.length ?? 0).toBeLessThanOrEqual(Math.min(outcome.data?.total ?? 0, 100))
      }),
      { numRuns: 400 },
    )
  })

  test('a shared link’s tracking parameters change nothing; an invalid filter is dropped with a notice', async () => {
    const plain = (await page(args('/de/search', [['q', 'Deutschkurs']], { lng: 'de' }))) as { total: number; ignored: boolean }
    expect(plain.total).toBeGreaterThan(0)
    const tracked = (await page(args('/de/search', [['q', 'Deutschkurs'], ['fbclid', 'abc'], ['utm_source', 'whatsapp']], { lng: 'de' }))) as typeof plain
    expect(tracked).toEqual(plain)
    const broken = (await page(args('/de/search', [['q', 'Deutschkurs'], ['page', '-1'], ['sort', 'bogus'], ['category', 'no-such-topic']], { lng: 'de' }))) as typeof plain & { page: number }
    expect(broken).toMatchObject({ total: plain.total, ignored: true, page: 1 })
    // The API stays strict.
    expect(((await api(args('/api/search', [['q', 'Deutschkurs'], ['fbclid', 'abc']]))) as Response).status).toBe(400)
  })
})
