import { start, usage } from './cli'

const args = process.argv.slice(2)
if (args.length > 1 || args[0]?.startsWith('-')) usage('usage: npm run backup -- [FILE.db]')

const { env, db } = start()
const target = args[0] ?? `${env.DATABASE_PATH.replace(/\.db$/, '')}-backup-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.db`
// SQLite's online backup API: a consistent copy while the server keeps writing.
await db.$client.backup(target)
console.log(`backed up ${env.DATABASE_PATH} to ${target}`)
