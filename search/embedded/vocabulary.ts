import type Database from 'better-sqlite3'
import { allowedTypos } from './typos'

export type Candidate = { term: string; typos: number; prefix: boolean }
/** A typo walk's finds: terms within reach whole, and (for a last word) by one of their starts. */
type Found = { whole: Candidate[]; starts: Candidate[] }

const caps = { oneTypo: 150, twoTypos: 50, prefix: 50 }
/** Past every continuation of a prefix in JavaScript's string order. */
const after = '\uffff'

/**
 * The index's terms in memory (from fts5vocab), sorted, with their document counts: typo
 * and prefix candidates come from here, so MATCH only ever sees terms that exist, quoted.
 *
 * Typo candidates come from a walk over the sorted terms that works like a trie: the
 * edit-distance rows of a shared prefix are reused from one term to the next, and a
 * prefix already beyond the typo budget skips every term that starts with it. The work
 * grows with the prefixes within reach of the word, not with the vocabulary.
 */
export class Vocabulary {
  private readonly completions = new Map<string, Candidate[]>()
  /** Per term, its characters (code points, compared as numbers), and how many it shares with the term before it. */
  private readonly chars: Int32Array[]
  private readonly shared: number[]

  private constructor(
    private readonly terms: string[],
    private readonly docs: Map<string, number>,
  ) {
    this.chars = terms.map(codePoints)
    this.shared = terms.map((_, i) => this.sharedWithPrevious(i))
  }

  private sharedWithPrevious(i: number): number {
    if (i === 0 || i >= this.terms.length) return 0
    const [a, b] = [this.chars[i - 1], this.chars[i]]
    let n = 0
    while (n < a.length && n < b.length && a[n] === b[n]) n++
    return n
  }

  private insert(at: number, term: string) {
    this.terms.splice(at, 0, term)
    this.chars.splice(at, 0, codePoints(term))
    this.shared.splice(at, 0, 0)
    this.shared[at] = this.sharedWithPrevious(at)
    if (at + 1 < this.terms.length) this.shared[at + 1] = this.sharedWithPrevious(at + 1)
  }

  private delete(at: number) {
    this.terms.splice(at, 1)
    this.chars.splice(at, 1)
    this.shared.splice(at, 1)
    if (at < this.terms.length) this.shared[at] = this.sharedWithPrevious(at)
  }

  static load(client: Database.Database): Vocabulary {
    const rows = client.prepare('select term, doc from search_vocab').raw().all() as Array<[string, number]>
    return Vocabulary.of(rows)
  }

  /** From `[term, document count]` pairs. */
  static of(entries: Array<[string, number]>): Vocabulary {
    // Sorted by JavaScript's order, which the binary searches below rely on.
    return new Vocabulary(entries.map(([term]) => term).sort(), new Map(entries))
  }

  get size() {
    return this.terms.length
  }

  /**
   * Takes these terms' document counts as they are now in the index (a change moved them):
   * a term that came into the index is inserted in order, one that left is removed.
   */
  apply(client: Database.Database, terms: Iterable<string>): void {
    const count = client.prepare('select doc from search_vocab where term = ?').pluck()
    for (const term of terms) {
      const docs = (count.get(term) as number | undefined) ?? 0
      const known = this.docs.has(term)
      if (docs > 0) {
        this.docs.set(term, docs)
        if (!known) this.insert(this.lowerBound(term), term)
      } else if (known) {
        this.docs.delete(term)
        this.delete(this.lowerBound(term))
      }
    }
    this.completions.clear()
  }

  /**
   * Terms a query word may stand for: itself, typo variants, and (last word) completions.
   * A `known` word (search/glossary.ts, `exactGlossaryWords`) is taken as written: no typo
   * variants, as Meilisearch's `typoTolerance.disableOnWords`.
   */
  candidates(word: string, prefix: boolean, known = false): Candidate[] {
    const out = new Map<string, Candidate>()
    if (this.docs.has(word)) out.set(word, { term: word, typos: 0, prefix: false })
    const allowed = known ? 0 : allowedTypos(word)
    // One walk measures a term whole and, for the last word, by its closest start.
    const { whole, starts } = allowed > 0 ? this.typos(word, allowed, prefix) : { whole: [], starts: [] }
    const typos = whole.filter((c) => c.term !== word)
    this.keep(typos, 1, caps.oneTypo, out)
    this.keep(typos, 2, caps.twoTypos, out)
    if (prefix) {
      const found = this.completionsOf(word).filter((c) => c.term !== word)
      // Typo-tolerant prefix: "deutchk" still completes to "deutschkurs".
      const better = (candidate: Candidate) => (out.get(candidate.term)?.typos ?? Infinity) > candidate.typos
      for (const candidate of starts) {
        if (candidate.typos > 0 && !candidate.term.startsWith(word) && better(candidate)) found.push(candidate)
      }
      // Very short prefixes match thousands of terms: keep the most frequent ones. A term
      // reached both whole with typos and as a completion with fewer counts the fewer:
      // "deutschku" completes to "deutschkurs" without a typo, not with two.
      found.sort((a, b) => a.typos - b.typos || this.frequency(b.term) - this.frequency(a.term))
      for (const candidate of found.slice(0, caps.prefix)) if (better(candidate)) out.set(candidate.term, candidate)
    }
    return [...out.values()]
  }

  private keep(found: Candidate[], typos: number, cap: number, out: Map<string, Candidate>) {
    found
      .filter((candidate) => candidate.typos === typos)
      .sort((a, b) => this.frequency(b.term) - this.frequency(a.term))
      .slice(0, cap)
      .forEach((candidate) => out.set(candidate.term, candidate))
  }

  /** How many documents hold `term`. */
  frequency(term: string): number {
    return this.docs.get(term) ?? 0
  }

  /** Terms that start with `word`, the most frequent first, at most the prefix cap (cached). */
  private completionsOf(word: string): Candidate[] {
    const cached = this.completions.get(word)
    if (cached) return [...cached]
    const found: Candidate[] = []
    const end = this.lowerBound(word + after)
    for (let i = this.lowerBound(word); i < end; i++) found.push({ term: this.terms[i], typos: 0, prefix: true })
    found.sort((a, b) => this.frequency(b.term) - this.frequency(a.term))
    const top = found.slice(0, caps.prefix + 1)
    if (this.completions.size > 10_000) this.completions.clear()
    this.completions.set(word, top)
    return [...top]
  }

  /**
   * Terms within the typo budget (Meilisearch's rules, search/embedded/typos.ts): with the
   * same first letter, up to `allowed` edits; with another first letter (which costs one
   * more), up to `allowed - 1`. `whole` measures the whole term; with `prefix`, `starts`
   * holds the terms one of whose starts comes within reach, measured by the closest.
   */
  private typos(word: string, allowed: number, prefix: boolean): Found {
    const chars = codePoints(word)
    const first = String.fromCodePoint(chars[0])
    const found: Found = { whole: [], starts: [] }
    const sameFrom = this.lowerBound(first)
    const sameTo = this.lowerBound(first + after)
    this.walk(chars, allowed, prefix, sameFrom, sameTo, 0, found)
    if (allowed > 1) {
      this.walk(chars, allowed - 1, prefix, 0, sameFrom, 1, found)
      this.walk(chars, allowed - 1, prefix, sameTo, this.terms.length, 1, found)
    }
    return found
  }

  /**
   * Optimal string alignment rows over `terms[from, to)`: the rows of the characters a term
   * shares with the one before are kept, and a prefix beyond reach skips every term that
   * starts with it. A row is computed only within `max` of the diagonal (no cell further
   * off can be within reach) and the cells just outside are written as beyond reach, so
   * the next row never reads a value left by another path.
   */
  private walk(word: Int32Array, max: number, prefix: boolean, from: number, to: number, extra: number, found: Found) {
    const n = word.length
    const beyond = max + 1
    const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)]
    const best: number[] = [n] // per depth: the smallest distance of a start of the path to the word
    let valid = 0 // rows[0..valid] hold the current path's rows
    let i = from
    while (i < to) {
      const chars = this.chars[i]
      let depth = i === from ? 0 : Math.min(valid, this.shared[i])
      let pruned = -1
      for (let d = depth + 1; d <= chars.length; d++) {
        const row = (rows[d] ??= new Int32Array(n + 1))
        const previous = rows[d - 1]
        const before = d >= 2 ? rows[d - 2] : undefined
        const char = chars[d - 1]
        const last = d >= 2 ? chars[d - 2] : -1
        const lo = d - max > 1 ? d - max : 1
        const hi = d + max < n ? d + max : n
        row[0] = d
        if (lo > 1 && lo - 1 <= n) row[lo - 1] = beyond
        let low = d <= max ? d : beyond
        for (let j = lo; j <= hi; j++) {
          let value = previous[j - 1] + (word[j - 1] === char ? 0 : 1)
          if (previous[j] + 1 < value) value = previous[j] + 1
          if (row[j - 1] + 1 < value) value = row[j - 1] + 1
          if (before && j > 1 && word[j - 1] === last && word[j - 2] === char && before[j - 2] + 1 < value) value = before[j - 2] + 1
          if (value > beyond) value = beyond
          row[j] = value
          if (value < low) low = value
        }
        if (hi < n) row[hi + 1] = beyond
        const end = n - d <= max && d - n <= max ? row[n] : beyond
        best[d] = best[d - 1] < end ? best[d - 1] : end
        depth = d
        if (low > max && !(prefix && best[d] <= max)) {
          pruned = d
          break
        }
      }
      valid = depth
      if (pruned > 0) {
        // No term that starts like this can come within reach: skip them all.
        i++
        while (i < to && this.shared[i] >= pruned) i++
        continue
      }
      // A start within reach keeps the walk going (superset of the whole terms' paths).
      const whole = n - chars.length <= max && chars.length - n <= max ? rows[chars.length][n] : beyond
      if (whole <= max) found.whole.push({ term: this.terms[i], typos: whole + extra, prefix: false })
      if (prefix && best[chars.length] <= max) found.starts.push({ term: this.terms[i], typos: best[chars.length] + extra, prefix: true })
      i++
    }
  }

  private lowerBound(word: string, low = 0, high = this.terms.length): number {
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.terms[mid] < word) low = mid + 1
      else high = mid
    }
    return low
  }
}

/** A term's code points. */
function codePoints(term: string): Int32Array {
  const out = new Int32Array(term.length)
  let n = 0
  for (const char of term) out[n++] = char.codePointAt(0)!
  return n === term.length ? out : out.slice(0, n)
}
