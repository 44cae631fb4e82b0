import fs from 'node:fs'
import { formatErrors, importExchange } from '../db/exchange'
import { todayInBerlin } from '../db/dates'
import { start, usage } from './cli'
import { commandContext } from '../search/context'

const maxPrinted = 1000

function holdUntilKilled(): never {
  console.error('written; holding before the commit')
  const cell = new Int32Array(new SharedArrayBuffer(4))
  for (;;) Atomics.wait(cell, 0, 0, 1000)
}
const args = process.argv.slice(2)
if (args.length !== 1 || args[0].startsWith('-')) usage('usage: npm run import -- FILE.json')

const [file] = args
let bytes: Buffer
try {
  bytes = fs.readFileSync(file)
} catch (error) {
  usage(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
}

const { env, db } = start()
const started = performance.now()
const outcome = importExchange(commandContext(db, null), bytes, {
  today: todayInBerlin(),
  // The embedded index commits with the data: searchable the moment the import returns.
  onWriteStart: () => console.error('valid; writing…'),
  // For the crash test only: stop inside the transaction, every record written, until killed.
  onWritten: process.env.TREFFPUNKT_HOLD_BEFORE_COMMIT === '1' ? holdUntilKilled : undefined,
})
if (!outcome.ok) {
  const lines = formatErrors(outcome.errors)
  for (const line of lines.slice(0, maxPrinted)) console.error(line)
  if (lines.length > maxPrinted) console.error(`… and ${lines.length - maxPrinted} more errors`)
  console.error(`${file}: ${lines.length} error(s); nothing was written to ${env.DATABASE_PATH}`)
  process.exit(1)
}
const summary = Object.entries(outcome.counts)
  .map(([kind, c]) => `${kind}: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged`)
  .join('\n  ')
console.log(`imported ${file} into ${env.DATABASE_PATH} in ${Math.round(performance.now() - started)} ms\n  ${summary}`)
