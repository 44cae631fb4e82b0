import type { SearchDocument, SearchKind } from '../document'
import { tokenize } from '../embedded/tokens'

/**
 * A search document as Meilisearch stores it. Texts are normalised by our `normalize`
 * before Meilisearch sees them (queries too), so both engines fold hamza, ی/ي, umlauts
 * and ı alike; display texts are not sent at all: hits are shown from the local
 * documents, exactly as the embedded engine shows its own.
 */
export type MeiliDocument = {
  uid: string
  kind: SearchKind
  id: string
  /** Searchable, per language; no language is declared to Meilisearch (decision 010). */
  title: Record<string, string>
  taxonomy: string[]
  organisation: string | null
  body: Record<string, string>
  /** Sortable: milliseconds since 1970, the embedded engine's "newest" order. */
  date: number
  listed: boolean
  /** Days as YYYYMMDD: the validity filter compares numbers. */
  validFrom: number
  validUntil: number
} & Record<'type' | 'category' | 'district' | 'audience' | 'language' | 'orgKind', string[]>

/** Meilisearch ids allow only a-z A-Z 0-9 - _; ours may hold dots: base64url keeps them apart. */
export function meiliUid(kind: SearchKind, id: string): string {
  return `${kind}-${Buffer.from(id, 'utf8').toString('base64url')}`
}

const day = (iso: string | null, open: number) => (iso ? Number(iso.slice(0, 10).replaceAll('-', '')) : open)
export const dayNumber = (iso: string) => day(iso, 0)
export const openFrom = 0
export const openUntil = 99_991_231

/** Field names Meilisearch accepts for a BCP 47 tag (`zh-Hant` → `zh_Hant`). */
const field = (tag: string) => tag.replace(/[^A-Za-z0-9]/g, '_')
const normalised = (texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([tag, text]) => [field(tag), tokenize(text).join(' ')]))

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  return {
    uid: meiliUid(doc.kind, doc.id),
    kind: doc.kind,
    id: doc.id,
    title: normalised(doc.title),
    taxonomy: doc.taxonomy.map((term) => tokenize(term).join(' ')),
    organisation: doc.organisation ? tokenize(doc.organisation.name).join(' ') : null,
    body: normalised(doc.body),
    date: Date.parse(doc.date) || 0,
    listed: doc.visibility.listed,
    validFrom: day(doc.visibility.validFrom, openFrom),
    validUntil: day(doc.visibility.validUntil, openUntil),
    ...doc.facets,
  }
}
