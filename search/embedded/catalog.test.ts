import fc from 'fast-check'
import { afterEach, expect, test, vi } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../context'
import { facetNames } from '../document'
import { Bitset } from './bitset'
import { Catalog } from './catalog'

afterEach(() => vi.restoreAllMocks())

test('facet values are counted alike by documents (a few) and by bits (many)', () => {
  const { db } = testDatabase()
  seedDemo(commandContext(db, null), { today: '2026-11-22' })
  const catalog = Catalog.load(db)
  const positions = catalog.visibleBits('2026-11-22').positions()
  const names = ['kind', ...facetNames]
  // Each value's documents, asked one by one.
  const expected = (set: number[]) =>
    names.map((name) => catalog.valuesOf(name).map((value) => set.filter((position) => catalog.withValue(name, value).has(position)).length))
  const counted = (set: number[]) => {
    const count = catalog.counter(Bitset.of(catalog.capacity, set))
    return names.map((name) => catalog.valuesOf(name).map((value) => count(name, value)))
  }
  const byBits = vi.spyOn(Bitset.prototype, 'countAnd')
  expect(counted(positions.slice(0, 3))).toEqual(expected(positions.slice(0, 3)))
  expect(byBits).not.toHaveBeenCalled()
  expect(counted(positions)).toEqual(expected(positions))
  expect(byBits).toHaveBeenCalled()
  expect(expected(positions).flat().some((n) => n > 100)).toBe(true)
  fc.assert(
    fc.property(fc.subarray(positions), (set) => {
      expect(counted(set)).toEqual(expected(set))
    }),
    { numRuns: 100 },
  )
})
