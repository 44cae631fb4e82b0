import type { Db } from '../../db/client'
import { groupDocuments, organisationDocuments, postingDocuments } from '../build'
import type { SearchDocument, SearchKind } from '../document'
import type { Changed } from '../../db/commands/run'
import { normalizeVersion } from '../normalize'
import { tokenize } from './tokens'

/** The FTS columns in ranking order: title > taxonomy > organisation > body. */
export const attributes = ['title', 'taxonomy', 'organisation', 'body'] as const

const indexText = (texts: string[]) => texts.map((text) => tokenize(text).join(' ')).join(' \n ')

/** The index terms of an FTS row: its columns hold normalised words joined by spaces. */
const termsOf = (texts: string[]) => new Set(texts.join(' ').split(/\s+/).filter((term) => term !== ''))

/** Terms in one set and not the other: the terms whose document counts a change moved. */
function movedTerms(before: Set<string>, after: Set<string>): string {
  const moved = [...before].filter((term) => !after.has(term))
  for (const term of after) if (!before.has(term)) moved.push(term)
  return moved.join(' ')
}

/** How many change rows a reader may be behind before it must reload (db/migrations/0007). */
export const keptChanges = 10_000

/** A batch of more documents than this is logged as "reload everything" (document 0): patching would cost more. */
export const patchLimit = 2_000

/**
 * The change log readers patch their memory from (search_changes): one row per document
 * with the terms whose counts it moved; pruned to the last `keptChanges` rows.
 */
function changeLog(tx: Db) {
  const client = tx.$client
  const insert = client.prepare('insert into search_changes (doc, terms) values (?, ?)')
  const oldText = client.prepare('select title, taxonomy, organisation, body from search_fts where rowid = ?').raw()
  return {
    reloadAll: () => client.prepare('insert into search_changes (doc) values (0)').run(),
    before: (rowid: number) => termsOf((oldText.get(rowid) as string[] | undefined) ?? []),
    record: (rowid: number, before: Set<string>, after: Set<string>) => insert.run(rowid, movedTerms(before, after)),
    prune: () => client.prepare('delete from search_changes where seq <= (select max(seq) from search_changes) - ?').run(keptChanges),
  }
}

/**
 * Writes documents into the embedded index inside the caller's transaction, so a posting
 * is searchable exactly when its change commits. Replaces any earlier version. Each
 * document goes into the change log, unless the batch is a rebuild or too large to patch.
 */
export function writeDocuments(tx: Db, documents: SearchDocument[], { rebuild = false } = {}): void {
  const client = tx.$client
  const log = changeLog(tx)
  const none = new Set<string>()
  const logged = !rebuild && documents.length <= patchLimit
  if (!logged) log.reloadAll()
  const find = client.prepare('select rowid from search_documents where kind = ? and ref_id = ?')
  const insertDoc = client.prepare(
    'insert into search_documents (kind, ref_id, date, document) values (?, ?, ?, ?)',
  )
  const updateDoc = client.prepare('update search_documents set date = ?, document = ? where rowid = ?')
  const deleteFts = client.prepare('delete from search_fts where rowid = ?')
  const insertFts = client.prepare(
    'insert into search_fts (rowid, title, taxonomy, organisation, body) values (?, ?, ?, ?, ?)',
  )
  const deleteFacets = client.prepare('delete from search_facets where doc = ?')
  const insertFacet = client.prepare('insert or ignore into search_facets (doc, facet, value) values (?, ?, ?)')

  // Postings of one category carry the same taxonomy terms: normalise them once per batch.
  const taxonomyTexts = new Map<string, string>()
  const taxonomyText = (terms: string[]) => {
    const key = terms.join('\u001f')
    let text = taxonomyTexts.get(key)
    if (text === undefined) taxonomyTexts.set(key, (text = indexText(terms)))
    return text
  }

  for (const doc of documents) {
    // A rebuild starts from empty tables.
    const existing = rebuild ? undefined : (find.get(doc.kind, doc.id) as { rowid: number } | undefined)
    let rowid: number
    let before = none
    if (existing) {
      rowid = existing.rowid
      if (logged) before = log.before(rowid)
      updateDoc.run(doc.date, JSON.stringify(doc), rowid)
      deleteFts.run(rowid)
      deleteFacets.run(rowid)
    } else {
      rowid = Number(insertDoc.run(doc.kind, doc.id, doc.date, JSON.stringify(doc)).lastInsertRowid)
    }
    const texts = [
      indexText(Object.values(doc.title)),
      taxonomyText(doc.taxonomy),
      indexText(doc.organisation ? [doc.organisation.name] : []),
      indexText(Object.values(doc.body)),
    ]
    insertFts.run(rowid, ...texts)
    if (logged) log.record(rowid, before, termsOf(texts))
    insertFacet.run(rowid, 'kind', doc.kind)
    for (const [facet, values] of Object.entries(doc.facets)) {
      for (const value of values) insertFacet.run(rowid, facet, value)
    }
  }
  if (logged && documents.length > 0) log.prune()
}

export function removeDocuments(tx: Db, kind: SearchKind, ids: string[]): void {
  const client = tx.$client
  const log = changeLog(tx)
  const find = client.prepare('select rowid from search_documents where kind = ? and ref_id = ?')
  for (const id of ids) {
    const row = find.get(kind, id) as { rowid: number } | undefined
    if (!row) continue
    const before = log.before(row.rowid)
    client.prepare('delete from search_fts where rowid = ?').run(row.rowid)
    client.prepare('delete from search_documents where rowid = ?').run(row.rowid)
    log.record(row.rowid, before, new Set())
  }
  log.prune()
}

/** Re-indexes the named records (a changed organisation re-indexes its postings too). */
export function reindex(tx: Db, changed: { postings?: string[]; organisations?: string[]; groups?: string[]; all?: boolean }) {
  if (changed.all) {
    // Dropping the FTS table and creating it as the migration did is cheaper than deleting
    // every row's terms from it one by one.
    const fts = tx.$client.prepare("select sql from sqlite_master where type = 'table' and name = 'search_fts'").pluck().get() as string
    tx.$client.exec(`drop table search_fts; ${fts}; delete from search_facets; delete from search_documents; delete from search_changes;`)
    writeDocuments(tx, [...postingDocuments(tx), ...organisationDocuments(tx), ...groupDocuments(tx)], { rebuild: true })
    markIndexCurrent(tx)
    return
  }
  const kinds = [
    ['posting', changed.postings, postingDocuments],
    ['organisation', changed.organisations, organisationDocuments],
    ['group', changed.groups, groupDocuments],
  ] as const
  for (const [kind, ids, documentsOf] of kinds) {
    if (!ids?.length) continue
    const documents = documentsOf(tx, ids)
    writeDocuments(tx, documents)
    // A record that is gone (a deleted account's organisation) leaves the index too.
    const written = new Set(documents.map((doc) => doc.id))
    removeDocuments(tx, kind, ids.filter((id) => !written.has(id)))
  }
}

/**
 * What a committed change means for the index, in its transaction: a taxonomy change
 * rebuilds everything (labels and synonyms live in every posting's document), a changed
 * organisation re-indexes its postings too (they carry its name and kind).
 */
export function indexChanges(tx: Db, changed: Changed) {
  if (changed.taxonomy) return reindex(tx, { all: true })
  const ofOrganisations = changed.organisations.length
    ? (tx.$client
        .prepare('select id from postings where organisation_id in (select value from json_each(?))')
        .all(JSON.stringify(changed.organisations)) as Array<{ id: string }>).map((row) => row.id)
    : []
  reindex(tx, {
    postings: [...new Set([...changed.postings, ...ofOrganisations])],
    organisations: changed.organisations,
    groups: changed.groups,
  })
}

export function indexIsEmpty(db: Db): boolean {
  return !db.$client.prepare('select 1 from search_documents limit 1').get()
}

const versionKey = 'search.normalizeVersion'

/** Whether the index was built with today's `normalize`; an older one must be rebuilt. */
export function indexIsCurrent(db: Db): boolean {
  const row = db.$client.prepare('select value from settings where key = ?').get(versionKey) as { value: string } | undefined
  return row !== undefined && JSON.parse(row.value) === normalizeVersion
}

/** Records that every document was written with today's `normalize`. */
export function markIndexCurrent(tx: Db): void {
  tx.$client
    .prepare(`insert into settings (key, value, updated_at) values (?, ?, ?)
              on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`)
    .run(versionKey, JSON.stringify(normalizeVersion), new Date().toISOString())
}
