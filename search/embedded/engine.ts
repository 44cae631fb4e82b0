import type { Db } from '../../db/client'
import { contentVersion } from '../../db/client'
import { facetNames, type SearchDocument, type SearchKind } from '../document'
import { exactGlossaryWords } from '../glossary'
import { activeFilters, maxQueryWords, type SearchEngine, type SearchHit, type SearchParams, type SearchResponse } from '../engine'
import { documentsByRef, labels, loadDocuments, toHit } from '../hits'
import { Bitset } from './bitset'
import { byNewest, Catalog, type Doc } from './catalog'
import { noOccurrences, rankKey, type Occurrences, type WordMatches } from './ranking'
import { TextIndex } from './text'
import { tokenize } from './tokens'
import { Vocabulary } from './vocabulary'
import { patchLimit } from './writer'

/**
 * Work bounds: at most `words` query words; the first `ranked` matches (those most likely
 * to rank first: every word without a typo, in the title first) are ordered by the full
 * ranking rules, the rest follow newest first.
 */
const limits = { words: maxQueryWords, ranked: 300, keptDocuments: 1_000 }

export type EmbeddedEngine = SearchEngine & {
  /** Hits for documents another engine found, shown exactly as this engine shows its own. */
  present(refs: Array<{ kind: SearchKind; id: string }>, params: SearchParams): SearchHit[]
  /** Loads the catalog and vocabulary now (seconds at 100,000 postings), not at the first search. */
  warm(): void
}

export function createEmbeddedEngine(db: Db): EmbeddedEngine {
  let state: Memory | undefined
  const current = () => {
    const version = contentVersion(db)
    if (state?.version !== version) state = (state && patched(db, state, version)) ?? loaded(db, version)
    return state
  }

  return {
    name: 'embedded',
    warm: () => void current(),
    present(refs, params) {
      const { vocabulary, known } = current()
      const { words, matches } = queryWords(vocabulary, known, params.q)
      return documentsByRef(db, refs).map((doc) => toHit(doc, params.lang, matches, words))
    },
    search(params, today) {
      const started = performance.now()
      const { catalog, vocabulary, known, text, shownLately } = current()
      const { words, matches } = queryWords(vocabulary, known, params.q)
      const byId = text.byId(matches)

      // 1. Documents that match the words (dropping words from the end while too few do),
      //    restricted to what the visibility rule shows today. Each round of dropping adds a
      //    level; within a level, the documents with every word typo-free in the title come
      //    first, then those with every word typo-free, then the rest: the order in which
      //    they are ranked.
      const shown = catalog.visibleBits(today)
      const sort = params.sort ?? (words.length > 0 ? 'relevance' : 'newest')
      let positions = shown
      let buckets: Bitset[] = [shown]
      let exact: Bitset[] = []
      if (words.length > 0) {
        const anywhere = byId.terms.map((terms) => text.collect(terms.keys(), new Bitset(catalog.capacity)))
        const typoFree = byId.terms.map((terms) => [...terms].filter(([, candidate]) => candidate.typos === 0).map(([id]) => id))
        exact = typoFree.map((ids) => text.collect(ids, new Bitset(catalog.capacity)))
        const inTitle = typoFree.map((ids) => text.collect(ids, new Bitset(catalog.capacity), true))
        // Fresh sets, changed in place (a set of 100,000 positions is 12.5 kB).
        const every = (sets: Bitset[], used: number) => sets.slice(1, used).reduce((set, next) => set.keep(next), shown.and(sets[0]))
        const needed = params.page * params.perPage
        positions = new Bitset(catalog.capacity)
        buckets = []
        for (let used = words.length; used >= 1 && positions.count() < needed; used--) {
          const level = every(anywhere, used).drop(positions)
          positions.join(level)
          if (sort === 'newest') continue
          const first = every(inTitle, used).keep(level)
          const second = every(exact, used).keep(level).drop(first)
          buckets.push(first, second, level.drop(first).drop(second))
        }
        if (sort === 'newest') buckets = [positions]
      }

      // 2. Filter, and count each facet with its own filter left out (disjunctive): a
      //    document that fails only the filter of facet F still counts for F's values.
      // A document without the facet fails its filter: `type=need` excludes organisations and groups.
      const masks = [...activeFilters(params)].map(([facet, values]): [string, Bitset] => [facet, values.reduce((union, value) => union.join(catalog.withValue(facet, value)), new Bitset(catalog.capacity))])
      const passing = (except?: string) => masks.reduce((set, [facet, mask]) => (facet === except ? set : set.and(mask)), positions)
      const all = passing()
      const countAll = catalog.counter(all)
      const facets: Record<string, Record<string, number>> = {}
      for (const name of ['kind', ...facetNames]) {
        const count = masks.some(([facet]) => facet === name) ? catalog.counter(passing(name)) : countAll
        facets[name] = {}
        for (const value of catalog.valuesOf(name)) {
          const n = count(name, value)
          if (n > 0) facets[name][value] = n
        }
      }

      // 3. Order, as far as the page reaches: Meilisearch's ranking rules over the first
      //    `ranked` documents, the rest newest first within their bucket; or newest first.
      const offset = (params.page - 1) * params.perPage
      const ranking = sort === 'relevance' && words.length > 0
      const wanted = Math.max(offset + params.perPage, ranking ? limits.ranked : 0)
      const picked: Doc[] = []
      for (const bucket of buckets) {
        if (picked.length >= wanted) break
        // Without filters, every bucket is within `all` already.
        const inAll = masks.length > 0 ? bucket.and(all) : bucket
        for (const position of catalog.newest(inAll, today, wanted - picked.length)) picked.push(catalog.at(position)!)
      }
      if (ranking) {
        const cache = new Map<number, Occurrences>()
        const found = noOccurrences(words.length)
        // A document with a typo-free candidate of every word may do better than one without.
        const typoFree = (position: number) => exact.every((set) => set.has(position))
        const count = Math.min(picked.length, limits.ranked)
        const keys = new Float64Array(count)
        for (let i = 0; i < count; i++) keys[i] = rankKey(text.occurrences(picked[i].position, byId, cache, found, typoFree(picked[i].position)))
        const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || byNewest(picked[a], picked[b]))
        picked.splice(0, count, ...order.map((i) => picked[i]))
      }
      const page = picked.slice(offset, offset + params.perPage)
      const documents = pageDocuments(db, shownLately, page.map((doc) => doc.rowid))
      return {
        engine: 'embedded',
        total: all.count(),
        estimated: false,
        page: params.page,
        perPage: params.perPage,
        tookMs: Math.round((performance.now() - started) * 10) / 10,
        hits: page.map((doc) => toHit(documents.get(doc.rowid)!, params.lang, matches, words)),
        facets: facets as SearchResponse['facets'],
        labels: labels(db, params.lang, facets.category, facets.district),
      }
    },
  }
}

/**
 * What the engine keeps in memory, as of `version` and the change log's row `seq`; with
 * the documents pages showed lately, parsed (`shownLately`, least recently shown first).
 */
type Memory = {
  version: string
  seq: number
  catalog: Catalog
  text: TextIndex
  vocabulary: Vocabulary
  known: Set<string>
  shownLately: Map<number, SearchDocument>
}

/**
 * A page's documents by rowid. A search asked again, or the first page of a popular word,
 * shows the same documents: the last thousand shown are kept parsed (a few MB) instead of
 * read and parsed again (about a quarter of a search for a rare word).
 */
function pageDocuments(db: Db, kept: Map<number, SearchDocument>, rowids: number[]): Map<number, SearchDocument> {
  const page = new Map<number, SearchDocument>()
  for (const rowid of rowids) {
    const document = kept.get(rowid)
    if (document) page.set(rowid, document)
  }
  if (page.size < rowids.length) for (const [rowid, document] of loadDocuments(db, rowids.filter((rowid) => !page.has(rowid)))) page.set(rowid, document)
  for (const [rowid, document] of page) {
    kept.delete(rowid)
    kept.set(rowid, document)
  }
  for (const rowid of kept.keys()) {
    if (kept.size <= limits.keptDocuments) break
    kept.delete(rowid)
  }
  return page
}

const lastChange = (db: Db) => (db.$client.prepare('select coalesce(max(seq), 0) from search_changes').pluck().get() as number)

function loaded(db: Db, version: string): Memory {
  // The log position first: a change committed while loading is applied again next time.
  const seq = lastChange(db)
  const catalog = Catalog.load(db)
  const text = TextIndex.load(db.$client, catalog.capacity, (rowid) => catalog.docs.get(rowid)?.position)
  return { version, seq, catalog, text, vocabulary: Vocabulary.load(db.$client), known: exactGlossaryWords(db), shownLately: new Map() }
}

/**
 * The memory brought up to date from the change log (search_changes): only the documents
 * written since, and the terms whose counts they moved. Undefined when it cannot be: a
 * rebuild (document 0), rows pruned before this reader saw them, too many changes, or no
 * room left in the catalog.
 */
function patched(db: Db, memory: Memory, version: string): Memory | undefined {
  const rows = db.$client
    .prepare('select seq, doc, terms from search_changes where seq > ? order by seq limit ?')
    .raw()
    .all(memory.seq, patchLimit + 1) as Array<[number, number, string]>
  if (rows.length === 0 && lastChange(db) !== memory.seq) return undefined
  if (rows.length > patchLimit || (rows.length > 0 && rows[0][0] !== memory.seq + 1) || rows.some(([, doc]) => doc === 0)) return undefined
  const touched = memory.catalog.apply([...new Set(rows.map(([, doc]) => doc))])
  if (!touched) return undefined
  memory.text.apply(db.$client, touched)
  for (const { rowid } of touched) memory.shownLately.delete(rowid)
  memory.vocabulary.apply(db.$client, new Set(rows.flatMap(([, , terms]) => (terms ? terms.split(' ') : []))))
  return { ...memory, version, seq: rows.length > 0 ? rows[rows.length - 1][0] : memory.seq }
}

/**
 * The query's words (at most `limits.words`) and the index terms each may stand for; an
 * Arabic-script glossary word (`known`) is taken as written, without typo variants.
 */
function queryWords(vocabulary: Vocabulary, known: Set<string>, q: string | undefined): { words: string[]; matches: WordMatches } {
  const words = tokenize(q ?? '').slice(0, limits.words)
  const matches = words.map((word, index) => new Map(vocabulary.candidates(word, index === words.length - 1, known.has(word)).map((c) => [c.term, c])))
  return { words, matches }
}

