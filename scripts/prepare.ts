import { hasOrganisations, seedDemo } from '../db/seed/demo'
import { start } from './cli'

// Runs before the server: validates the environment, migrates, seeds a new installation.
const { env, db } = start()
if (env.SEED_DEMO && !hasOrganisations(db)) {
  const started = performance.now()
  const counts = seedDemo(db)
  console.log(
    `seeded the demo municipality (${counts.organisations.created} organisations, ` +
      `${counts.postings.created} postings) in ${Math.round(performance.now() - started)} ms`,
  )
}
db.$client.close()
