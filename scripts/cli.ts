import { openDatabase, type Db } from '../db/client'
import { readEnv, type Env } from '../app/lib/env.server'

/** Shared start of every command: a validated environment and a migrated database. */
export function start(): { env: Env; db: Db } {
  let env: Env
  try {
    env = readEnv()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
  return { env, db: openDatabase(env.DATABASE_PATH) }
}

export function usage(text: string): never {
  console.error(text)
  process.exit(2)
}
