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

/** Words of the original text with their offsets, for highlighting what matched. */
export function tokenSpans(text: string): Array<{ start: number; end: number; norm: string }> {
  const spans: Array<{ start: number; end: number; norm: string }> = []
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}\u200c]+/gu)) {
    for (const part of tokenizeWord(match[0])) {
      spans.push({ start: match.index, end: match.index + match[0].length, norm: part })
    }
  }
  return spans
}
