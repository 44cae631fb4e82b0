import type { AppLoadContext } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import type { ValidSession } from '../../db/accounts/sessions'
import { close, deleteByVisitor, markRead, markReadByVisitor, reply, replyAsVisitor, respond } from '../../db/commands/conversations'
import { conversationForOrganisation, conversationForVisitor, inboxOf } from '../../db/queries/conversations'
import { organisationsOf } from '../../db/queries/members'
import { getVisiblePosting } from '../../db/queries/postings'
import type { Actor } from '../../db/permissions'
import type { Locale } from '../i18n'
import { commands, guarded } from './auth.server'
import { getDb } from './db.server'
import { env } from './env.server'
import { formatDateTime, languageName } from './format'
import { accepted, readForm, rejected } from './forms.server'
import { blockedFor, spend } from './rate-limit.server'
import { notFound } from './site.server'
import { pickText } from './text'

/** Conversation pages are reached by a secret or are personal: no cache keeps them, no search engine lists them. */
export function privateHeaders({ actionHeaders }: { actionHeaders: Headers }): HeadersInit {
  const retryAfter = actionHeaders.get('Retry-After')
  return { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) }
}

export const retentionDays = () => env().MESSAGE_RETENTION_DAYS

/** The posting a visitor answers: only a visible one; anything else is a 404. */
export function respondTarget(id: string, today: string, lng: Locale) {
  const posting = getVisiblePosting(getDb(), id, today)
  if (!posting) notFound()
  return { id: posting.id, title: pickText(posting.title, lng, posting.sourceLocale)!, organisation: posting.organisationName }
}

/**
 * An answer to a posting. Only answers that were sent count against the limits (per
 * client address, and per posting from anywhere), so a form sent back with errors never
 * locks anyone out. The confirmation carries the secret link: the page is never cached.
 */
export async function respondAction(request: Request, context: AppLoadContext, session: ValidSession | null, id: string, lng: Locale, today: string) {
  const values = await readForm(request)
  respondTarget(id, today, lng)
  const address = context.clientAddress ?? 'unknown'
  const wait = Math.max(await blockedFor('respondPerAddress', address), await blockedFor('respondPerPosting', id))
  if (wait > 0) return rejected({ form: 'conversations:errors.tooMany' }, values, 429, { 'Retry-After': String(wait) })
  // The posting and the reader's language come from the URL, never from the form.
  const outcome = respond(commands(session), { ...values, posting: id, locale: lng })
  if (!outcome.ok) return rejected(outcome.errors, values)
  await spend('respondPerAddress', address)
  await spend('respondPerPosting', id)
  return accepted('conversations:respond.sent', { contact: outcome.value.emailed ? 'email' : 'phone', link: `/${lng}/conversations/${outcome.value.token}` })
}

const messagesFor = <M extends { at: string }>(messages: M[], lng: Locale) => messages.map((m) => ({ ...m, when: formatDateTime(m.at, lng) }))

/** Where a visitor lands after deleting: a path no link's secret can take (those are 32 characters). */
export const deletedPath = 'deleted'

/** The visitor's side by the secret of their link, ready to show and marked seen; null when there is none. */
export function visitorThread(token: string, lng: Locale) {
  const thread = conversationForVisitor(getDb(), token)
  if (!thread) return null
  // The visitor acts by the link, never as a signed-in person.
  if (thread.unread) markReadByVisitor(commands(null), token)
  return {
    id: thread.id,
    organisation: thread.organisationName,
    posting: { id: thread.postingId, title: pickText(thread.postingTitle, lng, thread.postingSourceLocale)! },
    closed: thread.closed,
    unread: thread.unread,
    messages: messagesFor(thread.messages, lng),
  }
}

/** One conversation for its organisation (403 for anyone else, through `guarded`); null when there is none. */
export function organisationThread(actor: Actor, id: string, lng: Locale) {
  const thread = conversationForOrganisation(getDb(), actor, id)
  if (!thread) return null
  return {
    id: thread.id,
    organisation: thread.organisationName,
    posting: { id: thread.postingId, title: pickText(thread.postingTitle, lng, thread.postingSourceLocale)! },
    visitor: { name: thread.visitorName, email: thread.visitorEmail, phone: thread.visitorPhone, language: languageName(thread.visitorLocale, lng) },
    closed: thread.closed,
    unread: thread.unread,
    messages: messagesFor(thread.messages, lng),
  }
}

/** A person's inbox, grouped by posting; the group with the most pressing conversation first. */
export function inboxPage(actor: Actor, lng: Locale) {
  const db = getDb()
  if (organisationsOf(db, actor.id).length === 0) return null
  const groups = new Map<string, { posting: { id: string; title: ReturnType<typeof pickText> }; organisation: string; conversations: Array<{ id: string; visitor: string; unread: boolean; closed: boolean; when: string }> }>()
  for (const row of inboxOf(db, actor)) {
    const group = groups.get(row.postingId) ?? {
      posting: { id: row.postingId, title: pickText(row.postingTitle, lng, row.postingSourceLocale) },
      organisation: row.organisationName,
      conversations: [],
    }
    group.conversations.push({ id: row.id, visitor: row.visitorName, unread: row.unread, closed: row.closed, when: formatDateTime(row.lastMessageAt, lng) })
    groups.set(row.postingId, group)
  }
  return [...groups.values()]
}

/** The visitor writes (`reply`, the default) or deletes everything (`delete`) through their link. */
export async function visitorAction(request: Request, token: string, lng: Locale) {
  const values = await readForm(request)
  if (!conversationForVisitor(getDb(), token)) notFound()
  if (values.intent === 'delete') {
    if (!deleteByVisitor(commands(null), token).ok) notFound()
    // A page of its own: the conversation's page is a 404 now.
    return redirect(`/${lng}/conversations/${deletedPath}`)
  }
  const outcome = replyAsVisitor(commands(null), token, values)
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted('conversations:thread.sent')
}

/** Seen by the organisation: the person opening it is an owner or editor (checked by the command). */
export function markSeen(session: ValidSession, id: string) {
  markRead(commands(session), { conversation: id })
}

/** The organisation answers (`reply`) or ends the conversation (`close`). */
export async function organisationAction(request: Request, session: ValidSession, id: string) {
  const values = await readForm(request)
  // Who may act is settled before the form is looked at: a stranger's empty form is a 403, not a 400.
  if (!(await guarded(() => conversationForOrganisation(getDb(), session.user, id)))) notFound()
  // The conversation comes from the URL, never from the form.
  const input = { ...values, conversation: id }
  const context = commands(session)
  const outcome = await guarded(() => {
    switch (values.intent) {
      case 'reply':
        return reply(context, input)
      case 'close':
        return close(context, input)
      default:
        return { ok: false as const, errors: { form: 'account:errors.invalid' } }
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted(values.intent === 'close' ? 'conversations:manage.closedDone' : 'conversations:manage.sent')
}
