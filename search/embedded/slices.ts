/**
 * Per position, a slice of integers, all in one pool (no array per position: 100,000
 * documents would be 100,000 objects). A position set again leaves its old slice as
 * garbage; once the pool is full, the live slices move to a new one with room to spare.
 */
export class Slices {
  private pool = new Int32Array(1 << 12)
  private used = 0
  private garbage = 0
  private settled = false
  private readonly starts: Int32Array
  private readonly ends: Int32Array

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
  }

  /** The pool: a position's slice is `values[start(position), end(position))` (valid until the next `set`). */
  get values(): Int32Array {
    return this.pool
  }

  start(position: number): number {
    return this.starts[position]
  }

  end(position: number): number {
    return this.ends[position]
  }

  /** How many numbers all positions hold. */
  get live(): number {
    return this.used - this.garbage
  }

  /** A copy of the position's slice. */
  of(position: number): Int32Array {
    return this.pool.slice(this.starts[position], this.ends[position])
  }

  /** Holds `values` (one after the other) for `position`, in place of what it held. */
  set(position: number, ...values: ArrayLike<number>[]): void {
    this.clear(position)
    const n = values.reduce((sum, part) => sum + part.length, 0)
    this.reserve(n)
    this.starts[position] = this.used
    for (const part of values) {
      this.pool.set(part, this.used)
      this.used += part.length
    }
    this.ends[position] = this.used
  }

  clear(position: number): void {
    this.garbage += this.ends[position] - this.starts[position]
    this.starts[position] = this.ends[position] = 0
  }

  /** Loading is over: the pool keeps an eighth more room for changes, not the doubling's. */
  settle(): void {
    this.pool = this.pool.slice(0, this.used + Math.max(1 << 12, this.used >> 3))
    this.settled = true
  }

  private reserve(n: number) {
    if (this.used + n <= this.pool.length) return
    const live = this.live
    // Loading doubles; later, changes get an eighth more room.
    const room = Math.max(1 << 12, this.settled ? live >> 3 : live)
    const pool = new Int32Array(Math.max(this.pool.length, live + n + room))
    let used = 0
    for (let position = 0; position < this.starts.length; position++) {
      const [from, to] = [this.starts[position], this.ends[position]]
      if (to === from) continue
      pool.set(this.pool.subarray(from, to), used)
      this.starts[position] = used
      this.ends[position] = used += to - from
    }
    this.pool = pool
    this.used = used
    this.garbage = 0
  }
}
