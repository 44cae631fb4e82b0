import { hasOrganisations, seedDemo } from '../db/seed/demo'
import { writeTransaction } from '../db/client'
import { indexImport, indexIsCurrent, markIndexCurrent, reindex } from '../search/embedded/writer'
import { start } from './cli'

// Runs before the server: validates the environment, migrates, seeds a new installation,
// and (re)builds the search index when content exists without a current one (after an upgrade).
const { env, db } = start()
if (env.SEED_DEMO && !hasOrganisations(db)) {
  const started = performance.now()
  const counts = seedDemo(db, {
    afterWrite: (tx, changed) => {
      indexImport(tx, changed)
      markIndexCurrent(tx)
    },
  })
  console.log(
    `seeded the demo municipality (${counts.organisations.created} organisations, ` +
      `${counts.postings.created} postings) in ${Math.round(performance.now() - started)} ms`,
  )
} else if (hasOrganisations(db) && !indexIsCurrent(db)) {
  // A new installation from an import, or an upgrade whose `normalize` folds differently.
  writeTransaction(db, (tx) => reindex(tx, { all: true }))
  console.log('built the search index')
}
db.$client.close()
