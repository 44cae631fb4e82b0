import fs from 'node:fs'
import path from 'node:path'
import { exportExchange } from '../db/exchange'
import { start, usage } from './cli'

const args = process.argv.slice(2)
if (args.length !== 1 || args[0].startsWith('-')) usage('usage: npm run export -- FILE.json')

const [file] = args
const { env, db } = start()
const data = exportExchange(db)
// Write beside the target and rename: a reader never sees half a file.
const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`)
try {
  fs.writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`)
  fs.renameSync(temporary, file)
} catch (error) {
  fs.rmSync(temporary, { force: true })
  usage(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
}
const count = (list?: unknown[]) => list?.length ?? 0
console.log(
  `exported ${env.DATABASE_PATH} to ${file}: ${count(data.organisations)} organisations, ` +
    `${count(data.postings)} postings, ${count(data.workingGroups)} working groups`,
)
