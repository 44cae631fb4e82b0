/** A fixed-size set of small integers (the catalog's document positions) as 32-bit words. */
export class Bitset {
  readonly words: Uint32Array

  constructor(readonly size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5)
  }

  static of(size: number, positions: Iterable<number>): Bitset {
    const set = new Bitset(size)
    for (const position of positions) set.add(position)
    return set
  }

  add(position: number): void {
    this.words[position >>> 5] |= 1 << (position & 31)
  }

  delete(position: number): void {
    this.words[position >>> 5] &= ~(1 << (position & 31))
  }

  has(position: number): boolean {
    return (this.words[position >>> 5] & (1 << (position & 31))) !== 0
  }

  and(other: Bitset): Bitset {
    const out = new Uint32Array(this.words.length)
    for (let i = 0; i < out.length; i++) out[i] = this.words[i] & other.words[i]
    return new Bitset(this.size, out)
  }

  /** The positions in the set, in increasing order. */
  positions(): number[] {
    const out: number[] = []
    for (let i = 0; i < this.words.length; i++) {
      let word = this.words[i]
      while (word !== 0) {
        const low = word & -word
        out.push((i << 5) + 31 - Math.clz32(low))
        word ^= low
      }
    }
    return out
  }

  count(): number {
    let total = 0
    const { words } = this
    for (let i = 0; i < words.length; i++) if (words[i] !== 0) total += popcount(words[i])
    return total
  }

  /** Keeps only the positions also in `other` (in place). */
  keep(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) this.words[i] &= other.words[i]
    return this
  }

  /** Takes out the positions in `other` (in place). */
  drop(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) this.words[i] &= ~other.words[i]
    return this
  }

  /** Adds the positions in `other` (in place). */
  join(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) this.words[i] |= other.words[i]
    return this
  }

  /** |this ∧ other| without building the intersection. */
  countAnd(other: Bitset): number {
    let total = 0
    for (let i = 0; i < this.words.length; i++) {
      const word = this.words[i] & other.words[i]
      if (word !== 0) total += popcount(word)
    }
    return total
  }
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
