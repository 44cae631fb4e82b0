import { MeilisearchApiError, type EnqueuedTask, type Meilisearch, type Settings, type Task } from 'meilisearch'
import { realDeadline, timeLimits, type Deadline, type TimeLimits } from './limits'

export type WriteOptions = { limits?: Partial<TimeLimits>; deadline?: Deadline }

export class TaskFailed extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

/** A request that ran out of its time limit: said as such, so a log tells which limit. */
export class TimeLimitExceeded extends Error {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Meilisearch's write API as the relay and the rebuild use it. Every call waits for its
 * task's final status and insists on success. The requests go through the client's plain
 * HTTP layer because only there each one can carry its own time limit (the SDK's
 * `addDocuments` knows only the client-wide timeout): uploads get `uploadMs`, polls
 * `pollMs`, the whole wait for a task `taskMs`.
 */
export class MeiliWriter {
  private readonly limits: TimeLimits
  private readonly deadline: Deadline

  constructor(
    private readonly client: Meilisearch,
    options: WriteOptions = {},
  ) {
    this.limits = { ...timeLimits, ...options.limits }
    this.deadline = options.deadline ?? realDeadline
  }

  /** Creates the index when it does not exist yet; an existing one is left as it is. */
  async ensureIndex(uid: string): Promise<void> {
    try {
      await this.limited(this.limits.requestMs, `look up index ${uid}`, (signal) => this.client.httpRequest.get({ path: `indexes/${uid}`, extraRequestInit: { signal } }))
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'index_not_found') throw error
      try {
        await this.task(`create index ${uid}`, this.limits.requestMs, (signal) => this.client.httpRequest.post({ path: 'indexes', body: { uid, primaryKey: 'uid' }, extraRequestInit: { signal } }))
      } catch (failure) {
        // A creation enqueued before a crash may have won the race: the index is there.
        if (!(failure instanceof TaskFailed && failure.code === 'index_already_exists')) throw failure
      }
    }
  }

  /** Applies the settings (idempotent), to be awaited before any document is sent. */
  applySettings(uid: string, settings: Settings): Promise<void> {
    return this.task(`settings of ${uid}`, this.limits.requestMs, (signal) => this.client.httpRequest.patch({ path: `indexes/${uid}/settings`, body: settings, extraRequestInit: { signal } }))
  }

  addDocuments(uid: string, documents: object[]): Promise<void> {
    return this.task(`add ${documents.length} documents to ${uid}`, this.limits.uploadMs, (signal) =>
      this.client.httpRequest.post({ path: `indexes/${uid}/documents`, params: { primaryKey: 'uid' }, body: documents, extraRequestInit: { signal } }),
    )
  }

  deleteDocuments(uid: string, ids: string[]): Promise<void> {
    return this.task(`delete ${ids.length} documents from ${uid}`, this.limits.uploadMs, (signal) =>
      this.client.httpRequest.post({ path: `indexes/${uid}/documents/delete-batch`, body: ids, extraRequestInit: { signal } }),
    )
  }

  /** Both indexes must exist (`rename: false`, Meilisearch ≥ 1.18); one atomic task. */
  swap(a: string, b: string): Promise<void> {
    return this.task(`swap ${a} and ${b}`, this.limits.requestMs, (signal) => this.client.httpRequest.post({ path: 'swap-indexes', body: [{ indexes: [a, b], rename: false }], extraRequestInit: { signal } }))
  }

  deleteIndex(uid: string): Promise<void> {
    return this.task(`delete ${uid}`, this.limits.requestMs, (signal) => this.client.httpRequest.delete({ path: `indexes/${uid}`, extraRequestInit: { signal } }))
  }

  private async task(what: string, requestMs: number, send: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
    const { taskUid } = (await this.limited(requestMs, what, send)) as EnqueuedTask
    const done = await this.wait(taskUid, what)
    if (done.status !== 'succeeded') {
      const detail = done.error ? ` (${done.error.code}: ${done.error.message})` : ''
      throw new TaskFailed(`${what}: Meilisearch task ${taskUid} ${done.status}${detail}`, done.error?.code)
    }
  }

  /** Polls until the task is final; each poll and the whole wait have their own limits. */
  private async wait(uid: number, what: string): Promise<Task> {
    const { taskMs, pollMs, pollIntervalMs } = this.limits
    const overall = this.deadline(taskMs)
    for (;;) {
      const task = await this.limited(pollMs, `${what}: poll of task ${uid}`, (signal) => this.client.tasks.getTask(uid, { signal: AbortSignal.any([signal, overall]) }), overall)
      if (task.status !== 'enqueued' && task.status !== 'processing') return task
      if (overall.aborted) throw new TimeLimitExceeded(`${what}: Meilisearch task ${uid} not finished within ${taskMs} ms`)
      await pause(pollIntervalMs)
    }
  }

  /** Runs one request under its own limit (and an outer one, the whole wait for a task). */
  private async limited<T>(ms: number, what: string, call: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
    const signal = this.deadline(ms)
    try {
      return await call(signal)
    } catch (error) {
      if (outer?.aborted) throw new TimeLimitExceeded(`${what}: the task was not finished within ${this.limits.taskMs} ms`)
      if (signal.aborted) throw new TimeLimitExceeded(`${what}: no answer from Meilisearch within ${ms} ms`)
      throw error
    }
  }
}
