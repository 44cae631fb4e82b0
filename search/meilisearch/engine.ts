import type { Meilisearch, MultiSearchQuery, MultiSearchResponse } from 'meilisearch'
import type { Db } from '../../db/client'
import { facetNames, type SearchKind } from '../document'
import type { EmbeddedEngine } from '../embedded/engine'
import { tokenize } from '../embedded/tokens'
import { activeFilters, maxQueryWords, type FilterName, type SearchEngine, type SearchParams, type SearchResponse } from '../engine'
import { labels } from '../hits'
import { buildFilter } from './filters'
import { maxTotalHits } from './settings'

export type MeilisearchEngineOptions = {
  client: Meilisearch
  index: string
  db: Db
  /** Answers when Meilisearch cannot; also shows the hits Meilisearch found. */
  embedded: EmbeddedEngine
  /** After a failure, Meilisearch is left alone this long before it is asked again. */
  retryAfterMs?: number
  /** Contract tests turn fallback off, so a broken Meilisearch fails instead of hiding. */
  fallback?: boolean
  onFallback?: (error: unknown) => void
}

const facetList: FilterName[] = ['kind', ...facetNames]

/**
 * Meilisearch answers the same questions the embedded engine does, the same way: one
 * multi-search holds the search with every filter and, per filtered facet, a count with
 * that facet's own filter left out (disjunctive counts). When the server is unreachable or
 * answers an error, the embedded engine answers (and says so in `engine`).
 */
export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const { client, index, db, embedded, retryAfterMs = 10_000, fallback = true } = options
  let downUntil = 0

  return {
    name: 'meilisearch',
    async search(params, today) {
      if (fallback && Date.now() < downUntil) return embedded.search(params, today)
      try {
        return await searchMeilisearch(params, today)
      } catch (error) {
        if (!fallback) throw error
        downUntil = Date.now() + retryAfterMs
        options.onFallback?.(error)
        return embedded.search(params, today)
      }
    },
  }

  async function searchMeilisearch(params: SearchParams, today: string): Promise<SearchResponse> {
    const started = performance.now()
    const { queries, counted } = multiSearchQueries(index, params, today)
    const { results } = (await client.multiSearch({ queries })) as MultiSearchResponse<Record<string, unknown>>
    const [main, ...disjunctive] = results
    const facets = Object.fromEntries(facetList.map((name) => [name, {} as Record<string, number>]))
    for (const name of facetList) Object.assign(facets[name], main.facetDistribution?.[name] ?? {})
    disjunctive.forEach((result, i) => {
      facets[counted[i]] = { ...(result.facetDistribution?.[counted[i]] ?? {}) }
    })
    const total = main.totalHits ?? main.estimatedTotalHits ?? 0
    const refs = main.hits.map((hit) => ({ kind: hit.kind as SearchKind, id: String(hit.id) }))
    return {
      engine: 'meilisearch',
      total,
      estimated: total >= maxTotalHits,
      page: params.page,
      perPage: params.perPage,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      hits: embedded.present(refs, params),
      facets: facets as SearchResponse['facets'],
      labels: labels(db, params.lang, facets.category, facets.district),
    }
  }
}

/** The multi-search for one search: the hits, then one count per filtered facet. */
export function multiSearchQueries(index: string, params: SearchParams, today: string): { queries: MultiSearchQuery[]; counted: FilterName[] } {
  const words = tokenize(params.q ?? '').slice(0, maxQueryWords)
  const q = words.join(' ')
  const filters = activeFilters(params)
  const sort = params.sort ?? (words.length > 0 ? 'relevance' : 'newest')
  const counted = facetList.filter((name) => filters.has(name))
  const main: MultiSearchQuery = {
    indexUid: index,
    q,
    filter: buildFilter(filters, today),
    facets: facetList,
    page: params.page,
    hitsPerPage: params.perPage,
    matchingStrategy: 'last',
    attributesToRetrieve: ['kind', 'id'],
    ...(sort === 'newest' || words.length === 0 ? { sort: ['date:desc'] } : {}),
  }
  const counts = counted.map(
    (name): MultiSearchQuery => ({
      indexUid: index,
      q,
      filter: buildFilter(filters, today, name),
      facets: [name],
      page: 1,
      hitsPerPage: 0,
      matchingStrategy: 'last',
    }),
  )
  return { queries: [main, ...counts], counted }
}
