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

/**
 * Reads the words of the original text with their offsets, for highlighting what matched,
 * until `visit` returns true. Words as `[\p{L}\p{N}\p{M}\u200c]+` finds them (a word that
 * normalises to several is visited once per part); a word of ASCII letters and digits is
 * only lower-cased (normalising changes nothing else in it), and is visited with '' for its
 * normalised form when `asked` says no word of its length is wanted.
 */
export function eachSpan(text: string, visit: (start: number, end: number, norm: string) => boolean | void, asked?: (length: number) => boolean): void {
  let at = 0
  while (at < text.length) {
    const start = at
    let ascii = true
    let upper = false
    for (let width = wordCharAt(text, at); width > 0; width = wordCharAt(text, at)) {
      const unit = text.charCodeAt(at)
      if (unit >= 0x80) ascii = false
      else if (unit <= 0x5a && unit >= 0x41) upper = true
      at += width
    }
    if (at === start) {
      at += text.codePointAt(at)! > 0xffff ? 2 : 1
      continue
    }
    if (ascii) {
      const norm = asked && !asked(at - start) ? '' : upper ? text.slice(start, at).toLowerCase() : text.slice(start, at)
      if (visit(start, at, norm)) return
      continue
    }
    for (const part of tokenizeWord(text.slice(start, at))) if (visit(start, at, part)) return
  }
}

/** Per UTF-16 unit (not surrogates): 0 not asked yet, 1 a word character, 2 not one. */
const known = new Uint8Array(0x10000)
const wordChar = /^[\p{L}\p{N}\p{M}\u200c]$/u

/** The length in UTF-16 units of the word character at `at`, or 0 when there is none. */
function wordCharAt(text: string, at: number): number {
  if (at >= text.length) return 0
  const unit = text.charCodeAt(at)
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) ? 1 : 0
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const point = text.codePointAt(at)!
    if (point > 0xffff) return wordChar.test(String.fromCodePoint(point)) ? 2 : 0
  }
  if (known[unit] === 0) known[unit] = wordChar.test(String.fromCharCode(unit)) ? 1 : 2
  return known[unit] === 1 ? 1 : 0
}
