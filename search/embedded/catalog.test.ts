import fc from 'fast-check'
import { afterEach, expect, test, vi } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../context'
import { facetNames } from '../document'
import { Bitset } from './bitset'
import { byNewest as newestFirst, Catalog } from './catalog'

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

test('the newest of a set, sorted or read off the visible list, are the same', () => {
  const { db } = testDatabase()
  seedDemo(commandContext(db, null), { today: '2026-11-22' })
  const catalog = Catalog.load(db)
  const visible = catalog.visibleBits('2026-11-22').positions()
  const byNewest = (set: number[]) => set.map((position) => catalog.at(position)!).sort(newestFirst).map((doc) => doc.position)
  const newest = (set: number[], limit: number) => catalog.newest(Bitset.of(catalog.capacity, set), '2026-11-22', limit)
  const sorted = vi.spyOn(Bitset.prototype, 'positions')
  expect(newest(visible.slice(0, 2), 10)).toEqual(byNewest(visible.slice(0, 2)))
  expect(sorted).toHaveBeenCalledTimes(1)
  expect(newest(visible, 10)).toEqual(byNewest(visible).slice(0, 10))
  expect(sorted).toHaveBeenCalledTimes(1)
  fc.assert(
    fc.property(fc.subarray(visible), fc.integer({ min: 1, max: 400 }), (set, limit) => {
      expect(newest(set, limit)).toEqual(byNewest(set).slice(0, limit))
    }),
    { numRuns: 200 },
  )
})
