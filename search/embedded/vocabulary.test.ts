import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { allowedTypos, typoCost } from './typos'
import { Vocabulary } from './vocabulary'

/** The definition the walk must agree with: every term, measured one by one. */
function bruteForce(terms: string[], word: string, prefix: boolean) {
  const out = new Map<string, number>()
  for (const term of terms) {
    if (term === word) out.set(term, 0)
    else if (allowedTypos(word) > 0 && typoCost(word, term) !== Infinity) out.set(term, typoCost(word, term))
  }
  if (prefix) {
    for (const term of terms) {
      const cost = typoCost(word, term, true)
      if (term !== word && cost !== Infinity && !out.has(term)) out.set(term, cost)
    }
  }
  return out
}

const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ä', 'ß', 'ا', 'ب', 'ی', 'к', 'і')
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''))

describe('the vocabulary walk', () => {
  test('finds exactly the terms the typo rules allow, with their cost', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, fc.boolean(), (terms, query, prefix) => {
        const found = Vocabulary.of(terms.map((term) => [term, 1])).candidates(query, prefix)
        const got = new Map(found.map((c) => [c.term, c.typos]))
        expect(got).toEqual(bruteForce(terms, query, prefix))
      }),
      { numRuns: 400 },
    )
  })
})
