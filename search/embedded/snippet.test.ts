import { describe, expect, test } from 'vitest'
import { snippet } from './snippet'
import type { WordMatches } from './ranking'

const exact = (term: string): WordMatches => [new Map([[term, { term, typos: 0, prefix: false }]])]
const numbered = (n: number, at = -1, word = 'kurs') => Array.from({ length: n }, (_, i) => (i === at ? word : `w${i}`)).join(' ')

describe('snippets', () => {
  test('a window around a late match, cut on both sides', () => {
    const text = numbered(60, 30, 'Kurs')
    expect(snippet(text, exact('kurs'), ['kurs'], 6)).toBe('… w28 w29 <mark>Kurs</mark> w31 w32 w33 …')
  })

  test('a match far into a long text (more words than a snippet keeps room for at first)', () => {
    expect(snippet(numbered(2_000, 1_500, 'Kurs'), exact('kurs'), ['kurs'], 6)).toBe('… w1498 w1499 <mark>Kurs</mark> w1501 w1502 w1503 …')
    expect(snippet(numbered(3, 1), exact('kurs'), ['kurs'], 6)).toBe('w0 <mark>kurs</mark> w2')
  })

  test('from the start when the match is early, and whole when the text is as long as the window', () => {
    expect(snippet(numbered(6, 1), exact('kurs'), ['kurs'], 6)).toBe('w0 <mark>kurs</mark> w2 w3 w4 w5')
    expect(snippet(numbered(7, 1), exact('kurs'), ['kurs'], 6)).toBe('w0 <mark>kurs</mark> w2 w3 w4 w5 …')
  })

  test('the first words when nothing matches (as when only the title matched)', () => {
    expect(snippet(numbered(40), exact('kurs'), ['kurs'], 6)).toBe('w0 w1 w2 w3 w4 w5 …')
  })

  test('marks only the typed part of a completed prefix, in the original spelling', () => {
    const words: WordMatches = [new Map([['deutschkurs', { term: 'deutschkurs', typos: 0, prefix: true }]])]
    expect(snippet('Ein Deutschkurs für alle', words, ['deutsch'])).toBe('Ein <mark>Deutsch</mark>kurs für alle')
  })

  test('marks a whole word whose normalised form drops letters in front (an Arabic article and preposition)', () => {
    const words: WordMatches = [new Map([['ترجمه', { term: 'ترجمه', typos: 0, prefix: true }]])]
    expect(snippet('خدمات بالترجمة للعائلات', words, ['ترجم'])).toBe('خدمات <mark>بالترجمة</mark> للعائلات')
    expect(snippet('خدمات ترجمة للعائلات', words, ['ترجم'])).toBe('خدمات <mark>ترجم</mark>ة للعائلات')
  })

  test('escapes HTML and folds white space', () => {
    expect(snippet('<b>Kurs</b>\n\n& mehr', exact('kurs'), ['kurs'])).toBe('&lt;b&gt;<mark>Kurs</mark>&lt;/b&gt; &amp; mehr')
  })
})
