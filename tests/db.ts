import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type Db } from '../db/client'

let base: string | undefined

/**
 * A fresh, migrated SQLite file per call: migrations run once per worker into a base
 * file that is then copied, which is faster than migrating and safer than truncating.
 */
export function testDatabase(): { db: Db; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treffpunkt-test-'))
  if (!base) {
    base = path.join(dir, 'base.db')
    const db = openDatabase(base)
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
    db.$client.close()
  }
  const file = path.join(dir, 'test.db')
  fs.copyFileSync(base, file)
  return { db: openDatabase(file), file, dir }
}
