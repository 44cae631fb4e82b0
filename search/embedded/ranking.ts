import { maxQueryWords } from '../engine'
import type { Candidate } from './vocabulary'

export type Rank = {
  words: number
  typos: number
  proximity: number
  attribute: number
  position: number
  exactness: number
}

/** Per query word, the index terms it may stand for. */
export type WordMatches = Array<Map<string, Candidate>>

const maxProximity = 8

/**
 * Where the query words occur in one text or in several: per word, five slots — its fewest
 * typos, the attribute and position of its first occurrence (attribute −1: not found),
 * whether it occurs exactly, and its least distance from the word before it. Enough for
 * every ranking rule, without a record per occurrence: a search ranks hundreds of
 * documents of a hundred words each.
 */
export type Occurrences = Float64Array

const slots = 5
const [TYPOS, ATTRIBUTE, POSITION, EXACT, PROXIMITY] = [0, 1, 2, 3, 4]

/** Occurrences of `words` query words, none found yet. */
export function noOccurrences(words: number): Occurrences {
  return forget(new Float64Array(words * slots))
}

/** `found` as if nothing were found yet (a search ranks every document in one array). */
export function forget(found: Occurrences): Occurrences {
  for (let at = 0; at < found.length; at += slots) {
    found[at + TYPOS] = Infinity
    found[at + ATTRIBUTE] = -1
    found[at + POSITION] = 0
    found[at + EXACT] = 0
    found[at + PROXIMITY] = maxProximity
  }
  return found
}

/**
 * Meilisearch's default ranking rules, in order: words, typo, proximity, attribute,
 * position (Meilisearch calls it "attribute" too), exactness — computed from the
 * document's normalised words per attribute (title, taxonomy, organisation, body).
 */
export function rankDocument(attributes: string[][], words: WordMatches): Rank {
  const found = noOccurrences(words.length)
  attributes.forEach((tokens, attribute) => scan(found, tokens, attribute, words))
  return rankOf(found)
}

/**
 * Adds to `found` where each query word occurs among one attribute's tokens (strings, or
 * term ids with maps keyed by id; `tokens[from, to)` when they sit in a larger array).
 * Attributes are scanned in ranking order, so the first occurrence found stays the first.
 * With `marks`, a token whose mark is not `mark` is no word's candidate and is passed over
 * without asking every word's map. With `best`, reading stops once the rank is `settled`.
 */
export function scan<T>(
  found: Occurrences,
  tokens: ArrayLike<T>,
  attribute: number,
  words: Array<Map<T, Candidate>>,
  from = 0,
  to = tokens.length,
  marks?: Int32Array,
  mark = 0,
  best?: Occurrences,
): void {
  const last = lastSeen(words.length)
  for (let at = from; at < to; at++) {
    const token = tokens[at]
    if (marks && marks[token as number] !== mark) continue
    const position = at - from
    for (let word = 0; word < words.length; word++) {
      const candidate = words[word].get(token)
      if (!candidate) continue
      const slot = word * slots
      if (found[slot + ATTRIBUTE] < 0) {
        found[slot + ATTRIBUTE] = attribute
        found[slot + POSITION] = position
      }
      if (candidate.typos < found[slot + TYPOS]) found[slot + TYPOS] = candidate.typos
      if (candidate.typos === 0 && !candidate.prefix) found[slot + EXACT] = 1
      // Proximity as Meilisearch counts it: the distance, one more when the words are in reverse order.
      if (word > 0 && last[word - 1] >= 0) found[slot + PROXIMITY] = Math.min(found[slot + PROXIMITY], position - last[word - 1])
      if (word + 1 < words.length && last[word + 1] >= 0) {
        found[slot + slots + PROXIMITY] = Math.min(found[slot + slots + PROXIMITY], position - last[word + 1] + 1)
      }
      last[word] = position
      if (best && settled(found, best)) return
    }
  }
}

/**
 * What no document can better: per word, the fewest typos among its candidates, and
 * whether one of them is exact (the other slots unused).
 */
export function bestPossible<T>(words: Array<Map<T, Candidate>>): Occurrences {
  const best = noOccurrences(words.length)
  words.forEach((candidates, word) => {
    for (const candidate of candidates.values()) {
      best[word * slots + TYPOS] = Math.min(best[word * slots + TYPOS], candidate.typos)
      if (candidate.typos === 0 && !candidate.prefix) best[word * slots + EXACT] = 1
    }
  })
  return best
}

/**
 * Whether texts of later attributes can no longer change a one-word query's rank: the word
 * was found (so its first occurrence is fixed), with typos and exactness as good as `best`.
 * With more words, a later attribute may still bring them closer together.
 */
export function settled(found: Occurrences, best: Occurrences): boolean {
  return found.length === slots && found[ATTRIBUTE] >= 0 && found[TYPOS] === best[TYPOS] && found[EXACT] === best[EXACT]
}

/** Adds `part` (occurrences in texts of later attributes) to `found`. */
export function merge(found: Occurrences, part: Occurrences): void {
  for (let slot = 0; slot < found.length; slot += slots) {
    if (part[slot + ATTRIBUTE] < 0) continue
    if (found[slot + ATTRIBUTE] < 0) {
      found[slot + ATTRIBUTE] = part[slot + ATTRIBUTE]
      found[slot + POSITION] = part[slot + POSITION]
    }
    found[slot + TYPOS] = Math.min(found[slot + TYPOS], part[slot + TYPOS])
    found[slot + EXACT] = Math.max(found[slot + EXACT], part[slot + EXACT])
    found[slot + PROXIMITY] = Math.min(found[slot + PROXIMITY], part[slot + PROXIMITY])
  }
}

/**
 * Per rule, one more than its largest sum over `maxQueryWords` words (typos ≤ 2, proximity
 * ≤ 8 between two words, attribute ≤ 3 and position ≤ 100 per word): the digits of a rank
 * packed into one number, below 2^53.
 */
const radix = { words: maxQueryWords + 1, typos: 2 * maxQueryWords + 1, proximity: maxProximity * maxQueryWords + 1, attribute: 3 * maxQueryWords + 1, position: 100 * maxQueryWords + 1, exactness: maxQueryWords + 1 }

/**
 * The rank from where the words occur, as one number ordered as `compareRanks` orders ranks
 * (smaller first): sorting by it needs no object per document.
 */
export function rankKey(found: Occurrences): number {
  let [words, typos, proximity, attribute, position, exactness] = [0, 0, 0, 0, 0, 0]
  let previous = false
  for (let slot = 0; slot < found.length; slot += slots) {
    if (found[slot + ATTRIBUTE] < 0) {
      previous = false
      continue
    }
    words++
    typos += found[slot + TYPOS]
    attribute += found[slot + ATTRIBUTE]
    position += Math.min(found[slot + POSITION], 100)
    exactness += found[slot + EXACT]
    if (previous) proximity += found[slot + PROXIMITY]
    previous = true
  }
  let key = maxQueryWords - words
  key = key * radix.typos + typos
  key = key * radix.proximity + proximity
  key = key * radix.attribute + attribute
  key = key * radix.position + position
  return key * radix.exactness + (maxQueryWords - exactness)
}

/** The rank from where the words occur, rule by rule (`rankKey` unpacked). */
export function rankOf(found: Occurrences): Rank {
  let key = rankKey(found)
  const digit = (base: number) => {
    const value = key % base
    key = (key - value) / base
    return value
  }
  const exactness = maxQueryWords - digit(radix.exactness)
  const position = digit(radix.position)
  const attribute = digit(radix.attribute)
  const proximity = digit(radix.proximity)
  const typos = digit(radix.typos)
  return { words: maxQueryWords - key, typos, proximity, attribute, position, exactness }
}

export function compareRanks(a: Rank, b: Rank): number {
  return (
    b.words - a.words ||
    a.typos - b.typos ||
    a.proximity - b.proximity ||
    a.attribute - b.attribute ||
    a.position - b.position ||
    b.exactness - a.exactness
  )
}

/** Per word, its last position in the text being scanned (−1: not yet); one array, reused. */
let seen = new Int32Array(8)
function lastSeen(words: number): Int32Array {
  if (seen.length < words) seen = new Int32Array(words)
  seen.fill(-1, 0, words)
  return seen
}
