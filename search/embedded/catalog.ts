import type { Db } from '../../db/client'
import { isWithinValidity } from '../../db/visibility'
import type { SearchKind } from '../document'
import { Bitset } from './bitset'
import { Slices } from './slices'

/** What a search needs of a document besides its text; `listed` and validity are the visibility rule's inputs. */
export type Doc = {
  rowid: number
  position: number
  kind: SearchKind
  ref: string
  date: string
  listed: boolean
  validFrom: string | null
  validUntil: string | null
}

const unit = String.fromCharCode(31)
const record = String.fromCharCode(30)

/**
 * Every indexed document's kind, date and facet values, held in memory, with one bitset
 * per facet value over the documents' positions: filtering and disjunctive facet counts
 * are then intersections and population counts, whatever the size of the result, and
 * "newest" costs no SQL. Visibility is the rule (db/visibility.ts) over the inputs each
 * document carries, as Meilisearch filters them. Patched document by document from the
 * index's change log (`apply`); bitsets leave room for a quarter more documents.
 */
export class Catalog {
  /** What the visibility rule shows on `today`: positions newest first, as bits, and (when asked) each one's place in that order. */
  private visibleCache: { today: string; positions: number[]; bits: Bitset; rank?: Int32Array } | undefined
  /** Per facet value (`facet␟value`), its id: `valueBits[id]` holds its documents. */
  private readonly valueIds = new Map<string, number>()
  private readonly valueBits: Bitset[] = []
  /** Per position, the ids of its document's facet values. */
  private readonly held: Slices
  private readonly values = new Map<string, string[]>()
  private readonly none: Bitset
  /** The size of every bitset: positions are never reused, a removed document leaves a gap. */
  readonly capacity: number
  private next = 0

  readonly docs = new Map<number, Doc>()
  private readonly byPosition: Array<Doc | undefined> = []
  private readonly refs = new Map<string, number>()

  private constructor(
    private readonly db: Db,
    read: Read[],
  ) {
    this.capacity = read.length + Math.max(256, read.length >> 2)
    this.none = new Bitset(this.capacity)
    this.held = new Slices(this.capacity)
    for (const doc of read) this.add(doc, this.next++)
    this.held.settle()
  }

  /**
   * Holds the document at `position`, its facet values as bits and as ids. Written out
   * as one literal: copied with a spread, V8 gave every document its own hidden class
   * once the nullable fields had both shapes (about 280 bytes each).
   */
  private add({ facets, ...doc }: Read, position: number) {
    const held: Doc = {
      rowid: doc.rowid,
      position,
      kind: doc.kind,
      ref: doc.ref,
      date: doc.date,
      listed: doc.listed,
      validFrom: doc.validFrom,
      validUntil: doc.validUntil,
    }
    this.docs.set(doc.rowid, held)
    this.byPosition[position] = held
    this.refs.set(`${doc.kind}:${doc.ref}`, doc.rowid)
    const ids: number[] = []
    for (const [facet, values] of Object.entries(facets)) {
      for (const value of values) {
        let id = this.valueId(facet, value)
        if (id === undefined) {
          this.valueIds.set(`${facet}${unit}${value}`, (id = this.valueBits.length))
          this.valueBits.push(new Bitset(this.capacity))
          this.values.set(facet, [...(this.values.get(facet) ?? []), value])
        }
        this.valueBits[id].add(position)
        ids.push(id)
      }
    }
    this.held.set(position, ids)
  }

  private remove(doc: Doc) {
    this.docs.delete(doc.rowid)
    this.byPosition[doc.position] = undefined
    this.refs.delete(`${doc.kind}:${doc.ref}`)
    for (const id of this.held.of(doc.position)) this.valueBits[id].delete(doc.position)
    this.held.clear(doc.position)
  }

  /** The document at `position`, if one is there. */
  at(position: number): Doc | undefined {
    return this.byPosition[position]
  }

  /** Documents with `value` in `facet` (none for a value nobody has). */
  withValue(facet: string, value: string): Bitset {
    const id = this.valueId(facet, value)
    return id === undefined ? this.none : this.valueBits[id]
  }

  private valueId(facet: string, value: string): number | undefined {
    return this.valueIds.get(`${facet}${unit}${value}`)
  }

  /**
   * How many documents of `set` have each facet value. Whichever reads less: each document's
   * values (a rare word's few documents), or each value's bits against the set's.
   */
  counter(set: Bitset): (facet: string, value: string) => number {
    const perDocument = this.held.live / Math.max(1, this.docs.size)
    if (set.count() * perDocument > this.valueBits.length * set.words.length) return (facet, value) => set.countAnd(this.withValue(facet, value))
    const counts = new Int32Array(this.valueBits.length)
    const { words } = set
    const pool = this.held.values
    for (let i = 0; i < words.length; i++) {
      for (let word = words[i]; word !== 0; word &= word - 1) {
        const position = (i << 5) + 31 - Math.clz32(word & -word)
        for (let at = this.held.start(position); at < this.held.end(position); at++) counts[pool[at]]++
      }
    }
    return (facet, value) => {
      const id = this.valueId(facet, value)
      return id === undefined ? 0 : counts[id]
    }
  }

  /** The values of a facet that some document has. */
  valuesOf(facet: string): string[] {
    return this.values.get(facet) ?? []
  }

  static load(db: Db): Catalog {
    return new Catalog(db, readDocs(db))
  }

  /**
   * Takes the named documents as they are now in the index: written, changed or gone.
   * Returns where each is held (a gone one: where it was), or false when the bitsets have
   * no room left for the new ones (the caller reloads).
   */
  apply(rowids: number[]): Array<{ rowid: number; position: number }> | false {
    const current = new Map(readDocs(this.db, rowids).map((doc) => [doc.rowid, doc]))
    const added = [...current.keys()].filter((rowid) => !this.docs.has(rowid)).length
    if (this.next + added > this.capacity) return false
    const shown = this.visibleCache
    if (shown) shown.rank = undefined
    const touched: Array<{ rowid: number; position: number }> = []
    for (const rowid of rowids) {
      const old = this.docs.get(rowid)
      if (old) {
        touched.push({ rowid, position: old.position })
        this.remove(old)
        if (shown?.bits.has(old.position)) {
          shown.positions.splice(this.newestIndex(shown.positions, old), 1)
          shown.bits.delete(old.position)
        }
      }
      const now = current.get(rowid)
      if (!now) continue
      if (!old) touched.push({ rowid, position: this.next })
      this.add(now, old?.position ?? this.next++)
      const doc = this.docs.get(rowid)!
      if (shown && isShown(doc, shown.today)) {
        shown.positions.splice(this.newestIndex(shown.positions, doc), 0, doc.position)
        shown.bits.add(doc.position)
      }
    }
    return touched
  }

  /** Where `doc` is, or belongs, in positions ordered newest first. */
  private newestIndex(positions: number[], doc: Doc): number {
    let low = 0
    let high = positions.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (byNewest(this.byPosition[positions[mid]] ?? doc, doc) < 0) low = mid + 1
      else high = mid
    }
    return low
  }

  private shown(today: string) {
    if (this.visibleCache?.today !== today) {
      const positions = [...this.docs.values()].filter((doc) => isShown(doc, today)).sort(byNewest).map((doc) => doc.position)
      this.visibleCache = { today, positions, bits: Bitset.of(this.capacity, positions) }
    }
    return this.visibleCache
  }

  /** The documents the visibility rule shows on `today`, as a bitset of positions. */
  visibleBits(today: string): Bitset {
    return this.shown(today).bits
  }

  /**
   * At most `limit` positions of `set` (shown documents), newest first: sorted by each
   * one's place in the visible list, or read off that list, whichever reads less.
   */
  newest(set: Bitset, today: string, limit: number): number[] {
    const shown = this.shown(today)
    const { positions } = shown
    const rank = (shown.rank ??= placesIn(positions, this.capacity))
    const size = set.count()
    const wanted = Math.min(limit, size)
    // Reading the list finds `wanted` of `size` spread over it after about this many; sorting costs about size·log(size).
    const reading = Math.min(positions.length, (wanted * positions.length) / Math.max(1, size))
    if (reading > 2 * size * Math.log2(size + 1)) return set.positions().sort((a, b) => rank[a] - rank[b]).slice(0, limit)
    const out: number[] = []
    for (let i = 0; i < positions.length && out.length < wanted; i++) if (set.has(positions[i])) out.push(positions[i])
    return out
  }
}

/** Each position's index in `positions`. */
function placesIn(positions: number[], capacity: number): Int32Array {
  const rank = new Int32Array(capacity)
  positions.forEach((position, index) => (rank[position] = index))
  return rank
}

export const byNewest = (a: Doc, b: Doc) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.rowid - b.rowid)

/** The visibility rule (db/visibility.ts) over the inputs the document carries. */
const isShown = (doc: Doc, today: string) => doc.listed && isWithinValidity(doc, today)

/** A document as read, with its facet values. */
type Read = Omit<Doc, 'position'> & { facets: Record<string, string[]> }

/** Documents with their facet values, all of them or the given rowids. */
function readDocs(db: Db, rowids?: number[]): Read[] {
  const only = rowids ? ' where rowid in (select value from json_each(?))' : ''
  const args = rowids ? [JSON.stringify(rowids)] : []
  const docs = new Map<number, Read>()
  const rows = db.$client
    .prepare(
      `select rowid, kind, ref_id, date, json_extract(document, '$.visibility.listed'), json_extract(document, '$.visibility.validFrom'),
              json_extract(document, '$.visibility.validUntil') from search_documents${only}`,
    )
    .raw()
    .all(...args) as Array<[number, SearchKind, string, string, number, string | null, string | null]>
  for (const [rowid, kind, ref, date, listed, validFrom, validUntil] of rows) {
    docs.set(rowid, { rowid, kind, ref, date, facets: {}, listed: listed === 1, validFrom, validUntil })
  }
  // One row per document: SQLite groups faster than JavaScript builds 200,000 rows.
  const facets = db.$client
    .prepare(`select doc, group_concat(facet || char(31) || value, char(30)) from search_facets${only.replace('rowid', 'doc')} group by doc`)
    .raw()
    .all(...args) as Array<[number, string]>
  for (const [rowid, pairs] of facets) {
    const doc = docs.get(rowid)
    if (!doc) continue
    for (const pair of pairs.split(record)) {
      const [facet, value] = pair.split(unit)
      ;(doc.facets[facet] ??= []).push(value)
    }
  }
  return [...docs.values()]
}
