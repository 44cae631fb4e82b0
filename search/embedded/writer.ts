import type { Db } from '../../db/client'
import { groupDocuments, organisationDocuments, postingDocuments } from '../build'
import type { SearchDocument, SearchKind } from '../document'
import type { Changed } from '../../db/commands/run'
import { normalizeVersion } from '../normalize'
import { tokenize } from './tokens'

/** The FTS columns in ranking order: title > taxonomy > organisation > body. */
export const attributes = ['title', 'taxonomy', 'organisation', 'body'] as const

const indexText = (texts: string[]) => texts.map((text) => tokenize(text).join(' ')).join(' \n ')

/**
 * Writes documents into the embedded index inside the caller's transaction, so a posting
 * is searchable exactly when its change commits. Replaces any earlier version.
 */
export function writeDocuments(tx: Db, documents: SearchDocument[]): void {
  const client = tx.$client
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
    const existing = find.get(doc.kind, doc.id) as { rowid: number } | undefined
    let rowid: number
    if (existing) {
      rowid = existing.rowid
      updateDoc.run(doc.date, JSON.stringify(doc), rowid)
      deleteFts.run(rowid)
      deleteFacets.run(rowid)
    } else {
      rowid = Number(insertDoc.run(doc.kind, doc.id, doc.date, JSON.stringify(doc)).lastInsertRowid)
    }
    insertFts.run(
      rowid,
      indexText(Object.values(doc.title)),
      taxonomyText(doc.taxonomy),
      indexText(doc.organisation ? [doc.organisation.name] : []),
      indexText(Object.values(doc.body)),
    )
    insertFacet.run(rowid, 'kind', doc.kind)
    for (const [facet, values] of Object.entries(doc.facets)) {
      for (const value of values) insertFacet.run(rowid, facet, value)
    }
  }
}

export function removeDocuments(tx: Db, kind: SearchKind, ids: string[]): void {
  const client = tx.$client
  const find = client.prepare('select rowid from search_documents where kind = ? and ref_id = ?')
  for (const id of ids) {
    const row = find.get(kind, id) as { rowid: number } | undefined
    if (!row) continue
    client.prepare('delete from search_fts where rowid = ?').run(row.rowid)
    client.prepare('delete from search_documents where rowid = ?').run(row.rowid)
  }
}

/** Re-indexes the named records (a changed organisation re-indexes its postings too). */
export function reindex(tx: Db, changed: { postings?: string[]; organisations?: string[]; groups?: string[]; all?: boolean }) {
  if (changed.all) {
    tx.$client.exec('delete from search_fts; delete from search_facets; delete from search_documents;')
    writeDocuments(tx, [...postingDocuments(tx), ...organisationDocuments(tx), ...groupDocuments(tx)])
    markIndexCurrent(tx)
    return
  }
  if (changed.postings?.length) writeDocuments(tx, postingDocuments(tx, changed.postings))
  if (changed.organisations?.length) writeDocuments(tx, organisationDocuments(tx, changed.organisations))
  if (changed.groups?.length) writeDocuments(tx, groupDocuments(tx, changed.groups))
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
