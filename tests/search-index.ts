import { writeTransaction, type Db } from '../db/client'
import { reindex } from '../search/embedded/writer'

/** Everything the embedded index holds, by record rather than rowid. */
export function indexSnapshot(db: Db) {
  const all = (sql: string) => db.$client.prepare(sql).all()
  return {
    documents: all('select kind, ref_id, date, document from search_documents order by kind, ref_id'),
    facets: all('select d.kind, d.ref_id, f.facet, f.value from search_facets f join search_documents d on d.rowid = f.doc order by 1, 2, 3, 4'),
    texts: all('select d.kind, d.ref_id, s.title, s.taxonomy, s.organisation, s.body from search_fts s join search_documents d on d.rowid = s.rowid order by 1, 2'),
    vocabulary: all('select term, doc, cnt from search_vocab order by term'),
  }
}

/** The index as it is, and as a rebuild from scratch makes it (the rebuild stays in place). */
export function indexAndRebuild(db: Db) {
  const incremental = indexSnapshot(db)
  writeTransaction(db, (tx) => reindex(tx, { all: true }))
  return { incremental, rebuilt: indexSnapshot(db) }
}
