import type Database from 'better-sqlite3'
import type { Bitset } from './bitset'
import { bestPossible, forget, merge, noOccurrences, scan, settled, type Occurrences, type WordMatches } from './ranking'
import { Slices } from './slices'
import type { Candidate } from './vocabulary'

/**
 * Per query word, its candidate terms by term id (the ranking's `WordMatches` over ids);
 * `mark` stamps them in the index, valid until the next `byId` (a search asks once, then ranks);
 * `best`, what no document's occurrences can better; `bestWithTypos`, what no document
 * without a typo-free candidate can better.
 */
export type IdMatches = { terms: Array<Map<number, Candidate>>; mark: number; best: Occurrences; bestWithTypos: Occurrences }

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
  private readonly inTitle = new Lists()
  private readonly inBody = new Lists()
  private readonly inShared: number[][] = []
  /** Shared texts' ids by text, per attribute (taxonomy, organisation). */
  private readonly sharedIds = new Map<number, Map<string, number>>([[TAXONOMY, new Map()], [ORGANISATION, new Map()]])
  private readonly shared: Shared[] = []

  /** The last `byId`'s terms: `marks[id]` is its stamp (so the array is never cleared). */
  private marks = new Int32Array(0)
  private mark = 0

  /** Per document, the term ids of its title, then of its body. */
  private readonly own: Slices
  private readonly titleLength: Int32Array
  private readonly taxonomyOf: Int32Array
  private readonly organisationOf: Int32Array

  private constructor(capacity: number) {
    this.own = new Slices(capacity)
    this.titleLength = new Int32Array(capacity)
    this.taxonomyOf = new Int32Array(capacity).fill(none)
    this.organisationOf = new Int32Array(capacity).fill(none)
  }

  /** Every document of the FTS table; `positionOf` is the catalog's. */
  static load(client: Database.Database, capacity: number, positionOf: (rowid: number) => number | undefined): TextIndex {
    const index = new TextIndex(capacity)
    for (const row of client.prepare('select rowid, title, taxonomy, organisation, body from search_fts').raw().iterate() as Iterable<Row>) {
      const position = positionOf(row[0])
      if (position !== undefined) index.set(position, row, false)
    }
    // Every document's terms are in the pool: pack the lists from there, without a list per term on the way.
    index.inTitle.pack(index.ids.size, capacity, (position) => index.titleOf(position))
    index.inBody.pack(index.ids.size, capacity, (position) => index.bodyOf(position))
    index.own.settle()
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

  /**
   * The query words' candidate terms by id (a term no document ever held is left out),
   * stamped, so that `occurrences` passes over a document's other terms with one array read
   * instead of a map lookup per word.
   */
  byId(matches: WordMatches): IdMatches {
    if (this.marks.length < this.ids.size) this.marks = new Int32Array(this.ids.size + (this.ids.size >> 2))
    const mark = ++this.mark
    const terms = matches.map((words) => {
      const out = new Map<number, Candidate>()
      for (const [term, candidate] of words) {
        const id = this.ids.get(term)
        if (id === undefined) continue
        out.set(id, candidate)
        this.marks[id] = mark
      }
      return out
    })
    const withTypos = terms.map((words) => new Map([...words].filter(([, candidate]) => candidate.typos > 0)))
    return { terms, mark, best: bestPossible(terms), bestWithTypos: bestPossible(withTypos) }
  }

  /** Adds to `into` the documents holding any of these terms: anywhere, or (`titleOnly`) in their title. */
  collect(ids: Iterable<number>, into: Bitset, titleOnly = false): Bitset {
    for (const id of ids) {
      this.inTitle.addTo(id, into)
      if (titleOnly) continue
      this.inBody.addTo(id, into)
      for (const text of this.inShared[id]) for (const position of this.shared[text].docs) into.add(position)
    }
    return into
  }

  /**
   * Where the query words occur in the document at `position` (into `found`), over its
   * attributes in ranking order, read only as far as can change its rank (`typoFree`: the
   * document holds a typo-free candidate of every word; false lets a document that can do
   * no better than a typo stop at its first); a shared text's occurrences are kept in `cache`
   * for the rest of the search, read as far as any document could need.
   */
  occurrences(position: number, matches: IdMatches, cache: Map<number, Occurrences>, found: Occurrences, typoFree = true): Occurrences {
    const { terms: words, mark } = matches
    const best = typoFree ? matches.best : matches.bestWithTypos
    forget(found)
    const [start, end] = [this.own.start(position), this.own.end(position)]
    const titleEnd = start + this.titleLength[position]
    scan(found, this.own.values, TITLE, words, start, titleEnd, this.marks, mark, best)
    if (settled(found, best)) return found
    for (const text of [this.taxonomyOf[position], this.organisationOf[position]]) {
      if (text === none) continue
      let part = cache.get(text)
      if (!part) {
        const { tokens, attribute } = this.shared[text]
        cache.set(text, (part = noOccurrences(words.length)))
        scan(part, tokens, attribute, words, 0, tokens.length, this.marks, mark, matches.best)
      }
      merge(found, part)
    }
    if (settled(found, best)) return found
    scan(found, this.own.values, BODY, words, titleEnd, end, this.marks, mark, best)
    return found
  }

  /** Holds the document at `position`; `listed` false while loading (the lists are packed afterwards). */
  private set(position: number, [, title, taxonomy, organisation, body]: Row, listed = true) {
    const titleTokens = this.tokens(title)
    const bodyTokens = this.tokens(body)
    this.own.set(position, titleTokens, bodyTokens)
    this.titleLength[position] = titleTokens.length
    if (listed) {
      for (const id of new Set(titleTokens)) this.inTitle.add(id, position)
      for (const id of new Set(bodyTokens)) this.inBody.add(id, position)
    }
    this.taxonomyOf[position] = this.share(TAXONOMY, taxonomy, position)
    this.organisationOf[position] = this.share(ORGANISATION, organisation, position)
  }

  private titleOf(position: number): Int32Array {
    const start = this.own.start(position)
    return this.own.values.subarray(start, start + this.titleLength[position])
  }

  private bodyOf(position: number): Int32Array {
    return this.own.values.subarray(this.own.start(position) + this.titleLength[position], this.own.end(position))
  }

  private clear(position: number) {
    for (const id of new Set(this.titleOf(position))) this.inTitle.remove(id, position)
    for (const id of new Set(this.bodyOf(position))) this.inBody.remove(id, position)
    for (const text of [this.taxonomyOf[position], this.organisationOf[position]]) if (text !== none) remove(this.shared[text].docs, position)
    this.own.clear(position)
    this.titleLength[position] = 0
    this.taxonomyOf[position] = this.organisationOf[position] = none
  }

  /** The shared text's id (created on first sight), with `position` among its documents. */
  private share(attribute: number, text: string, position: number): number {
    if (text === '') return none
    const ids = this.sharedIds.get(attribute)!
    let id = ids.get(text)
    if (id === undefined) {
      id = this.shared.length
      const tokens = this.tokens(text)
      this.shared.push({ attribute, tokens, docs: [] })
      ids.set(text, id)
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
        this.inShared.push([])
      }
      out[n++] = id
    }
    return out.subarray(0, n)
  }
}

type Row = [number, string, string, string, string]

/**
 * Per term id, the positions holding it, packed into one array at load (a segment per
 * term, `lengths` saying how much of it is live); what patches add beyond a segment goes
 * to a small list per term.
 */
class Lists {
  private offsets = new Int32Array(1)
  private lengths = new Int32Array(0)
  private data = new Int32Array(0)
  private readonly extra = new Map<number, number[]>()

  /** Packs the lists of `terms` terms from each position's term ids (repeats allowed). */
  pack(terms: number, capacity: number, termsOf: (position: number) => Int32Array) {
    const counts = new Int32Array(terms + 1)
    const seen = new Int32Array(terms).fill(-1)
    for (let position = 0; position < capacity; position++) {
      for (const id of termsOf(position)) {
        if (seen[id] === position) continue
        seen[id] = position
        counts[id + 1]++
      }
    }
    for (let id = 0; id < terms; id++) counts[id + 1] += counts[id]
    this.offsets = counts
    this.lengths = new Int32Array(terms)
    this.data = new Int32Array(counts[terms])
    seen.fill(-1)
    for (let position = 0; position < capacity; position++) {
      for (const id of termsOf(position)) {
        if (seen[id] === position) continue
        seen[id] = position
        this.data[this.offsets[id] + this.lengths[id]++] = position
      }
    }
    this.extra.clear()
  }

  add(id: number, position: number) {
    if (id < this.lengths.length && this.offsets[id] + this.lengths[id] < this.offsets[id + 1]) {
      this.data[this.offsets[id] + this.lengths[id]++] = position
      return
    }
    let list = this.extra.get(id)
    if (!list) this.extra.set(id, (list = []))
    list.push(position)
  }

  remove(id: number, position: number) {
    if (id < this.lengths.length) {
      const from = this.offsets[id]
      const last = from + this.lengths[id] - 1
      for (let i = from; i <= last; i++) {
        if (this.data[i] !== position) continue
        this.data[i] = this.data[last]
        this.lengths[id]--
        return
      }
    }
    const list = this.extra.get(id)
    if (list) remove(list, position)
  }

  addTo(id: number, into: Bitset) {
    if (id < this.lengths.length) {
      const from = this.offsets[id]
      for (let i = from; i < from + this.lengths[id]; i++) into.add(this.data[i])
    }
    for (const position of this.extra.get(id) ?? []) into.add(position)
  }
}

/** Removes one `value` from an unordered list. */
function remove(list: number[], value: number) {
  const at = list.lastIndexOf(value)
  if (at < 0) return
  list[at] = list[list.length - 1]
  list.pop()
}
