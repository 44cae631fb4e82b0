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

/** Where a query word occurs in a document. */
export type Hit = { attribute: number; position: number; typos: number; exact: boolean }

/**
 * Meilisearch's default ranking rules, in order: words, typo, proximity, attribute,
 * position (Meilisearch calls it "attribute" too), exactness — computed from the
 * document's normalised words per attribute (title, taxonomy, organisation, body).
 */
export function rankDocument(attributes: string[][], words: WordMatches): Rank {
  const best: Hit[][] = words.map(() => [])
  attributes.forEach((tokens, attribute) => addHits(best, hitsIn(tokens, attribute, words)))
  return rankHits(best)
}

/**
 * Per query word, where it occurs among one attribute's tokens (strings, or term ids with
 * maps keyed by id; `tokens[from, to)` when they sit in a larger array). `mayMatch` passes
 * over a token that is no word's candidate without asking every word's map. Kept apart
 * from `rankHits` so that a text many documents share is scanned once per search.
 */
export function hitsIn<T>(
  tokens: ArrayLike<T>,
  attribute: number,
  words: Array<Map<T, Candidate>>,
  from = 0,
  to = tokens.length,
  mayMatch: (token: T) => boolean = () => true,
): Hit[][] {
  const found: Hit[][] = words.map(() => [])
  for (let at = from; at < to; at++) {
    if (!mayMatch(tokens[at])) continue
    for (let index = 0; index < words.length; index++) {
      const candidate = words[index].get(tokens[at])
      if (candidate) found[index].push({ attribute, position: at - from, typos: candidate.typos, exact: candidate.typos === 0 && !candidate.prefix })
    }
  }
  return found
}

export function addHits(best: Hit[][], found: Hit[][]): void {
  for (let index = 0; index < best.length; index++) if (found[index].length > 0) best[index].push(...found[index])
}

/** The rank from each query word's hits (`best[i]`: every occurrence of word i). */
export function rankHits(best: Hit[][]): Rank {
  let matched = 0
  let typos = 0
  let attribute = 0
  let position = 0
  let exactness = 0
  let proximity = 0
  let previous: Hit[] | null = null
  for (const hits of best) {
    if (hits.length === 0) {
      previous = null
      continue
    }
    matched++
    const minTypos = Math.min(...hits.map((hit) => hit.typos))
    typos += minTypos
    const first = hits.reduce((a, b) => (b.attribute < a.attribute || (b.attribute === a.attribute && b.position < a.position) ? b : a))
    attribute += first.attribute
    position += Math.min(first.position, 100)
    if (hits.some((hit) => hit.exact)) exactness++
    if (previous) {
      let distance = maxProximity
      for (const a of previous) {
        for (const b of hits) {
          if (a.attribute === b.attribute) distance = Math.min(distance, Math.abs(b.position - a.position) + (b.position < a.position ? 1 : 0))
        }
      }
      proximity += distance
    }
    previous = hits
  }
  return { words: matched, typos, proximity, attribute, position, exactness }
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
