import { contentVersion, type Db } from './client'

const memos = new WeakMap<object, Map<string, { version: string; value: unknown }>>()

/**
 * A value computed from the content (the taxonomy with its labels, counts per category),
 * kept until the next commit by anyone moves the content version. For pages only: inside
 * a write transaction the version moves at its commit, so a command must read afresh.
 * Callers treat the value as read-only.
 */
export function memoByContent<T>(db: Db, key: string, compute: () => T): T {
  let byKey = memos.get(db.$client)
  if (!byKey) {
    byKey = new Map()
    memos.set(db.$client, byKey)
  }
  const version = contentVersion(db)
  const hit = byKey.get(key)
  if (hit && hit.version === version) return hit.value as T
  const value = compute()
  // Keys come from ids that exist (lists per filter); a bound keeps a crawler from growing it.
  if (byKey.size >= 5_000) byKey.clear()
  byKey.set(key, { version, value })
  return value
}
