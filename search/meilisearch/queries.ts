import type { MultiSearchQuery } from 'meilisearch'
import { facetNames } from '../document'
import { activeFilters, type FilterName, type SearchParams } from '../engine'
import { buildFilter, visibilityFilter } from './filters'

export const facetList: FilterName[] = ['kind', ...facetNames]

/*
 * What a multi-word query means, said once for both engines (DESIGN "Search design",
 * search/embedded/engine.ts): the documents that contain all words when they fill the
 * page asked for; else the last word is dropped and the rest tried, down to the first
 * word. Totals, facet counts and the "newest" order are those of that word set (the
 * "level"); the relevance order still puts documents with more words first.
 *
 * Meilisearch's own `matchingStrategy: "last"` is not that: its candidates are every
 * document that contains the first word (milli search/new/mod.rs,
 * `resolve_maximally_reduced_query_graph` removes every other term before `bucket_sort`),
 * and `totalHits` and the facet distribution count all of them. So the level is chosen
 * here, from one count per level, and asked with `matchingStrategy: "all"`.
 */

/**
 * The first `level` words as Meilisearch must read them: all required, and the last one a
 * prefix only when it is the query's last word. A query that ends in a separator has no
 * prefix word (milli query_term/parse_query.rs: only a word with nothing after it is
 * pushed as a prefix), which is how the embedded engine treats a word once the words
 * after it are dropped.
 */
export function levelQuery(words: string[], level: number): string {
  const q = words.slice(0, level).join(' ')
  return level < words.length ? `${q} ` : q
}

/** Round one, for two words or more: per level n … 2, the visible documents it finds. */
export function levelCountQueries(index: string, words: string[], today: string): MultiSearchQuery[] {
  const queries: MultiSearchQuery[] = []
  for (let level = words.length; level >= 2; level--) {
    queries.push({ indexUid: index, q: levelQuery(words, level), matchingStrategy: 'all', filter: visibilityFilter(today), page: 1, hitsPerPage: 0 })
  }
  return queries
}

/**
 * The level the embedded engine would use: the most words whose documents (visible, before
 * any facet filter) fill the page asked for, else the first word alone. `counts` are the
 * totals of `levelCountQueries`, most words first.
 */
export function chooseLevel(wordCount: number, counts: number[], needed: number): number {
  for (let i = 0; i < counts.length; i++) if (counts[i] >= needed) return wordCount - i
  return Math.min(wordCount, 1)
}

/**
 * Round two: the search at the chosen level with every filter and every facet, plus one
 * count per filtered facet with that facet's own filter left out (disjunctive counts). In
 * relevance order below the full word set, the hits come from one more query over all the
 * words with Meilisearch's "last" strategy: its order is the words rule's (all words, then
 * one fewer …), so its first hits are exactly the level's documents in the right order, and
 * they are cut where the level's total ends (`ranked`).
 */
export function resultQueries(index: string, params: SearchParams, today: string, words: string[], level: number) {
  const filters = activeFilters(params)
  const sort = params.sort ?? (words.length > 0 ? 'relevance' : 'newest')
  const q = levelQuery(words, level)
  const ranked = sort === 'relevance' && level < words.length
  const counted = facetList.filter((name) => filters.has(name))
  const main: MultiSearchQuery = {
    indexUid: index,
    q,
    matchingStrategy: 'all',
    filter: buildFilter(filters, today),
    facets: facetList,
    page: ranked ? 1 : params.page,
    hitsPerPage: ranked ? 0 : params.perPage,
    attributesToRetrieve: ['kind', 'id'],
    ...(sort === 'newest' || words.length === 0 ? { sort: ['date:desc'] } : {}),
  }
  const hits: MultiSearchQuery[] = ranked
    ? [{ indexUid: index, q: words.join(' '), matchingStrategy: 'last', filter: main.filter, page: params.page, hitsPerPage: params.perPage, attributesToRetrieve: ['kind', 'id'] }]
    : []
  const counts = counted.map(
    (name): MultiSearchQuery => ({ indexUid: index, q, matchingStrategy: 'all', filter: buildFilter(filters, today, name), facets: [name], page: 1, hitsPerPage: 0 }),
  )
  return { queries: [main, ...hits, ...counts], counted, ranked }
}
