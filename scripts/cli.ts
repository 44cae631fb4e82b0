import { openDatabase, type Db } from '../db/client'
import { readEnv, type Env } from '../app/lib/env.server'
import { configureOutbox } from '../search/meilisearch/outbox'

/**
 * Shared start of every command: a validated environment and a migrated database whose
 * Meilisearch outbox is on exactly when MEILI_URL is set, so an import from the command
 * line reaches Meilisearch like an edit in the site does.
 */
export function start(): { env: Env; db: Db } {
  let env: Env
  try {
    env = readEnv()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
  const db = openDatabase(env.DATABASE_PATH)
  const outbox = configureOutbox(db, Boolean(env.MEILI_URL))
  if (outbox === 'enabled') console.log('Meilisearch configured: every search document is queued for it')
  return { env, db }
}

export function usage(text: string): never {
  console.error(text)
  process.exit(2)
}
