import { describe, expect, test } from 'vitest'
import { heapWarning } from './heap'

const mb = 2 ** 20

describe('heapWarning', () => {
  test('quiet while the live heap takes up to half of the budget', () => {
    expect(heapWarning(128 * mb, 256 * mb)).toBeNull()
  })
  test('names the setting when more than half is taken', () => {
    expect(heapWarning(129 * mb, 256 * mb)).toBe('after start the heap holds 129 MB, more than half of the 256 MB Node may use: set HEAP_LIMIT_MB higher (README, settings)')
  })
})
