import type { AppLoadContext } from '@remix-run/node'
import { report } from '../../db/commands/moderation'
import { todayInBerlin } from '../../db/dates'
import { getVisibleOrganisation } from '../../db/queries/organisations'
import { getVisiblePosting } from '../../db/queries/postings'
import { reportReasons, type ModerationSubject } from '../../db/schema'
import type { Locale } from '../i18n'
import { tooMany } from './account.server'
import { commands } from './auth.server'
import { getDb } from './db.server'
import { accepted, readForm, rejected } from './forms.server'
import { blockedFor, spend } from './rate-limit.server'
import { notFound } from './site.server'
import { pickText } from './text'

/** The field a person never sees and a bot fills in: such a report is thanked for and dropped. */
export const honeypot = 'homepage'

/** What the report page names (the visible posting's title or the organisation's name; else 404) and the reasons it offers. */
export function reportSubject(subjectType: ModerationSubject, id: string, lng: Locale) {
  const db = getDb()
  const today = todayInBerlin()
  if (subjectType === 'posting') {
    const posting = getVisiblePosting(db, id, today)
    if (!posting) notFound()
    return { name: pickText(posting.title, lng, posting.sourceLocale)?.text ?? id, back: `/${lng}/postings/${id}`, reasons: reportReasons }
  }
  const org = getVisibleOrganisation(db, id)
  if (!org) notFound()
  return { name: org.name, back: `/${lng}/organisations/${id}`, reasons: reportReasons }
}

/**
 * A report from anyone: no account, no cookie, nothing about the person stored. Only
 * accepted reports count against the client address's limit, so a mistyped form never
 * locks anyone out.
 */
export async function reportAction(request: Request, context: AppLoadContext, subjectType: ModerationSubject, id: string, lng: Locale) {
  reportSubject(subjectType, id, lng)
  const values = await readForm(request)
  const address = context.clientAddress ?? 'unknown'
  const wait = await blockedFor('reportPerAddress', address)
  if (wait > 0) return tooMany(values, wait)
  if (values[honeypot]) return accepted('moderation:report.done')
  const outcome = report(commands(null), { subjectType, subjectId: id, reason: values.reason, note: values.note })
  if (!outcome.ok) {
    if (outcome.errors.subject) notFound()
    return rejected(outcome.errors, values)
  }
  await spend('reportPerAddress', address)
  return accepted('moderation:report.done')
}
