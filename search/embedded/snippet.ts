import { eachSpan } from './tokens'
import type { WordMatches } from './ranking'

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const special = /[&<>"']/
const escape = (text: string) => (special.test(text) ? text.replace(/[&<>"']/g, (char) => entities[char]) : text)
/** White space other than single spaces (most texts have none: the common case copies nothing). */
const unusualSpace = /[^\S ]| {2}/
const foldSpace = (text: string) => (unusualSpace.test(text) ? text.replace(/\s+/g, ' ') : text)

/**
 * A window of about `words` words of the original text around the first match, HTML-escaped,
 * with `<mark>` around what matched (only the typed part of a completed prefix). The text is
 * read only as far as the window reaches.
 */
export function snippet(text: string, matches: WordMatches, queryWords: string[], words = 24): string {
  const lead = Math.floor(words / 3)
  // Per word read: its offsets, and −1 when no query word matched it, else the letters
  // typed of a completed prefix (0: the whole word).
  const starts: number[] = []
  const ends: number[] = []
  const marked: number[] = []
  let first = -1
  const lengths = new Set<number>()
  for (const words of matches) for (const term of words.keys()) lengths.add(term.length)
  // One word past the window says whether "…" follows.
  eachSpan(text, (start, end, norm) => {
    const index = marked.push(markOf(norm, matches, queryWords)) - 1
    starts.push(start)
    ends.push(end)
    if (first < 0 && marked[index] >= 0) first = index
    return first >= 0 && index >= Math.max(0, first - lead) + words
  }, (length) => lengths.has(length))
  const count = marked.length
  if (count === 0) return escape(text.slice(0, 200))
  const from = Math.max(0, first - lead)
  const to = Math.min(count, from + words)
  const start = from === 0 ? 0 : starts[from]
  const end = to === count ? text.length : ends[to - 1]
  let out = from > 0 ? '… ' : ''
  let at = start
  for (let i = from; i < to; i++) {
    if (marked[i] < 0 || starts[i] < at) continue
    const markEnd = marked[i] > 0 ? Math.min(ends[i], starts[i] + prefixLength(text.slice(starts[i], ends[i]), marked[i])) : ends[i]
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
