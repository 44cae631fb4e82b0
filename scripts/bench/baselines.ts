import { create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama'
import MiniSearch from 'minisearch'
import type { SearchDocument } from '../../search/document'
import { allowedTypos } from '../../search/embedded/typos'
import { tokenize } from '../../search/embedded/tokens'

/**
 * MiniSearch and Orama indexing the same documents as our engine, texts normalised the
 * same way (so Arabic and Persian letters fold alike), searched with their fuzzy and
 * prefix options, with filters and facet counts over the results.
 */
export type Query = { q: string; filters: Record<string, string[]> }
export type Baseline = { name: string; search: (query: Query) => unknown }

type Flat = { id: number; title: string; taxonomy: string; organisation: string; body: string } & Record<string, string | string[] | number>
const facetNames = ['kind', 'type', 'category', 'district', 'audience', 'language', 'orgKind'] as const
const text = (texts: string[]) => texts.map((t) => tokenize(t).join(' ')).join(' ')

export function flatten(docs: SearchDocument[]): Flat[] {
  return docs.map((doc, id) => ({
    id,
    title: text(Object.values(doc.title)),
    taxonomy: text(doc.taxonomy),
    organisation: text(doc.organisation ? [doc.organisation.name] : []),
    body: text(Object.values(doc.body)),
    kind: doc.kind,
    ...doc.facets,
  }))
}

const words = (q: string) => tokenize(q)

export function miniSearch(docs: Flat[]): Baseline {
  const index = new MiniSearch<Flat>({
    fields: ['title', 'taxonomy', 'organisation', 'body'],
    storeFields: [...facetNames],
    tokenize: (value) => value.split(' '),
    processTerm: (term) => term || null,
  })
  index.addAll(docs)
  return {
    name: 'MiniSearch',
    search({ q, filters }) {
      const terms = words(q)
      if (terms.length === 0) return countFacets(docs, filters)
      const results = index.search(terms.join(' '), {
        combineWith: 'AND',
        boost: { title: 4, taxonomy: 3, organisation: 2 },
        prefix: (_term, i, all) => i === all.length - 1,
        fuzzy: (term) => allowedTypos(term) || false,
      })
      // Disjunctive facet counts over every result, then the page, as our engine does.
      return countFacets(results as unknown as Flat[], filters).slice(0, 20)
    },
  }
}

export async function orama(docs: Flat[]): Promise<Baseline> {
  const db: AnyOrama = create({
    schema: {
      title: 'string',
      taxonomy: 'string',
      organisation: 'string',
      body: 'string',
      kind: 'enum',
      type: 'enum[]',
      category: 'enum[]',
      district: 'enum[]',
      audience: 'enum[]',
      language: 'enum[]',
      orgKind: 'enum[]',
    },
    components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw: string) => raw.split(' ').filter(Boolean) } },
  })
  await insertMultiple(db, docs.map(({ id, ...rest }) => ({ ...rest, id: String(id) })) as never, 5_000)
  const facets = Object.fromEntries(facetNames.map((name) => [name, {}]))
  return {
    name: 'Orama',
    search({ q, filters }) {
      const terms = words(q)
      const where = Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, name === 'kind' ? { in: values } : { containsAny: values }]))
      return oramaSearch(db, {
        term: terms.join(' '),
        properties: ['title', 'taxonomy', 'organisation', 'body'],
        tolerance: Math.max(0, ...terms.map(allowedTypos)),
        threshold: 0,
        boost: { title: 4, taxonomy: 3, organisation: 2 },
        limit: 20,
        facets: facets as never,
        ...(Object.keys(where).length > 0 ? { where: where as never } : {}),
      })
    },
  }
}

function countFacets(results: Flat[], filters: Record<string, string[]>): Flat[] {
  const active = Object.entries(filters)
  const counts: Record<string, Record<string, number>> = {}
  const hits: Flat[] = []
  for (const doc of results) {
    const failed = active.filter(([name, values]) => ![doc[name]].flat().some((v) => values.includes(String(v))))
    if (failed.length > 1) continue
    const counted = failed.length === 0 ? facetNames : [failed[0][0]]
    for (const name of counted) for (const value of [doc[name]].flat()) ((counts[name] ??= {})[String(value)] = (counts[name][String(value)] ?? 0) + 1)
    if (failed.length === 0) hits.push(doc)
  }
  return hits
}
