import { normalize } from '../normalize'

const word = /[\p{L}\p{N}\p{M}]+/gu

/** Normalised words of a text, in order: the unit of matching, typos and proximity. */
export function tokenize(text: string): string[] {
  return normalize(text).match(word) ?? []
}

/** Normalised forms of words as written: every snippet normalises its document's words again. */
const folded = new Map<string, string[]>()

function tokenizeWord(word: string): string[] {
  let parts = folded.get(word)
  if (!parts) {
    if (folded.size >= 50_000) folded.clear()
    folded.set(word, (parts = tokenize(word)))
  }
  return parts
}

export type Span = { start: number; end: number; norm: string }

/**
 * Words of the original text with their offsets, for highlighting what matched; reading
 * stops early once `enough` says so, called with each span and its index as it is read.
 */
export function tokenSpans(text: string, enough?: (span: Span, index: number) => boolean): Span[] {
  const spans: Span[] = []
  const pattern = /[\p{L}\p{N}\p{M}\u200c]+/gu
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    for (const part of tokenizeWord(match[0])) {
      const span = { start: match.index, end: match.index + match[0].length, norm: part }
      spans.push(span)
      if (enough?.(span, spans.length - 1)) return spans
    }
  }
  return spans
}
