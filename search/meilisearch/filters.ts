import type { FilterName } from '../engine'
import { dayNumber } from './documents'

/** Meilisearch's filter syntax as an array: the outer array ANDs, an inner array ORs. */
export type Filter = Array<string | string[]>

/**
 * A quoted filter value: user text never reaches the filter unescaped. Meilisearch's filter
 * parser (filter-parser/src/value.rs, since v1.4) first turns `\"` into `"` inside the
 * quotes and then unescapes the whole value Rust-style (`unescaper::unescape`), so `\\` is
 * one backslash and a lone `\b` would be a control character: every backslash is doubled,
 * every quote escaped, and nothing else is touched.
 */
export const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

/** The visibility rule at query time: validity dates are compared with today, not at indexing. */
export function visibilityFilter(today: string): string[] {
  const day = dayNumber(today)
  return ['listed = true', `validFrom <= ${day}`, `validUntil >= ${day}`]
}

/**
 * The filter of a search with one facet's own filter left out (`except`): the query that
 * counts that facet disjunctively. A document without the attribute fails the filter, so
 * `type=need` excludes organisations and groups, as in the embedded engine.
 */
export function buildFilter(filters: Map<FilterName, string[]>, today: string, except?: FilterName): Filter {
  const out: Filter = visibilityFilter(today)
  for (const [name, values] of filters) {
    if (name === except) continue
    out.push(values.map((value) => `${name} = ${quote(value)}`))
  }
  return out
}
