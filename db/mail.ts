import { EventEmitter } from 'node:events'
import type { Db } from './client'
import type { Clock } from './clock'
import { mailOutbox } from './schema'

/** The e-mails the product sends; each has a text in every locale (`locales/*\/mail.json`). */
export const mailTemplates = [
  'confirm',
  'signupExisting',
  'reset',
  'passwordChanged',
  'emailChange',
  'emailChangeNotice',
  'invitation',
  'postingExpiresSoon',
  'postingExpired',
  'translationSubmitted',
  // A coordinator's decision, to the members of the organisation (`decision.<action>` in mail.json).
  'decision.verify',
  'decision.reject',
  'decision.hide',
  'decision.restore',
  'decision.approve',
  'decision.suspend',
  'decision.unsuspend',
  'decision.dismiss',
  'moderationDigest',
  'conversationStarted',
  'conversationNew',
  'conversationContact',
  'conversationReply',
  'conversationVisitorReply',
  // Group leads and coordinators (`lead.<name>` in mail.json): sessions, join requests, transitions.
  'lead.sessionCancelled',
  'lead.sessionDropped',
  'lead.sessionTimeChanged',
  'lead.joinApproved',
  'lead.joinDeclined',
  'lead.groupClosed',
  'lead.moveReminder',
  // An announcement in the recipient's locale: as written, translated by the sender, or the original with its language named.
  'announcement',
  'announcementTranslated',
  'announcementOriginal',
  'announcementDigest',
  // Volunteers' sessions and joining (`sessions.<name>` in mail.json).
  'sessions.joinRequest',
  'sessions.offer',
  'sessions.reminder',
  'sessions.understaffed',
  // Coordinators: checks before work with children that lapse soon.
  'checks.lapsing',
] as const
export type MailTemplate = (typeof mailTemplates)[number]

export type Mail = {
  to: string
  userId?: string | null
  locale: string
  template: MailTemplate
  /** Values for the template; `path` becomes a link under PUBLIC_URL. */
  params: Record<string, string>
}

// One emitter per process, shared by every copy of this module: the site's bundle queues
// mail, the server's relay (loaded outside the bundle) listens.
const key = Symbol.for('treffpunkt.mailQueued')
const registry = globalThis as typeof globalThis & { [key]?: EventEmitter }
const queued = (registry[key] ??= new EventEmitter())

/** Queues e-mails in the caller's transaction: they leave only if the change commits. */
export function queueMail(tx: Db, clock: Clock, mails: Mail[]): void {
  const now = clock.now().toISOString()
  for (const mail of mails) {
    tx.insert(mailOutbox)
      .values({ createdAt: now, nextAttemptAt: now, to: mail.to, userId: mail.userId ?? null, locale: mail.locale, template: mail.template, params: mail.params })
      .run()
  }
}

/** Called after a commit that queued mail: wakes the relay so the mail leaves within seconds. */
export function mailCommitted(): void {
  queued.emit('mail')
}

export function onMailCommitted(listener: () => void): () => void {
  queued.on('mail', listener)
  return () => queued.off('mail', listener)
}
