import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayInBerlin } from '../../db/dates'
import { parseSearchParams } from '../../search/engine'
import { getDb } from '../lib/db.server'
import { searchEngine, unknownFilter } from '../lib/search.server'

/** A good answer is cached as the server says (server/cache.ts); a refused one is not kept. */
const headers = { 'Access-Control-Allow-Origin': '*' }

/** `GET /api/search` (docs/api.md): public, read-only, the same answer whichever engine serves it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url).searchParams)
  const problem = parsed.ok ? unknownFilter(getDb(), parsed.params) : parsed.error
  if (!parsed.ok || problem) return Response.json({ error: problem }, { status: 400, headers: { ...headers, 'Cache-Control': 'no-store' } })
  const response = await searchEngine().search(parsed.params, todayInBerlin())
  return Response.json(response, { headers })
}
