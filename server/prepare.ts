import type { Env } from '../app/lib/env.server'
import { writeTransaction, type Db } from '../db/client'
import { hasOrganisations, seedDemo } from '../db/seed/demo'
import { commandContext } from '../search/context'
import { indexIsCurrent, markIndexCurrent, reindex } from '../search/embedded/writer'
import { seedDemoAccounts, seedDemoInstallation } from './demo-accounts'

/**
 * Runs before the server listens (the database is already migrated): seeds a new
 * installation with the demo municipality and its demo accounts, and (re)builds the search
 * index when content exists without a current one (after an import or an upgrade).
 */
export async function prepare(env: Env, db: Db, log: (message: string) => void): Promise<void> {
  if (env.SEED_DEMO && !hasOrganisations(db)) {
    const started = performance.now()
    const counts = seedDemo(commandContext(db, null))
    // The import indexed every record it wrote, with today's normalize.
    writeTransaction(db, markIndexCurrent)
    const accounts = await seedDemoAccounts(db)
    seedDemoInstallation(db)
    log(
      `seeded the demo municipality (${counts.organisations.created} organisations, ${counts.postings.created} postings, ` +
        `${accounts} demo accounts) in ${Math.round(performance.now() - started)} ms`,
    )
  } else if (hasOrganisations(db) && !indexIsCurrent(db)) {
    writeTransaction(db, (tx) => reindex(tx, { all: true }))
    log('built the search index')
  }
}
