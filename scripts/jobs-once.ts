import { jobs } from '../server/jobs'
import { start } from './cli'

// For installations that prefer cron to the in-process scheduler: every job once, then exit.
const { env, db } = start()
let failed = false
for (const job of jobs(env, db)) {
  try {
    console.log(`${job.name}: ${JSON.stringify(await job.run())}`)
  } catch (error) {
    failed = true
    console.error(`${job.name} failed: ${(error as Error).message}`)
  }
}
db.$client.close()
process.exit(failed ? 1 : 0)
