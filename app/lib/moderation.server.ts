import type { ValidSession } from '../../db/accounts/sessions'
import { appeal, decide, decideMany } from '../../db/commands/moderation'
import { can } from '../../db/permissions'
import { auditEntries, decisionForMember, moderationQueue, queueCount, type QueueItem } from '../../db/queries/moderation'
import { moderationActions, type ModerationAction } from '../../db/schema'
import type { Locale } from '../i18n'
import { commands, guarded } from './auth.server'
import { getDb } from './db.server'
import { formatDateTime } from './format'
import { excerpt, pickText } from './text'

/** The number in a coordinator's navigation; null for everyone else (and no query for them). */
export function moderationBadge(session: ValidSession | null): number | null {
  if (!session || !can(session.user, 'moderation:view:any')) return null
  return queueCount(getDb(), session.user)
}

/** The buttons an item offers, in the order a coordinator reads them. */
function intentsOf(item: QueueItem): ModerationAction[] {
  if (item.subjectType === 'organisation') {
    return [
      ...(item.organisation.verified ? [] : (['verify', 'reject'] as const)),
      item.organisation.suspended ? ('unsuspend' as const) : ('suspend' as const),
      ...(item.reports.count > 0 || item.appeal ? (['dismiss'] as const) : []),
    ]
  }
  const state = item.posting?.moderation
  return [
    ...(state === 'pending' ? (['approve'] as const) : []),
    state === 'hidden' ? ('restore' as const) : ('hide' as const),
    ...(item.reports.count > 0 || item.appeal ? (['dismiss'] as const) : []),
  ]
}

/** The queue as the page shows it: texts in the reader's language, dates in Berlin time. */
export function queuePage(session: ValidSession, lng: Locale) {
  return moderationQueue(getDb(), session.user).map((item) => {
    const title = item.posting ? pickText(item.posting.title, lng, item.posting.sourceLocale) : null
    const body = item.posting && title ? pickText(item.posting.body, title.lang, item.posting.sourceLocale) : null
    return {
      key: `${item.subjectType}:${item.subjectId}`,
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      title: title ?? { text: item.organisation.name, lang: 'de', fallback: false },
      excerpt: body ? { ...body, text: excerpt(body.text, 300) } : null,
      organisation: { id: item.organisation.id, name: item.organisation.name, verified: item.organisation.verified, suspended: item.organisation.suspended },
      state: item.posting ? item.posting.moderation : item.organisation.suspended ? 'suspended' : 'listed',
      since: formatDateTime(item.since, lng),
      reports: item.reports,
      pending: item.pending,
      unverified: item.unverified,
      appeal: item.appeal ? { ...item.appeal, at: formatDateTime(item.appeal.at, lng) } : null,
      intents: intentsOf(item),
    }
  })
}

/** Every decision a coordinator can take, for the bulk form's buttons. */
export const intents = moderationActions

export const isIntent = (value: string | undefined): value is ModerationAction => (moderationActions as readonly string[]).includes(value ?? '')

/**
 * A decision from the queue's forms: one item's own form posts a single `item`, the bulk
 * form (`bulk`) every ticked `item` (read as a comma-joined list).
 */
export async function decideFromForm(session: ValidSession, values: Record<string, string>) {
  const context = commands(session)
  if (values.bulk) {
    const items = (values.item ?? '').split(',').filter(Boolean)
    return guarded(() => decideMany(context, { intent: values.intent, reason: values.reason, items }))
  }
  return guarded(() => decide(context, { intent: values.intent, reason: values.reason, item: values.item }))
}

export const auditPerPage = 50

/** One page of the audit log for the page, newest first. */
export function auditPage(session: ValidSession, lng: Locale, filters: { subject?: string; person?: string }, page: number) {
  const { rows, total } = auditEntries(getDb(), session.user, filters, { offset: (page - 1) * auditPerPage, limit: auditPerPage })
  return {
    total,
    pages: Math.max(1, Math.ceil(total / auditPerPage)),
    rows: rows.map((row) => ({ ...row, at: formatDateTime(row.at, lng) })),
  }
}

/** A decision for the members of its organisation; 403 for everyone else, whatever the id. */
export async function decisionPage(session: ValidSession, id: string, lng: Locale) {
  const decision = await guarded(() => decisionForMember(getDb(), session.user, id))
  return {
    id: decision.id,
    subjectType: decision.subjectType,
    subjectId: decision.subjectId,
    action: decision.action,
    reason: decision.reason,
    decidedAt: formatDateTime(decision.decidedAt, lng),
    organisation: decision.organisation,
    title: decision.posting ? pickText(decision.posting.title, lng, decision.posting.sourceLocale) : null,
    appeal: decision.appeal,
    appealedAt: decision.appealedAt ? formatDateTime(decision.appealedAt, lng) : null,
    appealResolved: decision.appealResolvedAt !== null,
  }
}

export async function appealFromForm(session: ValidSession, id: string, values: Record<string, string>) {
  return guarded(() => appeal(commands(session), id, { appeal: values.appeal }))
}
