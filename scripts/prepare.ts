import { prepare } from '../server/prepare'
import { start } from './cli'

// Before the Vite dev server: migrate, seed a new installation, build the search index.
const { env, db } = start()
await prepare(env, db, console.log)
db.$client.close()
