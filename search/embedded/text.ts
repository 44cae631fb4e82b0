import type Database from 'better-sqlite3'
import type { Bitset } from './bitset'
import { addHits, hitsIn, type Hit } from './ranking'
import type { Candidate } from './vocabulary'

/** Per query word, its candidate terms by term id: the ranking's `WordMatches` over ids. */
export type IdMatches = Array<Map<number, Candidate>>

/** A taxonomy or organisation text and the documents (positions) that carry it. */
type Shared = { attribute: number; tokens: Int32Array; docs: number[] }

const [TITLE, TAXONOMY, ORGANISATION, BODY] = [0, 1, 2, 3]
const none = -1

/**
 * The index's words in memory (a copy of the FTS table, search_fts), so that matching and
 * ranking run without SQL: per document, by catalog position, the term ids of its title and
 * body (in one pool); its taxonomy and organisation texts, which many documents share (every
 * posting of a category repeats the same labels and synonyms in seven languages), once per
 * distinct text; and per term the documents and shared texts that hold it. Patched with
 * the catalog from the change log (`apply`).
 */
export class TextIndex {
  private readonly ids = new Map<string, number>()
  private readonly inTitle: number[][] = []
  private readonly inBody: number[][] = []
  private readonly inShared: number[][] = []
  private readonly sharedIds = new Map<string, number>()
  private readonly shared: Shared[] = []

  private pool = new Int32Array(1 << 16)
  private used = 0
  private garbage = 0
  private readonly start: Int32Array
  private readonly titleEnd: Int32Array
  private readonly end: Int32Array
  private readonly taxonomyOf: Int32Array
  private readonly organisationOf: Int32Array

  private constructor(capacity: number) {
    this.start = new Int32Array(capacity)
    this.titleEnd = new Int32Array(capacity)
    this.end = new Int32Array(capacity)
    this.taxonomyOf = new Int32Array(capacity).fill(none)
    this.organisationOf = new Int32Array(capacity).fill(none)
  }

  /** Every document of the FTS table; `positionOf` is the catalog's. */
  static load(client: Database.Database, capacity: number, positionOf: (rowid: number) => number | undefined): TextIndex {
    const index = new TextIndex(capacity)
    for (const row of client.prepare('select rowid, title, taxonomy, organisation, body from search_fts').raw().iterate() as Iterable<Row>) {
      const position = positionOf(row[0])
      if (position !== undefined) index.set(position, row)
    }
    return index
  }

  /** Takes these documents as they are now in the FTS table (`position` is where the catalog holds each). */
  apply(client: Database.Database, changed: Array<{ rowid: number; position: number }>): void {
    const read = client.prepare('select rowid, title, taxonomy, organisation, body from search_fts where rowid = ?').raw()
    for (const { rowid, position } of changed) {
      this.clear(position)
      const row = read.get(rowid) as Row | undefined
      if (row) this.set(position, row)
    }
  }

  /** A term's id, if some document ever held it. */
  id(term: string): number | undefined {
    return this.ids.get(term)
  }

  /** Adds to `into` the documents holding any of these terms: anywhere, or (`titleOnly`) in their title. */
  collect(ids: Iterable<number>, into: Bitset, titleOnly = false): Bitset {
    for (const id of ids) {
      for (const position of this.inTitle[id]) into.add(position)
      if (titleOnly) continue
      for (const position of this.inBody[id]) into.add(position)
      for (const text of this.inShared[id]) for (const position of this.shared[text].docs) into.add(position)
    }
    return into
  }

  /**
   * Per query word, where it occurs in the document at `position`, in ranking order of the
   * attributes; a shared text's hits are kept in `cache` for the rest of the search.
   */
  hits(position: number, words: IdMatches, cache: Map<number, Hit[][]>): Hit[][] {
    const best: Hit[][] = words.map(() => [])
    const sharedHits = (text: number) => {
      if (text === none) return
      let found = cache.get(text)
      if (!found) cache.set(text, (found = hitsIn(this.shared[text].tokens, this.shared[text].attribute, words)))
      addHits(best, found)
    }
    addHits(best, hitsIn(this.pool.subarray(this.start[position], this.titleEnd[position]), TITLE, words))
    sharedHits(this.taxonomyOf[position])
    sharedHits(this.organisationOf[position])
    addHits(best, hitsIn(this.pool.subarray(this.titleEnd[position], this.end[position]), BODY, words))
    return best
  }

  private set(position: number, [, title, taxonomy, organisation, body]: Row) {
    const titleTokens = this.tokens(title)
    const bodyTokens = this.tokens(body)
    this.reserve(titleTokens.length + bodyTokens.length)
    this.start[position] = this.used
    this.pool.set(titleTokens, this.used)
    this.titleEnd[position] = this.used += titleTokens.length
    this.pool.set(bodyTokens, this.used)
    this.end[position] = this.used += bodyTokens.length
    for (const id of new Set(titleTokens)) this.inTitle[id].push(position)
    for (const id of new Set(bodyTokens)) this.inBody[id].push(position)
    this.taxonomyOf[position] = this.share(TAXONOMY, taxonomy, position)
    this.organisationOf[position] = this.share(ORGANISATION, organisation, position)
  }

  private clear(position: number) {
    const own = (from: number, to: number) => new Set(this.pool.subarray(from, to))
    for (const id of own(this.start[position], this.titleEnd[position])) remove(this.inTitle[id], position)
    for (const id of own(this.titleEnd[position], this.end[position])) remove(this.inBody[id], position)
    for (const text of [this.taxonomyOf[position], this.organisationOf[position]]) if (text !== none) remove(this.shared[text].docs, position)
    this.garbage += this.end[position] - this.start[position]
    this.start[position] = this.titleEnd[position] = this.end[position] = 0
    this.taxonomyOf[position] = this.organisationOf[position] = none
  }

  /** The shared text's id (created on first sight), with `position` among its documents. */
  private share(attribute: number, text: string, position: number): number {
    if (text === '') return none
    const key = `${attribute}:${text}`
    let id = this.sharedIds.get(key)
    if (id === undefined) {
      id = this.shared.length
      const tokens = this.tokens(text)
      this.shared.push({ attribute, tokens, docs: [] })
      this.sharedIds.set(key, id)
      for (const term of new Set(tokens)) this.inShared[term].push(id)
    }
    this.shared[id].docs.push(position)
    return id
  }

  /** A column's term ids, in order (columns hold normalised words joined by spaces; ' \n ' separates languages). */
  private tokens(text: string): Int32Array {
    const terms = text.split(' ')
    const out = new Int32Array(terms.length)
    let n = 0
    for (const term of terms) {
      if (term === '' || term === '\n') continue
      let id = this.ids.get(term)
      if (id === undefined) {
        id = this.ids.size
        this.ids.set(term, id)
        this.inTitle.push([])
        this.inBody.push([])
        this.inShared.push([])
      }
      out[n++] = id
    }
    return out.subarray(0, n)
  }

  /** Room for `n` more tokens in the pool: compacted when half of it is left by changed documents, grown otherwise. */
  private reserve(n: number) {
    if (this.used + n <= this.pool.length) return
    const live = this.used - this.garbage
    const pool = new Int32Array(Math.max(this.pool.length, 2 * (live + n)))
    let used = 0
    for (let position = 0; position < this.start.length; position++) {
      const [from, middle, to] = [this.start[position], this.titleEnd[position], this.end[position]]
      if (to === from) continue
      pool.set(this.pool.subarray(from, to), used)
      this.start[position] = used
      this.titleEnd[position] = used + (middle - from)
      this.end[position] = used += to - from
    }
    this.pool = pool
    this.used = used
    this.garbage = 0
  }
}

type Row = [number, string, string, string, string]

/** Removes one `value` from an unordered list. */
function remove(list: number[], value: number) {
  const at = list.lastIndexOf(value)
  if (at < 0) return
  list[at] = list[list.length - 1]
  list.pop()
}
