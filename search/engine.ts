import { z } from 'zod'
import { locales } from '../locales'
import { controlsToSpaces } from '../db/control-characters'
import { languageTag } from '../db/exchange/format'
import { audiences, organisationKinds } from '../db/schema'
import { facetNames, searchKinds, type FacetName, type SearchKind } from './document'

/** `GET /api/search` parameters (docs/api.md); repeated values mean OR, different parameters AND. */
export const searchParams = z.object({
  // Control characters (NUL above all) are word breaks to a reader: never passed on or stored.
  q: z
    .string()
    .max(500, { error: 'q is too long (at most 500 characters)' })
    .transform(controlsToSpaces)
    .optional(),
  lang: z.enum(locales, { error: `lang must be one of ${locales.join(', ')}` }).default('de'),
  kind: z.array(z.enum(searchKinds, { error: `kind must be one of ${searchKinds.join(', ')}` })).default([]),
  type: z.array(z.enum(['offer', 'need'], { error: 'type must be offer or need' })).default([]),
  category: z.array(z.string().max(100, { error: 'category is too long' })).default([]),
  district: z.array(z.string().max(100, { error: 'district is too long' })).default([]),
  audience: z.array(z.enum(audiences, { error: `audience must be one of ${audiences.join(', ')}` })).default([]),
  language: z.array(languageTag).default([]),
  orgKind: z.array(z.enum(organisationKinds, { error: `orgKind must be one of ${organisationKinds.join(', ')}` })).default([]),
  sort: z.enum(['relevance', 'newest'], { error: 'sort must be relevance or newest' }).optional(),
  page: z.coerce.number({ error: 'page must be a number' }).int({ error: 'page must be a whole number' }).min(1, { error: 'page starts at 1' }).max(10_000).default(1),
  perPage: z.coerce.number({ error: 'perPage must be a number' }).int({ error: 'perPage must be a whole number' }).min(1, { error: 'perPage must be at least 1' }).max(100, { error: 'perPage is at most 100' }).default(20),
})

export type SearchParams = z.output<typeof searchParams>
export type SearchInput = z.input<typeof searchParams>

/** Parameters that may be given more than once (OR). */
export const repeatable = new Set(['kind', 'type', 'category', 'district', 'audience', 'language', 'orgKind'])

/** URL query → parameters, or the first problem in words an integrator can act on. */
export function parseSearchParams(query: URLSearchParams): { ok: true; params: SearchParams } | { ok: false; error: string } {
  const raw: Record<string, string | string[]> = {}
  for (const [key, value] of query) {
    if (repeatable.has(key)) {
      if (value !== '') raw[key] = [...((raw[key] as string[]) ?? []), value]
    } else if (key in searchParams.shape) {
      if (raw[key] !== undefined) return { ok: false, error: `${key} may be given only once` }
      if (value !== '' || key === 'q') raw[key] = value
    } else {
      return { ok: false, error: `unknown parameter "${key.slice(0, 40)}"` }
    }
  }
  const parsed = searchParams.safeParse(raw)
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message }
  return { ok: true, params: parsed.data }
}

export type FilterName = 'kind' | FacetName

/** The filters a search asks for, by name; repeated values OR, different names AND. */
export function activeFilters(params: SearchParams): Map<FilterName, string[]> {
  const filters = new Map<FilterName, string[]>()
  if (params.kind.length > 0) filters.set('kind', params.kind)
  for (const name of facetNames) if (params[name].length > 0) filters.set(name, params[name])
  return filters
}

/** Words of a query beyond this are ignored by both engines (bounded work). */
export const maxQueryWords = 10

export type SearchHit = {
  id: string
  kind: SearchKind
  type: 'offer' | 'need' | null
  title: string
  snippet: string
  /** The language of `title`. */
  lang: string
  /** The language of `snippet`: another than `lang` when the text has no translation the title has. */
  snippetLang: string
  url: string
  category: string | null
  district: string | null
  organisation: { id: string; name: string } | null
  /** The organisation (or the posting's) is not yet verified by the city's coordination. */
  unverified: boolean
  /** The title and snippet are a volunteer's translation. */
  communityTranslation: boolean
}

export type SearchResponse = {
  engine: 'embedded' | 'meilisearch'
  total: number
  estimated: boolean
  page: number
  perPage: number
  tookMs: number
  hits: SearchHit[]
  facets: Record<'kind' | FacetName, Record<string, number>>
  labels: { category: Record<string, string>; district: Record<string, string> }
}

/** The one interface both engines implement; routes never know which one answers. */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch'
  search(params: SearchParams, today: string): SearchResponse | Promise<SearchResponse>
}

export { facetNames }
