/** The time as the code sees it: tests and jobs inject a fake, nothing else reads `Date.now()`. */
export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until a test moves it. */
export function fakeClock(start: string | Date): Clock & { advance(ms: number): void; set(at: string | Date): void } {
  let at = new Date(start)
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at = new Date(at.getTime() + ms)
    },
    set: (next) => {
      at = new Date(next)
    },
  }
}

export const minute = 60_000
export const hour = 60 * minute
export const day = 24 * hour
