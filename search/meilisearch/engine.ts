import type { Meilisearch, MultiSearchQuery, MultiSearchResponse, SearchResponse as MeiliResponse } from 'meilisearch'
import type { Db } from '../../db/client'
import type { SearchKind } from '../document'
import type { EmbeddedEngine } from '../embedded/engine'
import { tokenize } from '../embedded/tokens'
import { maxQueryWords, type SearchEngine, type SearchParams, type SearchResponse } from '../engine'
import { labels } from '../hits'
import { realDeadline, timeLimits, type Deadline } from './limits'
import { chooseLevel, facetList, levelCountQueries, resultQueries } from './queries'
import { maxTotalHits } from './settings'

export type MeilisearchEngineOptions = {
  client: Meilisearch
  index: string
  db: Db
  /** Answers when Meilisearch cannot; also shows the hits Meilisearch found. */
  embedded: EmbeddedEngine
  /** After a failure, Meilisearch is left alone this long before it is asked again. */
  retryAfterMs?: number
  /** A whole search may take this long; then the embedded engine answers. */
  searchMs?: number
  deadline?: Deadline
  /** The clock of `retryAfterMs` (tests pass their own). */
  now?: () => number
  /** Contract tests turn fallback off, so a broken Meilisearch fails instead of hiding. */
  fallback?: boolean
  onFallback?: (error: unknown) => void
}

type Result = MeiliResponse<Record<string, unknown>>

/**
 * Meilisearch answers the same questions the embedded engine does, the same way (see
 * queries.ts for what a multi-word query means): for two words or more one multi-search
 * counts each word set, a second one asks the chosen set with every filter and counts each
 * filtered facet with its own filter left out. When the server is unreachable, too slow or
 * answers an error, the embedded engine answers (and says so in `engine`).
 */
export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const { client, index, db, embedded, retryAfterMs = 10_000, fallback = true } = options
  const { searchMs = timeLimits.searchMs, deadline = realDeadline, now = Date.now } = options
  let downUntil = 0

  return {
    name: 'meilisearch',
    async search(params, today) {
      if (fallback && now() < downUntil) return embedded.search(params, today)
      try {
        return await searchMeilisearch(params, today)
      } catch (error) {
        if (!fallback) throw error
        downUntil = now() + retryAfterMs
        options.onFallback?.(error)
        return embedded.search(params, today)
      }
    },
  }

  async function searchMeilisearch(params: SearchParams, today: string): Promise<SearchResponse> {
    const started = performance.now()
    // One limit for the whole search, both rounds: a slow server must not hold a page.
    const signal = deadline(searchMs)
    const ask = async (queries: MultiSearchQuery[]) =>
      ((await client.multiSearch({ queries }, { signal })) as MultiSearchResponse<Record<string, unknown>>).results as Result[]

    const words = tokenize(params.q ?? '').slice(0, maxQueryWords)
    let level = words.length
    if (words.length >= 2) {
      const counts = await ask(levelCountQueries(index, words, today))
      level = chooseLevel(words.length, counts.map(total), params.page * params.perPage)
    }
    const { queries, counted, ranked } = resultQueries(index, params, today, words, level)
    const [main, ...rest] = await ask(queries)
    const hitsFrom = ranked ? rest.shift()! : main
    const facets = Object.fromEntries(facetList.map((name) => [name, { ...(main.facetDistribution?.[name] ?? {}) }]))
    rest.forEach((result, i) => {
      facets[counted[i]] = { ...(result.facetDistribution?.[counted[i]] ?? {}) }
    })
    const count = total(main)
    // Hits over all words in "last" order run on past the level's documents: cut there.
    const shown = ranked ? hitsFrom.hits.slice(0, Math.max(0, count - (params.page - 1) * params.perPage)) : hitsFrom.hits
    const refs = shown.map((hit) => ({ kind: hit.kind as SearchKind, id: String(hit.id) }))
    return {
      engine: 'meilisearch',
      total: count,
      estimated: count >= maxTotalHits,
      page: params.page,
      perPage: params.perPage,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      hits: embedded.present(refs, params),
      facets: facets as SearchResponse['facets'],
      labels: labels(db, params.lang, facets.category, facets.district),
    }
  }
}

const total = (result: Result) => result.totalHits ?? result.estimatedTotalHits ?? 0
