import { Cron } from 'croner'
import { and, lt, isNotNull, or } from 'drizzle-orm'
import type { Env } from '../app/lib/env.server'
import type { Db } from '../db/client'
import { systemClock, type Clock } from '../db/clock'
import { deleteUnconfirmed } from '../db/commands/accounts'
import { announcementDigest } from '../db/commands/announcements'
import { expireChecks, remindLapsingChecks } from '../db/commands/checks'
import { deleteExpiredConversations } from '../db/commands/conversations'
import { moderationDigest } from '../db/commands/moderation'
import { remindExpiring } from '../db/commands/reminders'
import { passExpiredOffers, remindTomorrow, understaffedAlerts } from '../db/commands/sessions'
import { onMailCommitted } from '../db/mail'
import { accountTokens, sessions } from '../db/schema'
import { commandContext } from '../search/context'
import { deliverMail, type MailSettings } from './mail'

export type Job = { name: string; schedule: string; run: () => Promise<unknown> }

export function mailSettings(env: Env): MailSettings {
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: env.OUTBOX_DIR, publicUrl: env.PUBLIC_URL }
}

/** The background jobs, each safe to run at any time (`npm run jobs:once` runs them all). */
export function jobs(env: Env, db: Db, clock: Clock = systemClock): Job[] {
  return [
    { name: 'mail', schedule: '* * * * *', run: () => deliverMail(db, clock, mailSettings(env)) },
    {
      name: 'retention',
      schedule: '17 3 * * *',
      run: async () => {
        const now = clock.now().toISOString()
        const accounts = deleteUnconfirmed(commandContext(db, null, clock), env.UNCONFIRMED_ACCOUNT_DAYS)
        const tokens = db.delete(accountTokens).where(or(lt(accountTokens.expiresAt, now), and(isNotNull(accountTokens.usedAt), lt(accountTokens.usedAt, now)))).run().changes
        const ended = db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.endsAt, now))).run().changes
        const conversations = deleteExpiredConversations(commandContext(db, null, clock), env.MESSAGE_RETENTION_DAYS)
        const checks = expireChecks(commandContext(db, null, clock)).deleted
        return { accounts, tokens, sessions: ended, conversations, checks }
      },
    },
    // Coordinators hear each morning what waits in the queue (nothing when nothing does).
    { name: 'moderationDigest', schedule: '0 7 * * *', run: async () => moderationDigest(commandContext(db, null, clock)) },
    // Editors hear a week before a posting ends, and once after, with a link to renew it.
    { name: 'expiryReminders', schedule: '30 6 * * *', run: async () => remindExpiring(commandContext(db, null, clock)) },
    // A place offered from the waiting list and not taken in time passes to the next.
    { name: 'sessionOffers', schedule: '*/5 * * * *', run: async () => passExpiredOffers(commandContext(db, null, clock)) },
    // Volunteers hear the evening before a session they are confirmed for; leads when one 48 hours ahead is short of people.
    { name: 'sessionReminders', schedule: '0 17 * * *', run: async () => remindTomorrow(commandContext(db, null, clock)) },
    { name: 'understaffedAlerts', schedule: '10 * * * *', run: async () => understaffedAlerts(commandContext(db, null, clock)) },
    // Coordinators hear when checks before work with children lapse within eight weeks.
    { name: 'checkReminders', schedule: '15 7 * * *', run: async () => remindLapsingChecks(commandContext(db, null, clock)) },
    // Volunteers who chose a daily digest hear in the evening what arrived and is still unread.
    { name: 'announcementDigest', schedule: '0 18 * * *', run: async () => announcementDigest(commandContext(db, null, clock)) },
  ]
}

/**
 * The in-process scheduler: each job on its schedule, never two runs of one job at once;
 * the mail job also runs as soon as a commit queued mail, so a link arrives within seconds.
 */
export function startJobs(list: Job[], onError: (job: string, error: unknown) => void): { stop: () => Promise<void> } {
  const running = new Map<string, Promise<unknown>>()
  const again = new Set<string>()
  const trigger = (job: Job) => {
    if (running.has(job.name)) {
      again.add(job.name)
      return
    }
    const run = job
      .run()
      .catch((error) => onError(job.name, error))
      .finally(() => {
        running.delete(job.name)
        if (again.delete(job.name)) trigger(job)
      })
    running.set(job.name, run)
  }
  const crons = list.map((job) => new Cron(job.schedule, { timezone: 'Europe/Berlin', protect: true }, () => trigger(job)))
  const mail = list.find((job) => job.name === 'mail')
  const unsubscribe = mail ? onMailCommitted(() => trigger(mail)) : () => {}
  if (mail) trigger(mail)
  return {
    stop: async () => {
      unsubscribe()
      for (const cron of crons) cron.stop()
      await Promise.allSettled([...running.values()])
    },
  }
}
