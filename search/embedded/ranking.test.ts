import { describe, expect, test } from 'vitest'
import { compareRanks, rankDocument, type WordMatches } from './ranking'

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
})
