import { normalize } from '../normalize'

const word = /[\p{L}\p{N}\p{M}]+/gu

/** Normalised words of a text, in order: the unit of matching, typos and proximity. */
export function tokenize(text: string): string[] {
  return normalize(text).match(word) ?? []
}

/** Words of the original text with their offsets, for highlighting what matched. */
export function tokenSpans(text: string): Array<{ start: number; end: number; norm: string }> {
  const spans: Array<{ start: number; end: number; norm: string }> = []
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}\u200c]+/gu)) {
    for (const part of tokenize(match[0])) {
      spans.push({ start: match.index, end: match.index + match[0].length, norm: part })
    }
  }
  return spans
}
