import fc from 'fast-check'
import { expect, test } from 'vitest'
import { Bitset } from './bitset'

test('a bitset counts, intersects and unites like a set', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(200)), fc.array(fc.nat(200)), (a, b) => {
      const x = Bitset.of(201, a)
      const y = Bitset.of(201, b)
      const setA = new Set(a)
      const setB = new Set(b)
      expect(x.count()).toBe(setA.size)
      expect(x.countAnd(y)).toBe([...setA].filter((v) => setB.has(v)).length)
      expect(x.and(y).count()).toBe(x.countAnd(y))
      expect(Bitset.of(201, a).join(y).count()).toBe(new Set([...a, ...b]).size)
      for (const v of a) expect(x.has(v)).toBe(true)
      const sorted = (values: number[]) => values.sort((m, n) => m - n)
      // In place: into the left set (a fresh one here), the right one untouched.
      expect(Bitset.of(201, a).keep(y).positions()).toEqual(x.and(y).positions())
      expect(Bitset.of(201, a).drop(y).positions()).toEqual(sorted([...setA].filter((v) => !setB.has(v))))
      expect(Bitset.of(201, a).join(y).positions()).toEqual(sorted([...new Set([...a, ...b])]))
      expect(y.positions()).toEqual(sorted([...setB]))
    }),
  )
})
