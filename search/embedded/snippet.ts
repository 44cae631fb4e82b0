import { tokenSpans } from './tokens'
import type { WordMatches } from './ranking'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

/**
 * A window of about `words` words of the original text around the first match, HTML-escaped,
 * with `<mark>` around what matched (only the typed part of a completed prefix).
 */
export function snippet(text: string, matches: WordMatches, queryWords: string[], words = 24): string {
  const spans = tokenSpans(text)
  if (spans.length === 0) return escape(text.slice(0, 200))
  const marked = spans.map((span) => {
    for (const [index, word] of matches.entries()) {
      const candidate = word.get(span.norm)
      if (candidate) return { span, prefix: candidate.prefix ? [...queryWords[index]].length : 0 }
    }
    return null
  })
  const first = Math.max(0, marked.findIndex(Boolean))
  const from = Math.max(0, first - Math.floor(words / 3))
  const to = Math.min(spans.length, from + words)
  const start = from === 0 ? 0 : spans[from].start
  const end = to === spans.length ? text.length : spans[to - 1].end
  let out = from > 0 ? '… ' : ''
  let at = start
  for (let i = from; i < to; i++) {
    const mark = marked[i]
    if (!mark) continue
    const { span } = mark
    if (span.start < at) continue
    const markEnd = mark.prefix > 0 ? Math.min(span.end, span.start + prefixLength(text.slice(span.start, span.end), mark.prefix)) : span.end
    out += `${escape(text.slice(at, span.start))}<mark>${escape(text.slice(span.start, markEnd))}</mark>`
    at = markEnd
  }
  out += escape(text.slice(at, end)).replace(/\s+/g, ' ')
  return (to < spans.length ? `${out.trimEnd()} …` : out).trim()
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
