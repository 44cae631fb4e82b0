/**
 * One volunteer signing up in a process of its own, for the test of the last place
 * (db/commands/sessions.test.ts). Arguments: database file, user id, group id, date, the
 * clock's time. Says `ready` once the database is open and waits for `go`, so that two of
 * these start their sign-up at the same moment; answers with the outcome.
 */
import { actorOf } from '../db/accounts/sessions'
import { openDatabase } from '../db/client'
import { fakeClock } from '../db/clock'
import { signUp } from '../db/commands/sessions'
import { commandContext } from '../search/context'

const [file, userId, groupId, date, now] = process.argv.slice(2)
const db = openDatabase(file, { migrate: false })
const context = commandContext(db, actorOf(db, userId), fakeClock(now))

process.on('message', (message) => {
  if (message !== 'go') return
  const outcome = signUp(context, groupId, date)
  process.send!(outcome, undefined, undefined, () => {
    db.$client.close()
    process.exit(0)
  })
})
process.send!('ready')
