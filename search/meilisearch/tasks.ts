import { MeilisearchApiError, type EnqueuedTaskPromise, type Meilisearch, type Settings } from 'meilisearch'

export type WaitOptions = { timeout?: number; interval?: number }

export class TaskFailed extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

/** Waits for a task and insists on its final status: a failed or cancelled task is no success. */
export async function succeeded(task: EnqueuedTaskPromise, what: string, wait: WaitOptions = {}): Promise<void> {
  const done = await task.waitTask({ timeout: wait.timeout ?? 60_000, interval: wait.interval ?? 50 })
  if (done.status !== 'succeeded') {
    const detail = done.error ? ` (${done.error.code}: ${done.error.message})` : ''
    throw new TaskFailed(`${what}: Meilisearch task ${done.uid} ${done.status}${detail}`, done.error?.code)
  }
}

/** Creates the index when it does not exist yet; an existing one is left as it is. */
export async function ensureIndex(client: Meilisearch, uid: string, wait?: WaitOptions): Promise<void> {
  try {
    await client.index(uid).getRawInfo()
  } catch (error) {
    if (!(error instanceof MeilisearchApiError) || error.cause?.code !== 'index_not_found') throw error
    try {
      await succeeded(client.createIndex(uid, { primaryKey: 'uid' }), `create index ${uid}`, wait)
    } catch (failure) {
      // A creation enqueued before a crash may have won the race: the index is there.
      if (!(failure instanceof TaskFailed && failure.code === 'index_already_exists')) throw failure
    }
  }
}

/** Applies the settings (idempotent) and waits for them, before any document is sent. */
export async function applySettings(client: Meilisearch, uid: string, settings: Settings, wait?: WaitOptions): Promise<void> {
  await succeeded(client.index(uid).updateSettings(settings), `settings of ${uid}`, wait)
}
