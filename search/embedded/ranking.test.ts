import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compareRanks, noOccurrences, rankDocument, rankKey, rankOf, scan, type Rank, type WordMatches } from './ranking'

const exact = (...terms: string[]) => new Map(terms.map((term) => [term, { term, typos: 0, prefix: false }]))
const query = (...words: string[]): WordMatches => words.map((word) => exact(word))
/** title, taxonomy, organisation, body */
const doc = (title: string, body = '', taxonomy = '', organisation = '') =>
  [title, taxonomy, organisation, body].map((text) => text.split(' ').filter(Boolean))

function order(words: WordMatches, docs: Record<string, string[][]>) {
  return Object.entries(docs)
    .map(([name, attributes]) => ({ name, rank: rankDocument(attributes, words) }))
    .sort((a, b) => compareRanks(a.rank, b.rank))
    .map((entry) => entry.name)
}

describe('ranking rules, in Meilisearch’s order', () => {
  test('words: more query words matched first', () => {
    expect(order(query('deutsch', 'kurs'), { one: doc('deutsch'), both: doc('kurs deutsch') })).toEqual(['both', 'one'])
  })

  test('typo: fewer typos first', () => {
    const words: WordMatches = [new Map([['kurse', { term: 'kurse', typos: 0, prefix: false }], ['kurs', { term: 'kurs', typos: 1, prefix: false }]])]
    expect(order(words, { typo: doc('kurs'), exact: doc('kurse') })).toEqual(['exact', 'typo'])
  })

  test('proximity: words close together first', () => {
    expect(
      order(query('deutsch', 'kurs'), { far: doc('deutsch a b c d e kurs'), near: doc('deutsch kurs'), reversed: doc('kurs deutsch') }),
    ).toEqual(['near', 'reversed', 'far'])
  })

  test('attribute: title before taxonomy before organisation before body', () => {
    expect(
      order(query('kurs'), { body: doc('x', 'kurs'), organisation: doc('x', '', '', 'kurs'), taxonomy: doc('x', '', 'kurs'), title: doc('kurs') }),
    ).toEqual(['title', 'taxonomy', 'organisation', 'body'])
  })

  test('position: earlier in the attribute first', () => {
    expect(order(query('kurs'), { late: doc('a b c kurs'), early: doc('kurs a b c') })).toEqual(['early', 'late'])
  })

  test('exactness: a whole word before a completed prefix', () => {
    const words: WordMatches = [
      new Map([
        ['kurs', { term: 'kurs', typos: 0, prefix: false }],
        ['kurse', { term: 'kurse', typos: 0, prefix: true }],
      ]),
    ]
    expect(order(words, { prefix: doc('kurse'), whole: doc('kurs') })).toEqual(['whole', 'prefix'])
  })

  test('an earlier rule outweighs every later one', () => {
    // Matching both words in the body beats one word in the title.
    expect(order(query('deutsch', 'kurs'), { title: doc('deutsch'), body: doc('x', 'deutsch kurs') })).toEqual(['body', 'title'])
  })

  test('agrees with the rules read literally, over every occurrence of every word', () => {
    const vocabulary = ['a', 'b', 'c', 'ab']
    const candidate = fc.record({ typos: fc.integer({ min: 0, max: 2 }), prefix: fc.boolean() })
    const wordMatches = fc.array(fc.dictionary(fc.constantFrom(...vocabulary), candidate, { minKeys: 1 }), { minLength: 1, maxLength: 3 })
    const attributes = fc.array(fc.array(fc.constantFrom(...vocabulary, 'x'), { maxLength: 12 }), { minLength: 4, maxLength: 4 })
    fc.assert(
      fc.property(wordMatches, attributes, (records, texts) => {
        const words: WordMatches = records.map((record) => new Map(Object.entries(record).map(([term, c]) => [term, { term, ...c }])))
        expect(rankDocument(texts, words)).toEqual(literally(texts, words))
      }),
      { numRuns: 2_000 },
    )
  })
})

test('a rank packed into one number orders documents as the rules do, up to the most query words', () => {
  const vocabulary = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']
  const candidate = fc.record({ typos: fc.integer({ min: 0, max: 2 }), prefix: fc.boolean() })
  const words = fc.array(fc.dictionary(fc.constantFrom(...vocabulary), candidate, { minKeys: 1 }), { minLength: 1, maxLength: 10 })
  // Long texts: positions past 100 count as 100, and every word may be in the body only.
  const texts = fc.array(fc.array(fc.constantFrom(...vocabulary, 'x'), { maxLength: 150 }), { minLength: 4, maxLength: 4 })
  fc.assert(
    fc.property(words, texts, texts, (records, one, other) => {
      const matches: WordMatches = records.map((record) => new Map(Object.entries(record).map(([term, c]) => [term, { term, ...c }])))
      const found = (attributes: string[][]) => {
        const out = noOccurrences(matches.length)
        attributes.forEach((tokens, attribute) => scan(out, tokens, attribute, matches))
        return out
      }
      const [a, b] = [found(one), found(other)]
      expect(Math.sign(rankKey(a) - rankKey(b))).toBe(Math.sign(compareRanks(rankOf(a), rankOf(b))))
      expect(rankOf(a)).toEqual(literally(one, matches))
    }),
    { numRuns: 1_000 },
  )
})

/** The ranking rules over a list of every occurrence of every query word. */
function literally(attributes: string[][], words: WordMatches): Rank {
  const hits = words.map((matches) =>
    attributes.flatMap((tokens, attribute) =>
      tokens.flatMap((token, position) => {
        const candidate = matches.get(token)
        return candidate ? [{ attribute, position, typos: candidate.typos, exact: candidate.typos === 0 && !candidate.prefix }] : []
      }),
    ),
  )
  const rank: Rank = { words: 0, typos: 0, proximity: 0, attribute: 0, position: 0, exactness: 0 }
  hits.forEach((own, index) => {
    if (own.length === 0) return
    const first = [...own].sort((a, b) => a.attribute - b.attribute || a.position - b.position)[0]
    rank.words++
    rank.typos += Math.min(...own.map((hit) => hit.typos))
    rank.attribute += first.attribute
    rank.position += Math.min(first.position, 100)
    if (own.some((hit) => hit.exact)) rank.exactness++
    const before = index > 0 ? hits[index - 1] : []
    if (before.length === 0) return
    const distances = before.flatMap((a) => own.filter((b) => b.attribute === a.attribute).map((b) => Math.abs(b.position - a.position) + (b.position < a.position ? 1 : 0)))
    rank.proximity += Math.min(8, ...distances)
  })
  return rank
}
