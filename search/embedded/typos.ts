/**
 * Meilisearch's typo rules: no typo below 5 characters, one from 5, two from 9; a swap of
 * two neighbours is one typo (Damerau); a wrong first letter costs two.
 */
export function allowedTypos(word: string): number {
  const length = [...word].length
  return length >= 9 ? 2 : length >= 5 ? 1 : 0
}

/**
 * Optimal string alignment distance, giving up (Infinity) beyond `max`. With `prefix`, the
 * distance from `a` to the closest prefix of `b` ("deutchk" is one typo from "deutschkurs").
 */
export function damerau(a: string, b: string, max: number, prefix = false): number {
  const s = [...a]
  const t = [...b]
  if (prefix ? s.length - t.length > max : Math.abs(s.length - t.length) > max) return Infinity
  let previous2: number[] = []
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1)
      }
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > max) return Infinity
    previous2 = previous
    previous = current
  }
  const distance = prefix ? Math.min(...previous) : previous[t.length]
  return distance > max ? Infinity : distance
}

/** Typos between a query word and an index term (or its start) by the rules above, or Infinity. */
export function typoCost(word: string, term: string, prefix = false): number {
  const allowed = allowedTypos(word)
  if (word === term || (prefix && term.startsWith(word))) return 0
  if (allowed === 0) return Infinity
  const distance = damerau(word, term, allowed, prefix)
  if (distance === Infinity) return Infinity
  const cost = term[0] === word[0] ? distance : distance + 1
  return cost <= allowed ? cost : Infinity
}
