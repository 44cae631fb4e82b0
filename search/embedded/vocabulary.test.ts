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
      // The fewer typos counts: a completion without a typo beats the whole term with some.
      if (term !== word && cost < (out.get(term) ?? Infinity)) out.set(term, cost)
    }
  }
  return out
}

const letter = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ä', 'ß', 'ا', 'ب', 'ی', 'к', 'і')
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''))
/** Words from three letters: many share long starts, as the walk's reuse of rows needs. */
const near = fc.array(fc.constantFrom('a', 'b', 'я'), { minLength: 4, maxLength: 8 }).map((chars) => chars.join(''))

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

  test('finds the terms a long word reaches with another first letter, which no walk visits', () => {
    // Long words (two typos), and terms made from them by an edit or two anywhere.
    const long = fc.array(fc.constantFrom('a', 'b', 'ä', 'ب', '𝐀'), { minLength: 9, maxLength: 11 }).map((chars) => chars.join(''))
    const edit = (text: string, at: number, letter: string, kind: number) => {
      const chars = [...text]
      if (kind === 0) chars.splice(at % chars.length, 1, letter)
      else if (kind === 1) chars.splice(at % (chars.length + 1), 0, letter)
      else if (kind === 2) chars.splice(at % chars.length, 1)
      else if (chars.length > 1) chars.splice(at % (chars.length - 1), 2, chars[(at % (chars.length - 1)) + 1], chars[at % (chars.length - 1)])
      return chars.join('')
    }
    const edits = fc.array(fc.tuple(fc.nat(12), fc.constantFrom('a', 'b', 'c', 'ب', '𝐀'), fc.nat(3)), { minLength: 1, maxLength: 2 })
    fc.assert(
      fc.property(long, fc.array(edits, { maxLength: 30 }), fc.boolean(), (query, variants, prefix) => {
        const terms = [...new Set(variants.map((steps) => steps.reduce((text, [at, letter, kind]) => edit(text, at, letter, kind), query)))]
        const found = Vocabulary.of(terms.map((term) => [term, 1])).candidates(query, prefix)
        expect(new Map(found.map((c) => [c.term, c.typos]))).toEqual(bruteForce(terms, query, prefix))
      }),
      { numRuns: 400 },
    )
  })

  test('after terms come and go, finds what a vocabulary built from the new terms finds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(near, { maxLength: 30 }), fc.uniqueArray(near, { maxLength: 30 }), near, (before, after, query) => {
        const vocabulary = Vocabulary.of(before.map((term) => [term, 1]))
        // The index after the change: search_vocab's document count per term.
        const index = { prepare: () => ({ pluck: () => ({ get: (term: string) => (after.includes(term) ? 1 : undefined) }) }) }
        vocabulary.apply(index as never, new Set([...before, ...after]))
        expect(new Map(vocabulary.candidates(query, true).map((c) => [c.term, c.typos]))).toEqual(bruteForce(after, query, true))
      }),
      { numRuns: 300 },
    )
  })

  test('a completion counts no typo even where the whole term is within the typo budget', () => {
    const vocabulary = Vocabulary.of([['deutschkurs', 5], ['deutschkurse', 2]])
    expect(vocabulary.candidates('deutschku', true)).toEqual([
      { term: 'deutschkurs', typos: 0, prefix: true },
      { term: 'deutschkurse', typos: 0, prefix: true },
    ])
    // Not the last word: no completion, the typos count.
    expect(vocabulary.candidates('deutschku', false)).toEqual([{ term: 'deutschkurs', typos: 2, prefix: false }])
  })

  test('a term that leaves no longer decides which terms the walk skips', () => {
    const vocabulary = Vocabulary.of([['abbbb', 1], ['acccd', 1], ['accce', 1]])
    const index = { prepare: () => ({ pluck: () => ({ get: (term: string) => (term === 'acccd' ? undefined : 1) }) }) }
    vocabulary.apply(index as never, ['acccd'])
    expect(vocabulary.candidates('accca', false)).toEqual([{ term: 'accce', typos: 1, prefix: false }])
  })
})
