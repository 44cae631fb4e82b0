import { expect, test } from 'vitest'
import { readEnv } from '../app/lib/env.server'
import { createSession } from '../db/accounts/sessions'
import { day, fakeClock } from '../db/clock'
import { signUp } from '../db/commands/accounts'
import { mailCommitted } from '../db/mail'
import { commandContext } from '../search/context'
import { testDatabase } from '../tests/db'
import { jobs, startJobs, type Job } from './jobs'

test('a commit that queued mail wakes the mail job at once, without waiting for its schedule', async () => {
  let woken: () => void = () => {}
  const ran = new Promise<void>((resolve) => (woken = resolve))
  let runs = 0
  const mail: Job = { name: 'mail', schedule: '0 0 1 1 *', run: async () => void (++runs > 1 && woken()) }
  const scheduler = startJobs([mail], () => {})
  // The first run happens at start; the second only because of the commit.
  mailCommitted()
  await ran
  await scheduler.stop()
  expect(runs).toBeGreaterThanOrEqual(2)
})

test('retention deletes unconfirmed accounts after the configured days, and ended sessions and links', async () => {
  const { db, dir } = testDatabase()
  const clock = fakeClock('2026-12-02T09:00:00Z')
  const context = commandContext(db, null, clock)
  await signUp(context, { email: 'late@example.org', name: 'Late', password: 'Kastanien-Allee-Herbst-4', locale: 'de' })
  const kept = db.$client.prepare('select id from users').get() as { id: string }
  db.$client.prepare('update users set confirmed_at = ? where id = ?').run(clock.now().toISOString(), kept.id)
  await signUp(context, { email: 'never@example.org', name: 'Never', password: 'Kastanien-Allee-Herbst-4', locale: 'de' })
  createSession(db, kept.id, 'x', clock)
  const env = readEnv({ DATABASE_PATH: `${dir}/x.db`, OUTBOX_DIR: `${dir}/outbox`, UNCONFIRMED_ACCOUNT_DAYS: '3' })
  const retention = jobs(env, db, clock).find((job) => job.name === 'retention')!
  clock.advance(3 * day - 1)
  // Both confirmation links (24 h) have ended; the unconfirmed account is not old enough.
  expect(await retention.run()).toEqual({ accounts: 0, tokens: 2, sessions: 0, conversations: 0, checks: 0 })
  clock.advance(2)
  expect(await retention.run()).toEqual({ accounts: 1, tokens: 0, sessions: 0, conversations: 0, checks: 0 })
  clock.advance(30 * day)
  expect(await retention.run()).toEqual({ accounts: 0, tokens: 0, sessions: 1, conversations: 0, checks: 0 })
  expect(db.$client.prepare('select email from users').all()).toEqual([{ email: 'late@example.org' }])
})
