import type { Db } from '../../db/client'
import type { SearchKind } from '../document'

/**
 * The outbox (db/migrations/0002_add_search_outbox.sql): triggers on the embedded index
 * enqueue every document change in the transaction that makes it, while `search.outbox` is
 * set. Entries are marked delivered only after Meilisearch reports the task succeeded;
 * until then they stay, across crashes and restarts.
 */
export type OutboxEntry = { id: number; kind: SearchKind; refId: string; op: 'upsert' | 'delete'; attempts: number }

const key = 'search.outbox'
const keepDeliveredMs = 24 * 60 * 60 * 1000

/**
 * Turns the outbox on when Meilisearch is configured and off when it is not. Turning it
 * on enqueues every document (a first or renewed full sync); turning it off drops what
 * was pending, since the next switch-on sends everything anyway.
 */
export function configureOutbox(db: Db, enabled: boolean): 'enabled' | 'disabled' | 'unchanged' {
  const client = db.$client
  const on = Boolean(client.prepare('select 1 from settings where key = ?').get(key))
  if (on === enabled) return 'unchanged'
  client.transaction(() => {
    if (enabled) {
      client.prepare(`insert into settings (key, value) values (?, 'true')`).run(key)
      client.prepare(`insert into search_outbox (kind, ref_id, op) select kind, ref_id, 'upsert' from search_documents order by rowid`).run()
    } else {
      client.prepare('delete from settings where key = ?').run(key)
      client.prepare('delete from search_outbox').run()
    }
  }).immediate()
  return enabled ? 'enabled' : 'disabled'
}

/** Entries due for delivery, oldest first. */
export function pendingEntries(db: Db, limit: number, now = Date.now()): OutboxEntry[] {
  return db.$client
    .prepare(
      `select id, kind, ref_id as refId, op, attempts from search_outbox
       where delivered_at is null and next_attempt_at <= ? order by id limit ?`,
    )
    .all(now, limit) as OutboxEntry[]
}

export function pendingCount(db: Db): number {
  return (db.$client.prepare('select count(*) as n from search_outbox where delivered_at is null').get() as { n: number }).n
}

export function markDelivered(db: Db, ids: number[], now = Date.now()): void {
  const client = db.$client
  client.transaction(() => {
    client.prepare('update search_outbox set delivered_at = ?, last_error = null where id in (select value from json_each(?))').run(now, JSON.stringify(ids))
    client.prepare('delete from search_outbox where delivered_at < ?').run(now - keepDeliveredMs)
  }).immediate()
}

/** Exponential back-off per entry: 1 s, 2 s, 4 s … at most five minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60 * 1000)
}

export function markFailed(db: Db, entries: OutboxEntry[], error: string, now = Date.now()): void {
  const update = db.$client.prepare('update search_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?')
  db.$client.transaction(() => {
    for (const entry of entries) update.run(entry.attempts + 1, now + backoffMs(entry.attempts + 1), error.slice(0, 500), entry.id)
  }).immediate()
}

export function lastOutboxId(db: Db): number {
  return (db.$client.prepare('select coalesce(max(id), 0) as id from search_outbox').get() as { id: number }).id
}

/** Entries up to `id` are covered by a rebuilt index: no need to send them again. */
export function settleUpTo(db: Db, id: number, now = Date.now()): number {
  return db.$client.prepare('update search_outbox set delivered_at = ? where id <= ? and delivered_at is null').run(now, id).changes
}

/**
 * Enqueues again, once per document, every change after `afterId`, delivered or not: the
 * relay may have sent it to the old index before a swap and still be waiting for its task
 * (or for the deletions of the same batch, which run after the swap) when the swap is
 * seen, so "delivered" says nothing about which index it reached.
 */
export function requeueSince(db: Db, afterId: number): number {
  return db.$client
    .prepare(
      `insert into search_outbox (kind, ref_id, op)
       select kind, ref_id, op from search_outbox
       where id in (select max(id) from search_outbox where id > ? group by kind, ref_id) order by id`,
    )
    .run(afterId).changes
}
