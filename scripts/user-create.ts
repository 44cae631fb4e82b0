import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline/promises'
import { createConfirmedUser } from '../db/commands/users'
import { commandContext } from '../search/context'
import { start, usage } from './cli'

const help = 'usage: npm run user:create -- --email ADDRESS --role admin|coordinator|volunteer [--name NAME] [--locale de] [--organisation ID [--as owner|editor]]\nThe password is read from standard input (never from the command line).'

let values: Record<string, string | undefined>
try {
  values = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' }, organisation: { type: 'string' }, as: { type: 'string' } },
    strict: true,
  }).values
} catch (error) {
  usage(`${(error as Error).message}\n${help}`)
}
if (!values.email || !values.role) usage(help)

/** The password: typed at a prompt on a terminal, else the first line of standard input. */
async function readPassword(): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: false })
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ')
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}

const password = await readPassword()
const { db } = start()
const outcome = await createConfirmedUser(commandContext(db, null), {
  email: values.email,
  role: values.role as 'admin',
  name: values.name ?? values.email.split('@')[0],
  locale: (values.locale ?? 'de') as 'de',
  password,
  organisation: values.organisation,
  as: (values.as ?? 'owner') as 'owner',
})
db.$client.close()
if (!outcome.ok) {
  for (const [field, key] of Object.entries(outcome.errors)) console.error(`--${field}: ${key}`)
  process.exit(1)
}
console.log(`created ${values.email} (${values.role}${values.organisation ? `, ${values.as ?? 'owner'} of ${values.organisation}` : ''})`)
