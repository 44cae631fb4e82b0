import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'
import { projectRoot } from './root'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = path.join(projectRoot(), 'db/migrations')

/**
 * Opens (creating if needed) the SQLite file with the pragmas durability depends on,
 * and checks that SQLite really took them: a read-only or network file system can
 * silently refuse WAL.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // NORMAL is durable in WAL mode against process crashes; only a power cut can lose the last commit.
  sqlite.pragma('synchronous = NORMAL')
  checkPragmas(sqlite, file)
  reusePreparedStatements(sqlite)
  const db = drizzle(sqlite, { schema }) as Db
  if (options.migrate !== false) migrate(db, { migrationsFolder })
  return db
}

/** How many distinct statements a connection keeps compiled (the product has a few hundred). */
const statementCacheSize = 1000

/**
 * Drizzle prepares every query anew, and compiling SQL was a large share of a page's time.
 * The connection keeps compiled statements by their text (least recently used ones leave
 * first) and hands them out in their default mode: whoever asked for rows as arrays
 * (`raw`), single values (`pluck`) or per-table objects (`expand`) set that on their call.
 */
function reusePreparedStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source)
    if (statement) {
      cache.delete(source)
      if (statement.reader) statement.raw(false).pluck(false).expand(false)
    } else {
      statement = prepare(source)
      if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value!)
    }
    cache.set(source, statement)
    return statement
  }) as typeof sqlite.prepare
}

function checkPragmas(sqlite: Database.Database, file: string) {
  const expected: Array<[string, unknown]> = [
    ['journal_mode', file === ':memory:' ? 'memory' : 'wal'],
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
    ['synchronous', 1],
  ]
  for (const [name, value] of expected) {
    const actual = sqlite.pragma(name, { simple: true })
    if (actual !== value) {
      throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${String(value)} (${file})`)
    }
  }
}

const generations = new WeakMap<object, number>()

/**
 * Every write goes through here: BEGIN IMMEDIATE takes the write lock up front, so two
 * writers queue on busy_timeout instead of failing half-way with SQLITE_BUSY.
 */
export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
  const before = totalChanges(db)
  try {
    // The transaction runs on the same connection; prepared statements may use it directly.
    return db.transaction((tx) => work(Object.assign(tx, { $client: db.$client }) as unknown as Db), {
      behavior: 'immediate',
    })
  } finally {
    // A job that found nothing to do leaves the content version (and every cache keyed by it) alone.
    if (totalChanges(db) !== before) generations.set(db.$client, writeGeneration(db) + 1)
  }
}

/**
 * Changes whenever content may have changed: a write transaction on this connection, or a
 * commit by any other connection (PRAGMA data_version), such as `npm run import` while
 * the server runs. Caches of content (the search catalog) compare it.
 */
export function contentVersion(db: Db): string {
  let dataVersion = dataVersions.get(db.$client)
  if (!dataVersion) dataVersions.set(db.$client, (dataVersion = db.$client.prepare('pragma data_version').pluck()))
  return `${dataVersion.get() as number}:${writeGeneration(db)}`
}

/** Per connection, its prepared `PRAGMA data_version` (asked by every search; `pragma()` prepares anew each time). */
const dataVersions = new WeakMap<Database.Database, Database.Statement>()

const totalChanges = (db: Db) => db.$client.prepare('select total_changes()').pluck().get() as number

function writeGeneration(db: Db): number {
  return generations.get(db.$client) ?? 0
}
