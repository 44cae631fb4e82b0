import fc from 'fast-check'
import { expect, test } from 'vitest'
import { Slices } from './slices'

test('each position keeps its own slice through any sequence of sets and clears, in a pool that does not grow without end', () => {
  // Up to 300 numbers (fc.array would keep to about ten).
  const numbers = fc.tuple(fc.nat(300), fc.integer({ min: -(2 ** 30), max: 2 ** 30 })).map(([n, base]) => Array.from({ length: n }, (_, i) => base + i))
  const change = fc.record({ position: fc.nat(2), values: fc.option(numbers, { freq: 4 }) })
  const liveIn = (reference: Map<number, number[]>) => [...reference.values()].reduce((sum, values) => sum + values.length, 0)
  fc.assert(
    fc.property(fc.array(change, { minLength: 200, maxLength: 600 }), fc.nat(600), (changes, settleAt) => {
      const slices = new Slices(3)
      const reference = new Map<number, number[]>()
      let peak = 0
      for (const [at, { position, values }] of changes.entries()) {
        if (at === settleAt) slices.settle()
        if (values) {
          // In two parts, as a document's title and body.
          slices.set(position, values.slice(0, 3), values.slice(3))
          reference.set(position, values)
        } else {
          slices.clear(position)
          reference.delete(position)
        }
        peak = Math.max(peak, liveIn(reference))
      }
      for (let position = 0; position < 3; position++) expect([...slices.of(position)]).toEqual(reference.get(position) ?? [])
      expect(slices.live).toBe(liveIn(reference))
      // Hundreds of changes write up to 180,000 numbers; the pool holds at most twice the most
      // that was ever live, plus one change (300) and the least room (4,096).
      expect(slices.values.length).toBeLessThanOrEqual(2 * peak + 300 + (1 << 12))
    }),
    { numRuns: 100 },
  )
})
