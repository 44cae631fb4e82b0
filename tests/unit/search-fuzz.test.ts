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

  test('the search page renders or says 400/404, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(lng, query, async (locale, pairs) => {
        try {
          const data = (await page(args(`/${locale}/search`, pairs, { lng: locale }))) as { total: number }
          expect(data.total).toBeGreaterThanOrEqual(0)
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown
          expect([400, 404]).toContain(thrown.status)
        }
      }),
      { numRuns: 400 },
    )
  })
})
