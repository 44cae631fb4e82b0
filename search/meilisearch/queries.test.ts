import { describe, expect, test } from 'vitest'
import { searchParams } from '../engine'
import { chooseLevel, levelCountQueries, levelQuery, resultQueries } from './queries'

const words = ['deutsch', 'kurs', 'abend']

describe('the word sets of a multi-word query', () => {
  test('leave the last word a prefix only when it is the query’s last word', () => {
    expect(levelQuery(words, 3)).toBe('deutsch kurs abend')
    expect(levelQuery(words, 2)).toBe('deutsch kurs ')
    expect(levelQuery(words, 1)).toBe('deutsch ')
    expect(levelQuery([], 0)).toBe('')
  })

  test('are counted most words first, down to two', () => {
    expect(levelCountQueries('i', words, '2026-11-22').map((q) => q.q)).toEqual(['deutsch kurs abend', 'deutsch kurs '])
  })

  test('take the most words that fill the page, else the first word', () => {
    expect(chooseLevel(3, [20, 40], 20)).toBe(3)
    expect(chooseLevel(3, [19, 40], 20)).toBe(2)
    expect(chooseLevel(3, [0, 19], 20)).toBe(1)
    expect(chooseLevel(1, [], 20)).toBe(1)
    expect(chooseLevel(0, [], 20)).toBe(0)
  })

  test('rank below all words by the "last" order of all words, and sort "newest" within the set', () => {
    const relevance = resultQueries('i', searchParams.parse({ q: 'x' }), '2026-11-22', words, 2)
    expect(relevance.ranked).toBe(true)
    expect(relevance.queries.map((q) => [q.q, q.matchingStrategy, q.hitsPerPage])).toEqual([
      ['deutsch kurs ', 'all', 0],
      ['deutsch kurs abend', 'last', 20],
    ])
    const newest = resultQueries('i', searchParams.parse({ q: 'x', sort: 'newest' }), '2026-11-22', words, 2)
    expect(newest.ranked).toBe(false)
    expect(newest.queries).toHaveLength(1)
    expect(newest.queries[0]).toMatchObject({ q: 'deutsch kurs ', matchingStrategy: 'all', sort: ['date:desc'], hitsPerPage: 20 })
  })
})
