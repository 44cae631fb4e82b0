import { openDatabase, type Db } from '../../db/client'
import { env } from './env.server'

let db: Db | undefined

/** The process-wide connection; better-sqlite3 is synchronous, one connection serves all requests. */
export function getDb(): Db {
  // Migrations ran before the server started (scripts/prepare.ts); the bundle has no migration files.
  db ??= openDatabase(env().DATABASE_PATH, { migrate: false })
  return db
}
