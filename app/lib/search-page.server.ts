import type { LoaderFunctionArgs } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { listVisibleOrganisations } from '../../db/queries/organisations'
import { postingCountsByCategory } from '../../db/queries/taxonomy'
import { facetNames, parseSearchParams, repeatable, searchParams, type SearchParams, type SearchResponse } from '../../search/engine'
import type { Locale } from '../i18n'
import { formatList, intlLanguageName } from './format'
import { misses, searchEngine } from './search.server'
import { labels, site, type Labels } from './site.server'

const maxQuery = 500
const filterNames = ['kind', ...facetNames] as const
type FilterName = (typeof filterNames)[number]

export type FacetValue = { value: string; label: string; count: number; checked: boolean; children: FacetValue[] }
export type FacetGroup = { name: FilterName; label: string; values: FacetValue[] }

/**
 * `/{lng}/search`: the same parameters as `/api/search` (the path gives the language), a
 * page that lists hits and facets, and, when nothing matches, a way onward.
 */
export async function searchPageLoader({ params, request }: LoaderFunctionArgs) {
  const { lng, db, today, t } = await site(params)
  const url = new URL(request.url)
  const query = new URLSearchParams(url.searchParams)
  query.delete('lang')
  // A pasted page of text is searched by its beginning rather than refused.
  const typed = query.get('q') ?? ''
  if (typed.length > maxQuery) query.set('q', typed.slice(0, maxQuery))
  query.set('lang', lng)
  const names = labels(lng)
  const { params: search, ignored } = lenientParams(query, names)
  const engine = searchEngine()
  const response = await engine.search(search, today)
  const q = search.q?.trim() ?? ''

  let empty: Awaited<ReturnType<typeof noResults>> | null = null
  if (response.total === 0) {
    if (q && search.page === 1) misses.record(q, lng, today)
    empty = await noResults(search, url, lng, t, names, today)
  }
  return {
    lng,
    q: typed,
    truncated: typed.length > maxQuery,
    sort: search.sort ?? (q ? 'relevance' : 'newest'),
    title: q ? t('search:titleFor', { q: q.slice(0, 80) }) : t('search:title'),
    total: response.total,
    estimated: response.estimated,
    page: search.page,
    pages: Math.max(1, Math.ceil(Math.min(response.total, 10_000) / search.perPage)),
    hits: response.hits.map((hit) => ({
      ...hit,
      fallback: hit.lang !== lng,
      snippetFallback: hit.snippetLang !== lng && hit.snippetLang !== hit.lang,
      category: hit.category ? (names.category.get(hit.category) ?? hit.category) : null,
      district: hit.district ? (names.district.get(hit.district) ?? hit.district) : null,
    })),
    facets: facetGroups(search, response, lng, t, names),
    filtered: filterNames.some((name) => search[name].length > 0),
    ignored,
    empty,
  }

  async function noResults(search: SearchParams, url: URL, lng: Locale, t: TFunction, names: Labels, today: string) {
    // Which filter to drop: each active one, with what dropping it would find.
    const drops: Array<{ label: string; count: number; href: string }> = []
    for (const name of filterNames) {
      if (search[name].length === 0) continue
      const { total } = await engine.search({ ...search, [name]: [], page: 1, perPage: 1 }, today)
      if (total === 0) continue
      // Values of one filter are alternatives: «Oststadt oder Weststadt», «أوستشتات أو فيستشتات».
      const values = formatList(search[name].map((value) => valueLabel(name, value, lng, t, names)), lng, 'disjunction')
      drops.push({ label: `${t(`search:facets.${name}`)}: ${values}`, count: total, href: withoutParam(url, name) })
    }
    // Related categories: where the words occur at all, else the main topics.
    const broader = q
      ? await engine.search({ ...search, page: 1, perPage: 1, kind: ['posting'], type: [], category: [], district: [], audience: [], language: [], orgKind: [] }, today)
      : null
    const counts = broader && broader.total > 0 ? new Map(Object.entries(broader.facets.category)) : postingCountsByCategory(db, today)
    const related = names.categories
      .filter((category) => (counts.get(category.id) ?? 0) > 0 && (broader?.total ? true : !category.parentId))
      .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
      .slice(0, 8)
      .map((category) => ({ id: category.id, label: names.category.get(category.id) ?? category.id }))
    const advice = listVisibleOrganisations(db, { kind: 'advisory_centre', language: lng }, { offset: 0, limit: 5 }).rows.map(
      (org) => ({ id: org.id, name: org.name }),
    )
    return { drops, related, advice }
  }
}

/**
 * The page takes what the API takes, leniently: parameters it does not know (tracking
 * parameters of shared links) are ignored, and a value that is not valid (`page=-1`, an
 * unknown category) is left out with a notice instead of an error page. `/api/search`
 * stays strict, as documented.
 */
function lenientParams(query: URLSearchParams, names: Labels): { params: SearchParams; ignored: boolean } {
  const kept = new URLSearchParams()
  let ignored = false
  for (const [key, value] of query) {
    if (!(key in searchParams.shape)) continue
    const single = parseSearchParams(new URLSearchParams([[key, value]]))
    const repeated = !repeatable.has(key) && kept.has(key)
    const known = (key !== 'category' || names.category.has(value)) && (key !== 'district' || names.district.has(value))
    if (single.ok && !repeated && known) kept.append(key, value)
    else if (value !== '') ignored = true
  }
  const parsed = parseSearchParams(kept)
  // Every pair passed on its own; together they pass too. Should they not, browse unfiltered.
  return parsed.ok ? { params: parsed.params, ignored } : { params: searchParams.parse({ lang: kept.get('lang') ?? 'de' }), ignored: true }
}

function withoutParam(url: URL, name: string): string {
  const params = new URLSearchParams(url.searchParams)
  params.delete(name)
  params.delete('page')
  const query = params.toString()
  return `${url.pathname}${query ? `?${query}` : ''}`
}

function valueLabel(name: FilterName, value: string, lng: Locale, t: TFunction, names: Labels): string {
  switch (name) {
    case 'kind':
      return t(`search:kind.${value}`)
    case 'type':
      return t(`common:postingType.${value}`)
    case 'category':
      return names.category.get(value) ?? value
    case 'district':
      return names.district.get(value) ?? value
    case 'audience':
      return t(`common:audience.${value}`)
    case 'orgKind':
      return t(`common:orgKind.${value}`)
    case 'language':
      return intlLanguageName(value, lng)
  }
}

function facetGroups(search: SearchParams, response: SearchResponse, lng: Locale, t: TFunction, names: Labels): FacetGroup[] {
  const value = (name: FilterName, id: string): FacetValue => ({
    value: id,
    label: valueLabel(name, id, lng, t, names),
    count: response.facets[name][id] ?? 0,
    checked: (search[name] as string[]).includes(id),
    children: [],
  })
  const shown = (entry: FacetValue) => entry.count > 0 || entry.checked
  return filterNames
    .map((name): FacetGroup => {
      if (name === 'category') {
        // The tree: main topics, and the sub-categories of a topic once it is chosen.
        const values = names.categories
          .filter((category) => !category.parentId)
          .map((top) => {
            const entry = value(name, top.id)
            const children = names.categories.filter((child) => child.parentId === top.id).map((child) => value(name, child.id))
            if (entry.checked || children.some((child) => child.checked)) entry.children = children.filter(shown)
            return entry
          })
        return { name, label: t(`search:facets.${name}`), values: values.filter(shown) }
      }
      const ids = new Set([...Object.keys(response.facets[name]), ...search[name]])
      const values = [...ids].map((id) => value(name, id)).filter(shown)
      if (name === 'language' || name === 'district') values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, lng))
      return { name, label: t(`search:facets.${name}`), values }
    })
    .filter((group) => group.values.length > 0)
}
