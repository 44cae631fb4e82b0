import type { Meilisearch } from 'meilisearch'
import type { Db } from '../../db/client'
import { documentsByRef } from '../hits'
import { meiliUid, toMeiliDocument } from './documents'
import { markDelivered, markFailed, pendingEntries, type OutboxEntry } from './outbox'
import { indexSettings } from './settings'
import { MeiliWriter, type WriteOptions } from './tasks'

export type RelayOptions = WriteOptions & {
  client: Meilisearch
  index: string
  db: Db
  batchSize?: number
  onError?: (error: unknown) => void
}

/**
 * Delivers the outbox to Meilisearch: the index and its settings first (awaited), then
 * batches of the latest state of each changed document. A batch is marked delivered only
 * when every task of it succeeded; a failure leaves it pending with a back-off, so a
 * crash, a restart or a server that is down loses nothing.
 */
export class Relay {
  private readonly writer: MeiliWriter
  private appliedSettings: string | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<unknown> | undefined
  private stopped = false

  constructor(private readonly options: RelayOptions) {
    this.writer = new MeiliWriter(options.client, options)
  }

  /** One round: delivers what is due. Returns how many entries were delivered and failed. */
  async runOnce(now = Date.now()): Promise<{ delivered: number; failed: number }> {
    const { db, batchSize = 500 } = this.options
    let delivered = 0
    for (;;) {
      const entries = pendingEntries(db, batchSize, now)
      if (entries.length === 0) return { delivered, failed: 0 }
      try {
        await this.prepareIndex()
        await this.deliver(entries)
      } catch (error) {
        markFailed(db, entries, error instanceof Error ? error.message : String(error), Date.now())
        this.options.onError?.(error)
        return { delivered, failed: entries.length }
      }
      markDelivered(db, entries.map((entry) => entry.id))
      delivered += entries.length
      if (entries.length < batchSize) return { delivered, failed: 0 }
    }
  }

  /** Rounds every `intervalMs` until `stop()`; never two at once. */
  start(intervalMs = 1000): void {
    this.stopped = false
    const tick = () => {
      if (this.stopped) return
      this.running = this.runOnce().catch((error) => this.options.onError?.(error))
      void this.running.finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, intervalMs).unref()
      })
    }
    tick()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  /** Index and settings, re-applied whenever they change (a new category brings synonyms). */
  private async prepareIndex(): Promise<void> {
    const { index, db } = this.options
    const settings = indexSettings(db)
    const wanted = JSON.stringify(settings)
    if (this.appliedSettings === wanted) return
    await this.writer.ensureIndex(index)
    await this.writer.applySettings(index, settings)
    this.appliedSettings = wanted
  }

  private async deliver(entries: OutboxEntry[]): Promise<void> {
    const { index, db } = this.options
    // The latest entry per document decides; the document is read as it is now.
    const latest = new Map<string, OutboxEntry>()
    for (const entry of entries) latest.set(`${entry.kind}:${entry.refId}`, entry)
    const upserts = [...latest.values()].filter((entry) => entry.op === 'upsert')
    const documents = documentsByRef(db, upserts.map((entry) => ({ kind: entry.kind, id: entry.refId })))
    const present = new Set(documents.map((doc) => `${doc.kind}:${doc.id}`))
    const deletions = [...latest.values()].filter((entry) => !present.has(`${entry.kind}:${entry.refId}`)).map((entry) => meiliUid(entry.kind, entry.refId))
    if (documents.length > 0) await this.writer.addDocuments(index, documents.map(toMeiliDocument))
    if (deletions.length > 0) await this.writer.deleteDocuments(index, deletions)
  }
}
