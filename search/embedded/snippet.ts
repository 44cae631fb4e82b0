import { eachSpan, tokenize } from './tokens'
import type { WordMatches } from './ranking'

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const special = /[&<>"']/
const escape = (text: string) => (special.test(text) ? text.replace(/[&<>"']/g, (char) => entities[char]) : text)
/** White space other than single spaces (most texts have none: the common case copies nothing). */
const unusualSpace = /[^\S ]| {2}/
const foldSpace = (text: string) => (unusualSpace.test(text) ? text.replace(/\s+/g, ' ') : text)

/**
 * Per word a snippet reads: its offsets, and −1 when no query word matched it, else the
 * letters typed of a completed prefix (0: the whole word). Kept from one snippet to the
 * next (one is cut at a time), grown when a text has more words.
 */
let read = { starts: new Int32Array(256), ends: new Int32Array(256), marked: new Int32Array(256) }

function grow() {
  const larger = (from: Int32Array) => {
    const to = new Int32Array(from.length * 2)
    to.set(from)
    return to
  }
  read = { starts: larger(read.starts), ends: larger(read.ends), marked: larger(read.marked) }
}

/**
 * A window of about `words` words of the original text around the first match, HTML-escaped,
 * with `<mark>` around what matched (only the typed part of a completed prefix). The text is
 * read only as far as the window reaches.
 */
export function snippet(text: string, matches: WordMatches, queryWords: string[], words = 24): string {
  const lead = Math.floor(words / 3)
  let count = 0
  let first = -1
  // The lengths of the candidate terms, as bits (a term longer than 31 letters lets every long word through).
  let lengths = 0
  for (const words of matches) for (const term of words.keys()) lengths |= 1 << Math.min(term.length, 31)
  // One word past the window says whether "…" follows.
  eachSpan(
    text,
    (start, end, norm) => {
      if (count === read.starts.length) grow()
      const index = count++
      read.starts[index] = start
      read.ends[index] = end
      read.marked[index] = markOf(norm, matches, queryWords)
      if (first < 0 && read.marked[index] >= 0) first = index
      return first >= 0 && index >= Math.max(0, first - lead) + words
    },
    (length) => (lengths & (1 << Math.min(length, 31))) !== 0,
  )
  if (count === 0) return escape(text.slice(0, 200))
  const { starts, ends, marked } = read
  const from = Math.max(0, first - lead)
  const to = Math.min(count, from + words)
  const start = from === 0 ? 0 : starts[from]
  const end = to === count ? text.length : ends[to - 1]
  let out = from > 0 ? '… ' : ''
  let at = start
  for (let i = from; i < to; i++) {
    if (marked[i] < 0 || starts[i] < at) continue
    const markEnd = marked[i] > 0 ? starts[i] + typedLength(text.slice(starts[i], ends[i]), marked[i]) : ends[i]
    out += `${escape(text.slice(at, starts[i]))}<mark>${escape(text.slice(starts[i], markEnd))}</mark>`
    at = markEnd
  }
  out += foldSpace(escape(text.slice(at, end)))
  return (to < count ? `${out.trimEnd()} …` : out).trim()
}

/** −1 when no query word stands for `norm`; else the letters of the query word when it is a completed prefix, or 0. */
function markOf(norm: string, matches: WordMatches, queryWords: string[]): number {
  for (let index = 0; index < matches.length; index++) {
    const candidate = matches[index].get(norm)
    if (candidate) return candidate.prefix ? [...queryWords[index]].length : 0
  }
  return -1
}

/**
 * How much of the original word to mark for `letters` typed letters of a completion: as
 * many characters as cover them, when those fold to the start of the word's normalised
 * form; else the whole word (normalising dropped something in front, as the article and
 * preposition of «بالترجمة»).
 */
function typedLength(original: string, letters: number): number {
  const length = prefixLength(original, letters)
  const [typed, ...more] = tokenize(original.slice(0, length))
  const [whole] = tokenize(original)
  const fits = typed !== undefined && more.length === 0 && [...typed].length === letters && whole?.startsWith(typed)
  return fits ? length : original.length
}

/** How many characters of the original word cover `letters` normalised letters. */
function prefixLength(original: string, letters: number): number {
  const chars = [...original]
  let count = 0
  let length = 0
  for (const char of chars) {
    if (count >= letters) break
    length += char.length
    if (!/\p{M}/u.test(char)) count += char === 'ß' ? 2 : 1
  }
  return length
}
