import { RateLimiterMemory } from 'rate-limiter-flexible'
import { env } from './env.server'

/**
 * Limits on the doors attackers knock at, per client address and (for login) per account,
 * all multiplied by RATE_LIMIT_FACTOR. They live with the site, not in the server's
 * middleware, because the account key is in the form and the refusal is a translated page.
 * (docs/operations.md lists them.)
 */
export const limitTable = {
  loginPerAddress: { points: 10, duration: 15 * 60, what: 'failed logins per client address' },
  loginPerAccount: { points: 30, duration: 60 * 60, what: 'failed logins per account' },
  signupPerAddress: { points: 10, duration: 60 * 60, what: 'sign-ups per client address' },
  resetPerAddress: { points: 10, duration: 60 * 60, what: 'reset e-mails per client address' },
  resendPerAddress: { points: 5, duration: 60 * 60, what: 'confirmation e-mails sent again per client address' },
  reportPerAddress: { points: 20, duration: 60 * 60, what: 'reports of postings and organisations per client address' },
  // Counted when an answer is sent, so that a form sent back with errors costs nothing.
  respondPerAddress: { points: 10, duration: 60 * 60, what: 'answers to postings per client address' },
  respondPerPosting: { points: 30, duration: 60 * 60, what: 'answers to one posting, from any address' },
} as const
type LimitName = keyof typeof limitTable

let limiters: Map<LimitName, RateLimiterMemory> | undefined
function limiter(name: LimitName): RateLimiterMemory {
  if (!limiters) {
    const factor = env().RATE_LIMIT_FACTOR
    limiters = new Map(
      Object.entries(limitTable).map(([key, { points, duration }]) => [key as LimitName, new RateLimiterMemory({ points: Math.ceil(points * factor), duration })]),
    )
  }
  return limiters.get(name)!
}

/** Seconds until `key` may try again under `name`, or 0 when it may now. */
export async function blockedFor(name: LimitName, key: string): Promise<number> {
  const state = await limiter(name).get(key)
  if (!state || state.remainingPoints > 0) return 0
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000))
}

/** Counts one attempt; returns the seconds to wait when this one went over the limit, else 0. */
export async function spend(name: LimitName, key: string): Promise<number> {
  try {
    await limiter(name).consume(key)
    return 0
  } catch (refusal) {
    const ms = (refusal as { msBeforeNext?: number }).msBeforeNext
    if (typeof ms !== 'number') throw refusal
    return Math.max(1, Math.ceil(ms / 1000))
  }
}
