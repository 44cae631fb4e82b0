import type { Db } from '../../db/client'
import { contentVersion } from '../../db/client'
import { facetNames, type SearchKind } from '../document'
import { exactGlossaryWords } from '../glossary'
import { activeFilters, maxQueryWords, type SearchEngine, type SearchHit, type SearchParams, type SearchResponse } from '../engine'
import { documentsByRef, labels, loadDocuments, toHit } from '../hits'
import { Bitset } from './bitset'
import { byNewest, Catalog, type Doc } from './catalog'
import { compareRanks, rankDocument, type Rank, type WordMatches } from './ranking'
import { tokenize } from './tokens'
import { Vocabulary } from './vocabulary'
import { patchLimit } from './writer'

/**
 * Work bounds: no query may take seconds (better-sqlite3 cannot interrupt a statement).
 * FTS5 hands over at most `candidates` documents per word set, of which the first
 * `ranked` are ordered by the full ranking rules (`preselect` says which come first).
 * bm25 is asked only where it is cheap: its cost grows with matches × terms.
 */
const limits = { words: maxQueryWords, candidates: 5_000, ranked: 300, bm25Matches: 1_000, exactTotal: 1_000 }

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
      const { catalog, vocabulary, known } = current()
      const { words, matches } = queryWords(vocabulary, known, params.q)
      const visible = catalog.visible(today)

      // 1. Documents that match the words (dropping words from the end while too few do),
      //    in FTS5's bm25 order, restricted to what the visibility rule shows today.
      let candidates: number[]
      let estimated = false
      if (words.length === 0) {
        candidates = visible
      } else {
        const shown = catalog.visibleSet(today)
        const found = new Set<number>()
        const needed = params.page * params.perPage
        for (let used = words.length; used >= 1 && found.size < needed; used--) {
          const groups = matches.slice(0, used)
          const expression = matchExpression(groups)
          if (!expression) continue
          const rowids = [...preselect(db, vocabulary, groups, expression), ...matchRowids(db, expression, limits.candidates, false)]
          if (rowids.length - limits.ranked * 2 >= limits.candidates) estimated = true
          for (const rowid of rowids) if (shown.has(rowid)) found.add(rowid)
        }
        candidates = [...found]
      }

      // 2. Filter, and count each facet with its own filter left out (disjunctive): a
      //    document that fails only the filter of facet F still counts for F's values.
      const positions = words.length === 0 ? catalog.visibleBits(today) : Bitset.of(catalog.capacity, candidates.map((rowid) => catalog.docs.get(rowid)!.position))
      // A document without the facet fails its filter: `type=need` excludes organisations and groups.
      const masks = [...activeFilters(params)].map(([facet, values]): [string, Bitset] => [facet, values.reduce((union, value) => union.or(catalog.withValue(facet, value)), new Bitset(catalog.capacity))])
      const passing = (except?: string) => masks.reduce((set, [facet, mask]) => (facet === except ? set : set.and(mask)), positions)
      const all = passing()
      const facets: Record<string, Record<string, number>> = {}
      for (const name of ['kind', ...facetNames]) {
        const base = masks.some(([facet]) => facet === name) ? passing(name) : all
        facets[name] = {}
        for (const value of catalog.valuesOf(name)) {
          const n = base.countAnd(catalog.withValue(name, value))
          if (n > 0) facets[name][value] = n
        }
      }
      const hits: Doc[] = []
      for (const rowid of candidates) {
        const doc = catalog.docs.get(rowid)
        if (doc && all.has(doc.position)) hits.push(doc)
      }

      // 3. Order: Meilisearch's ranking rules, or newest first.
      const sort = params.sort ?? (words.length > 0 ? 'relevance' : 'newest')
      let ordered: Doc[]
      if (sort === 'relevance' && words.length > 0) {
        const top = hits.slice(0, limits.ranked)
        const ranks = rankAll(db, top, matches)
        ordered = [...top.sort((a, b) => compareRanks(ranks.get(a.rowid)!, ranks.get(b.rowid)!) || byNewest(a, b)), ...hits.slice(limits.ranked)]
      } else {
        ordered = words.length > 0 ? hits.sort(byNewest) : hits
      }

      const offset = (params.page - 1) * params.perPage
      const page = ordered.slice(offset, offset + params.perPage)
      const documents = loadDocuments(db, page.map((doc) => doc.rowid))
      return {
        engine: 'embedded',
        total: ordered.length,
        estimated: estimated && ordered.length >= limits.exactTotal,
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

/** What the engine keeps in memory, as of `version` and the change log's row `seq`. */
type Memory = { version: string; seq: number; catalog: Catalog; vocabulary: Vocabulary; known: Set<string> }

const lastChange = (db: Db) => (db.$client.prepare('select coalesce(max(seq), 0) from search_changes').pluck().get() as number)

function loaded(db: Db, version: string): Memory {
  // The log position first: a change committed while loading is applied again next time.
  const seq = lastChange(db)
  return { version, seq, catalog: Catalog.load(db), vocabulary: Vocabulary.load(db.$client), known: exactGlossaryWords(db) }
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
  if (!memory.catalog.apply([...new Set(rows.map(([, doc]) => doc))])) return undefined
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

/**
 * The documents most likely to rank first, in that order: those with every word as typed
 * (no typo, no completion; by bm25 when that is cheap), then those with all words in the
 * title. The rest follow in index order.
 */
function preselect(db: Db, vocabulary: Vocabulary, groups: WordMatches, expression: string): number[] {
  const exact = groups.map((terms) => [...terms.values()].filter((c) => c.typos === 0 && !c.prefix).map((c) => c.term))
  const out: number[] = []
  if (exact.every((terms) => terms.length > 0)) {
    const core = exact.map((terms) => `(${terms.map(quoteTerm).join(' OR ')})`).join(' AND ')
    const breadth = Math.min(...exact.map((terms) => terms.reduce((sum, term) => sum + vocabulary.frequency(term), 0)))
    out.push(...matchRowids(db, core, limits.ranked, breadth <= limits.bm25Matches))
  }
  out.push(...matchRowids(db, `{title} : (${expression})`, limits.ranked, false))
  return out
}

const quoteTerm = (term: string) => `"${term.replaceAll('"', '""')}"`

function matchRowids(db: Db, expression: string, limit: number, byRank: boolean): number[] {
  const sql = `select rowid from search_fts where search_fts match ?${byRank ? ' order by rank' : ''} limit ?`
  return db.$client.prepare(sql).pluck().all(expression, limit) as number[]
}

/** `("term" OR "term2") AND (…)`: only vocabulary terms, each quoted; user text never reaches MATCH. */
function matchExpression(matches: WordMatches): string | null {
  const groups = matches.filter((terms) => terms.size > 0)
  if (groups.length < matches.length) return null
  return groups.map((terms) => `(${[...terms.keys()].map(quoteTerm).join(' OR ')})`).join(' AND ')
}

function rankAll(db: Db, docs: Doc[], matches: WordMatches): Map<number, Rank> {
  const ranks = new Map<number, Rank>()
  if (docs.length === 0) return ranks
  const rows = db.$client
    .prepare('select rowid, title, taxonomy, organisation, body from search_fts where rowid in (select value from json_each(?))')
    .all(JSON.stringify(docs.map((doc) => doc.rowid))) as Array<Record<string, string> & { rowid: number }>
  // Postings of one category share their taxonomy text: split it once per search.
  const split = new Map<string, string[]>()
  const words = (text: string) => {
    let tokens = split.get(text)
    if (!tokens) split.set(text, (tokens = text ? text.split(' ').filter((token) => token !== '' && token !== '\n') : []))
    return tokens
  }
  for (const row of rows) {
    const attributes = [words(row.title), words(row.taxonomy), words(row.organisation), words(row.body)]
    ranks.set(row.rowid, rankDocument(attributes, matches))
  }
  return ranks
}
