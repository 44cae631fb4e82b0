/**
 * How long each kind of request to Meilisearch may take. One limit for everything made a
 * remote server time out on the relay's 500-document and the rebuild's 1,000-document
 * uploads, and the outbox retried them forever (issue 14, defect 5): a page must not wait
 * on a slow server, but a write may, and a task may run for minutes on a large index.
 */
export type TimeLimits = {
  /** A whole search (one or two multi-search requests): then the embedded engine answers. */
  searchMs: number
  /** A small write or lookup: create, settings, swap, delete, GET index. */
  requestMs: number
  /** One upload of documents (or ids to delete), up to the rebuild's batches of 1,000. */
  uploadMs: number
  /** One GET /tasks/:uid. */
  pollMs: number
  /** From enqueueing a task to its final status; a settings change re-indexes everything. */
  taskMs: number
  /** Pause between two polls of the same task. */
  pollIntervalMs: number
}

export const timeLimits: TimeLimits = {
  searchMs: 2_000,
  requestMs: 10_000,
  uploadMs: 120_000,
  pollMs: 10_000,
  taskMs: 10 * 60_000,
  pollIntervalMs: 50,
}

/**
 * A signal that aborts when `ms` have passed. Tests pass their own, driven by a manual
 * clock, so that a limit is exceeded by a step of the test and never by waiting.
 */
export type Deadline = (ms: number) => AbortSignal

export const realDeadline: Deadline = (ms) => AbortSignal.timeout(ms)
