import type { Settings } from 'meilisearch'
import type { Db } from '../../db/client'
import { categories } from '../../db/schema'
import { facetNames } from '../document'
import { tokenize } from '../embedded/tokens'
import { exactGlossaryWords } from '../glossary'

/** Pages deeper than this are not counted exactly (DESIGN: exact up to 1,000 at least). */
export const maxTotalHits = 10_000

/**
 * The index settings, the same every time for the same taxonomy, so applying them is
 * idempotent. They mirror the embedded engine: attributes in its ranking order, typo
 * sizes as Meilisearch's defaults (which the embedded engine copies), `sort` first so
 * that "newest" is purely by date, as there.
 *
 * No field declares a language (decision 010): a declared language forces its tokenizer
 * pipeline on the field, while a query is tokenized with a guess among all declared
 * languages, so documents and queries would be cut apart differently (German compounds,
 * above all). Without declarations both go through the same language-neutral pipeline,
 * on texts our `normalize` has already folded. `null` also resets an index that an older
 * version of Treffpunkt configured with languages.
 */
export function indexSettings(db: Db): Settings {
  return {
    searchableAttributes: ['title', 'taxonomy', 'organisation', 'body'],
    filterableAttributes: ['kind', ...facetNames, 'listed', 'validFrom', 'validUntil'],
    sortableAttributes: ['date'],
    displayedAttributes: ['uid', 'kind', 'id'],
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    localizedAttributes: null,
    // Arabic-script glossary words are taken as written, as in the embedded engine (search/glossary.ts).
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [...exactGlossaryWords(db)].sort() },
    pagination: { maxTotalHits },
    faceting: { maxValuesPerFacet: 500 },
    synonyms: taxonomySynonyms(db),
  }
}

/**
 * Within one language, a category's label and its synonyms stand for each other
 * ("Deutschkurs" finds "Sprachkurs"). Across languages the documents carry every
 * label already (their `taxonomy` field), as in the embedded engine.
 */
export function taxonomySynonyms(db: Db): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>()
  const rows = db.select({ label: categories.label, synonyms: categories.synonyms }).from(categories).all()
  for (const row of rows) {
    for (const [tag, label] of Object.entries(row.label)) {
      const group = [label, ...(row.synonyms[tag] ?? [])].map((term) => tokenize(term).join(' ')).filter(Boolean)
      for (const term of group) {
        const others = synonyms.get(term) ?? new Set<string>()
        for (const other of group) if (other !== term) others.add(other)
        synonyms.set(term, others)
      }
    }
  }
  return Object.fromEntries([...synonyms].filter(([, others]) => others.size > 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, others]) => [term, [...others].sort()]))
}
