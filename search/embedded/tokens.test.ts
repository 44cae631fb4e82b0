import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { eachSpan, tokenize } from './tokens'

/** Every word of the original text with its offsets, as `eachSpan` reads them. */
function tokenSpans(text: string) {
  const spans: Array<{ start: number; end: number; norm: string }> = []
  eachSpan(text, (start, end, norm) => void spans.push({ start, end, norm }))
  return spans
}

describe('the query parser', () => {
  test.each([
    ['quotes are not phrases', '"Deutsch kurs"', ['deutsch', 'kurs']],
    ['an unbalanced quote', '"Deutsch', ['deutsch']],
    ['a hyphen joins nothing and excludes nothing', 'Deutsch-kurs -Fahrrad', ['deutsch', 'kurs', 'fahrrad']],
    ['FTS5 operators are words', 'Fahrrad AND NOT Auto OR NEAR', ['fahrrad', 'and', 'not', 'auto', 'or', 'near']],
    ['a star is no wildcard', 'Fahr* *', ['fahr']],
    ['c++ is the word c', 'c++', ['c']],
    ['column filters are text', 'title:Fahrrad', ['title', 'fahrrad']],
    ['emoji separate words', 'Fahrrad🚲Reparatur 🙂', ['fahrrad', 'reparatur']],
    ['mixed scripts', 'Deutschkurs دورة Курс', ['deutschkurs', 'دوره', 'курс']],
    ['Arabic punctuation', 'مساعدة، سكن؟', ['مساعده', 'سکن']],
    ['Persian with ZWNJ', 'می‌خواهم', ['می', 'خواهم']],
    ['digits', 'B1 Kurs 2026', ['b1', 'kurs', '2026']],
    ['control characters', 'a\u0000b\u200bc', ['a', 'b', 'c']],
  ])('%s', (_what, input, expected) => {
    expect(tokenize(input)).toEqual(expected)
  })

  // Timings belong to the benchmark, not to a test on a busy machine: this checks the result.
  test('copes with 10 kB of input', () => {
    expect(tokenize('Deutschkurs '.repeat(900))).toHaveLength(900)
  })

  test('spans point into the original text', () => {
    const text = 'Die Straße, المَدرسة'
    expect(tokenSpans(text).map((span) => [text.slice(span.start, span.end), span.norm])).toEqual([
      ['Die', 'die'],
      ['Straße', 'strasse'],
      ['المَدرسة', 'مدرسه'],
    ])
  })
})

test('spans agree with the word pattern on any text, astral and lone surrogates included', () => {
  const reference = (text: string) =>
    [...text.matchAll(/[\p{L}\p{N}\p{M}\u200c]+/gu)].flatMap((match) => tokenize(match[0]).map((norm) => ({ start: match.index, end: match.index + match[0].length, norm })))
  const pieces = fc.constantFrom('Straße', 'DEUTSCH', 'kurs2', ' ', ', ', 'المَدرسة', 'می\u200cخواهم', '𝐀𝐁', '😀', '\ud800', 'İstanbul', "don't", '١٢', 'ı')
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 }), (parts) => {
      const text = parts.join('')
      expect(tokenSpans(text)).toEqual(reference(text))
    }),
    { numRuns: 2_000 },
  )
})
