import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import closeWithGrace from 'close-with-grace'
import { readEnv } from '../app/lib/env.server'
import { contentVersion, openDatabase } from '../db/client'
import { projectRoot } from '../db/root'
import { configureOutbox } from '../search/meilisearch/outbox'
import { createApp } from './app'
import { jobs, startJobs } from './jobs'
import { checkHeap } from './heap'
import { createLogger } from './logger'
import { prepare } from './prepare'

// `npm start` and `npm run serve`: migrate, seed a new installation, serve the build, run the jobs.
const env = (() => {
  try {
    return readEnv()
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
})()
const logger = createLogger(env.LOG_LEVEL)
const db = openDatabase(env.DATABASE_PATH)
configureOutbox(db, Boolean(env.MEILI_URL))
await prepare(env, db, (message) => logger.info(message))

const buildDir = path.join(projectRoot(), 'build')
const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild & {
  entry: { module: { shutdown?: () => Promise<void> } }
}
const app = createApp(env, build, logger, buildDir, () => contentVersion(db))
const scheduler = startJobs(jobs(env, db), (job, error) => logger.error({ job, err: error }, 'background job failed'))

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info(`Treffpunkt listens on http://${env.HOST}:${env.PORT} (public address ${env.PUBLIC_URL})`)
  checkHeap(logger)
})

// SIGTERM/SIGINT: stop taking requests, let running ones finish, stop the jobs and the
// Meilisearch relay, close the database. A second signal or 10 s end it at once.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'shutting down after an error')
  else logger.info(`${signal}: shutting down`)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await scheduler.stop()
  await build.entry.module.shutdown?.()
  db.$client.close()
})
