import { describe, expect, test } from 'vitest'
import { activeFilters, searchParams } from '../engine'
import { buildFilter, quote } from './filters'

const filters = (input: Parameters<typeof searchParams.parse>[0]) => activeFilters(searchParams.parse(input))

describe('Meilisearch filters', () => {
  test('always carry the visibility rule, dates compared on the day of the search', () => {
    expect(buildFilter(filters({}), '2026-12-01')).toEqual(['listed = true', 'validFrom <= 20261201', 'validUntil >= 20261201'])
  })

  test('OR within a parameter, AND across parameters', () => {
    expect(buildFilter(filters({ type: ['offer', 'need'], district: ['oststadt'] }), '2026-12-01').slice(3)).toEqual([
      ['type = "offer"', 'type = "need"'],
      ['district = "oststadt"'],
    ])
  })

  test('leave out one facet to count it disjunctively', () => {
    const active = filters({ kind: ['posting'], category: ['language'], audience: ['women'] })
    expect(buildFilter(active, '2026-12-01', 'category').slice(3)).toEqual([['kind = "posting"'], ['audience = "women"']])
  })

  test('quote every value, so an id cannot break out of its string', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(buildFilter(filters({ district: ['x" OR listed = false'] }), '2026-12-01')[3]).toEqual(['district = "x\\" OR listed = false"'])
  })
})
