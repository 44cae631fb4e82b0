import type { Db } from '../../db/client'
import { organisations, postings, workingGroups } from '../../db/schema'
import { groupIsListed, organisationIsVisible, onlyVisible } from '../../db/visibility'
import type { SearchKind } from '../document'
import { Bitset } from './bitset'

export type Doc = { rowid: number; position: number; kind: SearchKind; date: string; facets: Record<string, string[]> }

const unit = String.fromCharCode(31)
const record = String.fromCharCode(30)

/**
 * Every indexed document's kind, date and facet values, held in memory, with one bitset
 * per facet value over the documents' positions: filtering and disjunctive facet counts
 * are then intersections and population counts, whatever the size of the result, and
 * "newest" costs no SQL. Reloaded when the content changes (`contentVersion`).
 */
export class Catalog {
  private visibleCache: { today: string; rowids: number[]; set: Set<number>; bits: Bitset } | undefined
  private readonly bits = new Map<string, Bitset>()
  private readonly values = new Map<string, string[]>()
  private readonly none: Bitset

  private constructor(
    private readonly db: Db,
    readonly docs: Map<number, Doc>,
    private readonly refs: Map<string, number>,
  ) {
    this.none = new Bitset(docs.size)
    for (const doc of docs.values()) {
      for (const [facet, values] of Object.entries(doc.facets)) {
        for (const value of values) {
          const key = `${facet}${unit}${value}`
          let set = this.bits.get(key)
          if (!set) {
            set = new Bitset(docs.size)
            this.bits.set(key, set)
            this.values.set(facet, [...(this.values.get(facet) ?? []), value])
          }
          set.add(doc.position)
        }
      }
    }
  }

  get size(): number {
    return this.docs.size
  }

  /** Documents with `value` in `facet` (none for a value nobody has). */
  withValue(facet: string, value: string): Bitset {
    return this.bits.get(`${facet}${unit}${value}`) ?? this.none
  }

  /** The values of a facet that some document has. */
  valuesOf(facet: string): string[] {
    return this.values.get(facet) ?? []
  }

  static load(db: Db): Catalog {
    const docs = new Map<number, Doc>()
    const refs = new Map<string, number>()
    const rows = db.$client.prepare('select rowid, kind, ref_id, date from search_documents').raw().all() as Array<[number, SearchKind, string, string]>
    for (const [rowid, kind, ref, date] of rows) {
      docs.set(rowid, { rowid, position: docs.size, kind, date, facets: {} })
      refs.set(`${kind}:${ref}`, rowid)
    }
    // One row per document: SQLite groups faster than JavaScript builds 200,000 rows.
    const facets = db.$client
      .prepare(`select doc, group_concat(facet || char(31) || value, char(30)) from search_facets group by doc`)
      .raw()
      .all() as Array<[number, string]>
    for (const [rowid, pairs] of facets) {
      const doc = docs.get(rowid)
      if (!doc) continue
      for (const pair of pairs.split(record)) {
        const [facet, value] = pair.split(unit)
        ;(doc.facets[facet] ??= []).push(value)
      }
    }
    return new Catalog(db, docs, refs)
  }

  /** Rowids of the documents the visibility rule shows on `today`, newest first. */
  visible(today: string): number[] {
    if (this.visibleCache?.today !== today) {
      const rowids: number[] = []
      for (const [kind, ids] of visibleIds(this.db, today)) {
        for (const id of ids) {
          const rowid = this.refs.get(`${kind}:${id}`)
          if (rowid !== undefined) rowids.push(rowid)
        }
      }
      rowids.sort((a, b) => byNewest(this.docs.get(a)!, this.docs.get(b)!))
      this.visibleCache = { today, rowids, set: new Set(rowids), bits: Bitset.of(this.size, rowids.map((rowid) => this.docs.get(rowid)!.position)) }
    }
    return this.visibleCache.rowids
  }

  /** The same documents as a bitset of positions. */
  visibleBits(today: string): Bitset {
    this.visible(today)
    return this.visibleCache!.bits
  }

  /** The same documents as a set, for membership tests. */
  visibleSet(today: string): Set<number> {
    this.visible(today)
    return this.visibleCache!.set
  }
}

export const byNewest = (a: Doc, b: Doc) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.rowid - b.rowid)

/** The visibility rule (docs/visibility.md) for every kind, as ids. */
function visibleIds(db: Db, today: string): Array<[SearchKind, string[]]> {
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id)
  return [
    [
      'posting',
      ids(
        onlyVisible(db.select({ id: postings.id }).from(postings).$dynamic(), today).all(),
      ),
    ],
    ['organisation', ids(db.select({ id: organisations.id }).from(organisations).where(organisationIsVisible()).all())],
    ['group', ids(db.select({ id: workingGroups.id }).from(workingGroups).where(groupIsListed()).all())],
  ]
}
