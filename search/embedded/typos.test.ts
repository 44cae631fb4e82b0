import { describe, expect, test } from 'vitest'
import { allowedTypos, damerau, typoCost } from './typos'

describe('typo rules', () => {
  test('0 typos below 5 characters, 1 from 5, 2 from 9', () => {
    expect([allowedTypos('kurs'), allowedTypos('kurse'), allowedTypos('deutschk'), allowedTypos('deutschku')]).toEqual([0, 1, 1, 2])
    expect(allowedTypos('دورة')).toBe(0)
    expect(allowedTypos('مساعده')).toBe(1)
  })

  test('a swap of neighbours is one typo', () => {
    expect(damerau('deutsch', 'duetsch', 2)).toBe(1)
    expect(typoCost('duetsch', 'deutsch')).toBe(1)
  })

  test('a wrong first letter costs two', () => {
    expect(typoCost('beutsch', 'deutsch')).toBe(Infinity)
    expect(typoCost('beutschkurs', 'deutschkurs')).toBe(2)
  })

  test('words too short for typos must match exactly', () => {
    expect(typoCost('kurs', 'kurz')).toBe(Infinity)
    expect(typoCost('kurs', 'kurs')).toBe(0)
  })

  test('two typos from nine characters, not three', () => {
    expect(typoCost('wohnungsuche', 'wohnungssuche')).toBe(1)
    expect(typoCost('wohnngsuhe', 'wohnungssuche')).toBe(Infinity)
    expect(typoCost('wohnngsuche', 'wohnungssuche')).toBe(2)
  })

  test('works on Arabic and Cyrillic letters', () => {
    expect(typoCost('مساعدت', 'مساعده')).toBe(1)
    expect(typoCost('допомга', 'допомога')).toBe(1)
  })

  test('as a prefix, a word is measured against the closest start of the term', () => {
    expect(typoCost('deutchk', 'deutschkurs', true)).toBe(1)
    expect(typoCost('fahrad', 'fahrradwerkstatt', true)).toBe(1)
    expect(typoCost('hausaufg', 'hausaufgaben', true)).toBe(0)
    expect(typoCost('deutchk', 'deutschkurs')).toBe(Infinity)
    expect(typoCost('vahrrad', 'fahrradwerkstatt', true)).toBe(Infinity)
  })
})
