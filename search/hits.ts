import type { Db } from '../db/client'
import { memoByContent } from '../db/memo'
import { categories, districts } from '../db/schema'
import type { SearchDocument, SearchKind } from './document'
import type { SearchHit } from './engine'
import type { WordMatches } from './embedded/ranking'
import { snippet } from './embedded/snippet'

/**
 * How a found document is shown, whichever engine found it: title and snippet in the
 * reader's language where a translation exists, else the source language (`lang` says
 * which), snippets cut from the original text with the matches marked.
 */
const paths: Record<SearchKind, string> = { posting: 'postings', organisation: 'organisations', group: 'groups' }

export function loadDocuments(db: Db, rowids: number[]): Map<number, SearchDocument> {
  const rows = db.$client
    .prepare('select rowid, document from search_documents where rowid in (select value from json_each(?))')
    .all(JSON.stringify(rowids)) as Array<{ rowid: number; document: string }>
  return new Map(rows.map((row) => [row.rowid, JSON.parse(row.document) as SearchDocument]))
}

/** Documents by kind and id, in the order asked; ids the database no longer has are left out. */
export function documentsByRef(db: Db, refs: Array<{ kind: SearchKind; id: string }>): SearchDocument[] {
  const rows = db.$client
    .prepare(
      `select d.kind, d.ref_id, d.document from search_documents d
       join json_each(?) j on d.kind = j.value ->> '$.kind' and d.ref_id = j.value ->> '$.id'`,
    )
    .all(JSON.stringify(refs)) as Array<{ kind: string; ref_id: string; document: string }>
  const byRef = new Map(rows.map((row) => [`${row.kind}:${row.ref_id}`, row.document]))
  return refs.flatMap((ref) => {
    const document = byRef.get(`${ref.kind}:${ref.id}`)
    return document ? [JSON.parse(document) as SearchDocument] : []
  })
}

function pick(texts: Record<string, string>, lang: string, source: string): [string, string] | null {
  for (const key of [lang, source, 'de', ...Object.keys(texts)]) if (texts[key]) return [key, texts[key]]
  return null
}

export function toHit(doc: SearchDocument, lang: string, matches: WordMatches, words: string[]): SearchHit {
  const [titleLang, title] = pick(doc.title, lang, doc.sourceLocale) ?? [doc.sourceLocale, doc.id]
  const body = pick(doc.body, titleLang, doc.sourceLocale)
  return {
    id: doc.id,
    kind: doc.kind,
    type: doc.type,
    title,
    snippet: body ? snippet(body[1], matches, words) : '',
    lang: titleLang,
    snippetLang: body ? body[0] : titleLang,
    url: `/${lang}/${paths[doc.kind]}/${doc.id}`,
    category: doc.category,
    district: doc.district,
    organisation: doc.organisation,
    unverified: doc.unverified,
    communityTranslation: doc.community.includes(titleLang),
  }
}

/** Facet labels in the reader's language, for the categories and districts that were counted. */
export function labels(db: Db, lang: string, categoryCounts: Record<string, number>, districtCounts: Record<string, number>) {
  const all = memoByContent(db, `search-labels:${lang}`, () => {
    const label = (texts: Record<string, string>) => texts[lang] ?? texts.de ?? Object.values(texts)[0] ?? ''
    return {
      category: db.select({ id: categories.id, label: categories.label }).from(categories).all().map((row): [string, string] => [row.id, label(row.label)]),
      district: db.select({ id: districts.id, name: districts.name }).from(districts).all().map((row): [string, string] => [row.id, label(row.name)]),
    }
  })
  const counted = (entries: Array<[string, string]>, counts: Record<string, number>) => Object.fromEntries(entries.filter(([id]) => id in counts))
  return { category: counted(all.category, categoryCounts), district: counted(all.district, districtCounts) }
}
