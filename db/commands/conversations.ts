import { and, eq, lt } from 'drizzle-orm'
import { z } from 'zod'
import { isLocale, locales } from '../../locales'
import { hashToken, newId, newToken } from '../accounts/secrets'
import type { Db } from '../client'
import { day } from '../clock'
import { controlCharacter, controlsToSpaces } from '../control-characters'
import { todayInBerlin } from '../dates'
import { assertCan } from '../permissions'
import { tokenPattern } from '../queries/conversations'
import { conversations, messages, organisationMembers, organisations, postings, users, type Contact } from '../schema'
import { onlyVisible } from '../visibility'
import { commit, failure, fieldErrors, type Context, type Effects, type Outcome } from './run'

export const messageMaxLength = 5000
/** As the import format's organisation phone: digits, spaces, + ( ) / - . */
export const phonePattern = /^\+?[0-9 ()/.-]{3,40}$/
/** A field people never see: a bot that fills it is told "sent" and nothing is stored. */
export const honeypot = 'website'

const filled = (value: unknown) => typeof value === 'string' && value.trim() !== ''
const controlCharacters = new RegExp(controlCharacter.source, 'g')

/** A message keeps its line breaks; other control characters are removed, not refused. */
const message = z
  .string({ error: 'conversations:errors.messageRequired' })
  .transform((text) => text.replace(/\r\n?/g, '\n').replace(controlCharacters, '').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'conversations:errors.messageRequired' })
      .max(messageMaxLength, { error: 'conversations:errors.messageTooLong' }),
  )

const conversationId = z.string().min(1).max(100)

export const respondInput = z
  .object({
    posting: z.string().min(1).max(200),
    name: z
      .string({ error: 'conversations:errors.nameRequired' })
      .transform(controlsToSpaces)
      .pipe(z.string().trim().min(1, { error: 'conversations:errors.nameRequired' }).max(100, { error: 'conversations:errors.nameTooLong' })),
    email: z
      .string()
      .optional()
      .transform((value) => value?.trim().toLowerCase() || undefined)
      .pipe(z.email({ error: 'conversations:errors.emailInvalid' }).max(254, { error: 'conversations:errors.emailInvalid' }).optional()),
    phone: z
      .string()
      .optional()
      .transform((value) => value?.trim() || undefined)
      .pipe(z.string().regex(phonePattern, { error: 'conversations:errors.phoneInvalid' }).optional()),
    message,
    consent: z.string({ error: 'conversations:errors.consentRequired' }).refine((value) => ['yes', 'on', 'true'].includes(value), { error: 'conversations:errors.consentRequired' }),
    locale: z.enum(locales).catch('de'),
  })
  // Also when other fields are wrong, so that every error shows at once.
  .refine((value) => filled(value?.email) || filled(value?.phone), { path: ['email'], error: 'conversations:errors.contactRequired', when: () => true })

const replyInput = z.object({ conversation: conversationId, message })
const visitorReplyInput = z.object({ message })
const conversationInput = z.object({ conversation: conversationId })

/** A posting's title in the reader's language, else its source language, else any. */
function titleIn(title: Record<string, string>, locale: string, source: string): string {
  return title[locale] ?? title[source] ?? title.de ?? Object.values(title)[0] ?? ''
}

const linkLocale = (locale: string) => (isLocale(locale) ? locale : 'de')

type Thread = {
  id: string
  postingTitle: Record<string, string>
  postingSourceLocale: string
  organisationId: string
  organisationName: string
  contact: Contact
}

/**
 * Tells the organisation about a visitor's message: every owner and editor, each in their
 * own language, with a link to the conversation. The visitor's address is never in it
 * (the organisation reads it on the page). Without members, the organisation's public
 * e-mail address hears of it, in German.
 */
function notifyOrganisation(tx: Db, effects: Effects, thread: Thread, template: 'conversationNew' | 'conversationVisitorReply', values: { visitor: string; message: string; except?: string }) {
  const members = tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, thread.organisationId))
    .orderBy(users.id)
    .all()
  if (members.length === 0) {
    if (thread.contact.email) {
      effects.mail({
        to: thread.contact.email,
        locale: 'de',
        template: 'conversationContact',
        params: { name: thread.organisationName, organisation: thread.organisationName, posting: titleIn(thread.postingTitle, 'de', thread.postingSourceLocale), message: values.message, path: `/de/manage/conversations/${thread.id}` },
      })
    }
    return
  }
  for (const member of members) {
    if (member.id === values.except) continue
    const locale = linkLocale(member.locale)
    effects.mail({
      to: member.email,
      userId: member.id,
      locale,
      template,
      params: {
        name: member.name,
        organisation: thread.organisationName,
        posting: titleIn(thread.postingTitle, locale, thread.postingSourceLocale),
        visitor: values.visitor,
        message: values.message,
        path: `/${locale}/manage/conversations/${thread.id}`,
      },
    })
  }
}

/** A conversation with what its e-mails need, read inside the writing transaction. */
function threadWhere(tx: Db, condition: ReturnType<typeof eq>) {
  return tx
    .select({
      id: conversations.id,
      postingId: conversations.postingId,
      postingTitle: postings.title,
      postingSourceLocale: postings.sourceLocale,
      organisationId: conversations.organisationId,
      organisationName: organisations.name,
      contact: organisations.contact,
      visitorName: conversations.visitorName,
      visitorEmail: conversations.visitorEmail,
      visitorLocale: conversations.visitorLocale,
      visitorUserId: conversations.visitorUserId,
      closed: conversations.closed,
    })
    .from(conversations)
    .innerJoin(postings, eq(postings.id, conversations.postingId))
    .innerJoin(organisations, eq(organisations.id, conversations.organisationId))
    .where(condition)
    .get()
}

const byToken = (token: string) => eq(conversations.tokenHash, hashToken(token))

/** The organisation a conversation belongs to, for the permission check before anything else. */
function organisationOf(db: Db, id: unknown): string | null {
  if (typeof id !== 'string' || id.length > 100) return null
  return db.select({ organisationId: conversations.organisationId }).from(conversations).where(eq(conversations.id, id)).get()?.organisationId ?? null
}

/** The organisation side may act on a conversation: an owner or editor of its organisation. */
function assertOrganisationSide(context: Context, input: unknown): string | null {
  const organisationId = organisationOf(context.db, (input as { conversation?: unknown } | null)?.conversation)
  if (organisationId) assertCan(context.actor, 'conversation:read:own-organisation', { organisationId })
  return organisationId
}

export type Started = { conversation: string | null; token: string; emailed: boolean }

/**
 * Anyone answers a visible posting: a visitor without an account, or a signed-in volunteer
 * (then linked to their account). Starts a conversation with the first message; the
 * visitor gets their secret link by e-mail if they gave an address, the organisation a
 * notice. The audit says a conversation started on which posting, and nothing about whom.
 */
export function respond(context: Context, input: unknown): Outcome<Started> {
  if (filled((input as Record<string, unknown> | null)?.[honeypot])) {
    // What a person would see, with a link that leads nowhere.
    return { ok: true, value: { conversation: null, token: newToken(), emailed: filled((input as Record<string, unknown>).email) } }
  }
  const invalid = fieldErrors(respondInput, input)
  if (invalid) return invalid
  const data = respondInput.parse(input)
  return commit(context, (tx, effects) => {
    const posting = onlyVisible(
      tx
        .select({
          id: postings.id,
          postingTitle: postings.title,
          postingSourceLocale: postings.sourceLocale,
          organisationId: organisations.id,
          organisationName: organisations.name,
          contact: organisations.contact,
        })
        .from(postings)
        .$dynamic(),
      todayInBerlin(context.clock.now()),
      eq(postings.id, data.posting),
    ).get()
    if (!posting) return failure('form', 'conversations:errors.postingUnavailable')
    const id = newId()
    const token = newToken()
    const now = context.clock.now().toISOString()
    tx.insert(conversations)
      .values({
        id,
        tokenHash: hashToken(token),
        postingId: posting.id,
        organisationId: posting.organisationId,
        visitorName: data.name,
        visitorEmail: data.email ?? null,
        visitorPhone: data.phone ?? null,
        visitorLocale: data.locale,
        visitorUserId: context.actor?.id ?? null,
        createdAt: now,
        lastMessageAt: now,
      })
      .run()
    tx.insert(messages).values({ conversationId: id, author: 'visitor', body: data.message, at: now }).run()
    if (data.email) {
      effects.mail({
        to: data.email,
        locale: data.locale,
        template: 'conversationStarted',
        params: { name: data.name, organisation: posting.organisationName, posting: titleIn(posting.postingTitle, data.locale, posting.postingSourceLocale), path: `/${data.locale}/conversations/${token}` },
      })
    }
    notifyOrganisation(tx, effects, { ...posting, id }, 'conversationNew', { visitor: data.name, message: data.message, except: context.actor?.id })
    effects.audit({ action: 'conversation.start', subjectType: 'posting', subjectId: posting.id })
    return { ok: true, value: { conversation: id, token, emailed: Boolean(data.email) } }
  })
}

/**
 * An owner or editor answers. The visitor hears of it in their language, with the text and
 * the organisation's name; never the member's name or address. Their link is not in it:
 * only its hash is stored, and the first e-mail carries it.
 */
export function reply(context: Context, input: unknown): Outcome<null> {
  if (!assertOrganisationSide(context, input)) return failure('form', 'conversations:errors.notFound')
  const invalid = fieldErrors(replyInput, input)
  if (invalid) return invalid
  const data = replyInput.parse(input)
  return commit(context, (tx, effects) => {
    const thread = threadWhere(tx, eq(conversations.id, data.conversation))
    if (!thread) return failure('form', 'conversations:errors.notFound')
    if (thread.closed) return failure('form', 'conversations:errors.closed')
    const now = context.clock.now().toISOString()
    tx.insert(messages).values({ conversationId: thread.id, author: 'organisation', authorUserId: context.actor?.id ?? null, body: data.message, at: now }).run()
    tx.update(conversations).set({ lastMessageAt: now, unreadByVisitor: true, unreadByOrganisation: false }).where(eq(conversations.id, thread.id)).run()
    if (thread.visitorEmail) {
      const locale = linkLocale(thread.visitorLocale)
      effects.mail({
        to: thread.visitorEmail,
        userId: thread.visitorUserId,
        locale,
        template: 'conversationReply',
        params: { name: thread.visitorName, organisation: thread.organisationName, posting: titleIn(thread.postingTitle, locale, thread.postingSourceLocale), message: data.message },
      })
    }
    effects.audit({ action: 'conversation.reply', subjectType: 'conversation', subjectId: thread.id })
    return { ok: true, value: null }
  })
}

/** The visitor answers through their link; the organisation's members hear of it. */
export function replyAsVisitor(context: Context, token: string, input: unknown): Outcome<null> {
  if (!tokenPattern.test(token)) return failure('form', 'conversations:errors.notFound')
  const invalid = fieldErrors(visitorReplyInput, input)
  if (invalid) return invalid
  const data = visitorReplyInput.parse(input)
  return commit(context, (tx, effects) => {
    const thread = threadWhere(tx, byToken(token))
    if (!thread) return failure('form', 'conversations:errors.notFound')
    if (thread.closed) return failure('form', 'conversations:errors.closed')
    const now = context.clock.now().toISOString()
    tx.insert(messages).values({ conversationId: thread.id, author: 'visitor', body: data.message, at: now }).run()
    tx.update(conversations).set({ lastMessageAt: now, unreadByOrganisation: true, unreadByVisitor: false }).where(eq(conversations.id, thread.id)).run()
    notifyOrganisation(tx, effects, thread, 'conversationVisitorReply', { visitor: thread.visitorName, message: data.message })
    effects.audit({ action: 'conversation.visitorReply', subjectType: 'conversation', subjectId: thread.id })
    return { ok: true, value: null }
  })
}

/** The organisation ends the conversation: nobody writes in it any more; it is deleted with time. */
export function close(context: Context, input: unknown): Outcome<null> {
  if (!assertOrganisationSide(context, input)) return failure('form', 'conversations:errors.notFound')
  const data = conversationInput.parse(input)
  return commit(context, (tx, effects) => {
    tx.update(conversations).set({ closed: true }).where(eq(conversations.id, data.conversation)).run()
    effects.audit({ action: 'conversation.close', subjectType: 'conversation', subjectId: data.conversation })
    return { ok: true, value: null }
  })
}

/** Seen by the organisation. */
export function markRead(context: Context, input: unknown): Outcome<null> {
  if (!assertOrganisationSide(context, input)) return failure('form', 'conversations:errors.notFound')
  const data = conversationInput.parse(input)
  return commit(context, (tx) => {
    tx.update(conversations).set({ unreadByOrganisation: false }).where(and(eq(conversations.id, data.conversation), eq(conversations.unreadByOrganisation, true))).run()
    return { ok: true, value: null }
  })
}

/** Seen by the visitor. */
export function markReadByVisitor(context: Context, token: string): Outcome<null> {
  if (!tokenPattern.test(token)) return failure('form', 'conversations:errors.notFound')
  return commit(context, (tx) => {
    tx.update(conversations).set({ unreadByVisitor: false }).where(and(byToken(token), eq(conversations.unreadByVisitor, true))).run()
    return { ok: true, value: null }
  })
}

/**
 * The visitor deletes the conversation, at once and entirely: every message of both
 * sides. The audit keeps only that a conversation on this posting was deleted, by nobody named.
 */
export function deleteByVisitor(context: Context, token: string): Outcome<null> {
  if (!tokenPattern.test(token)) return failure('form', 'conversations:errors.notFound')
  return commit(context, (tx, effects) => {
    const thread = tx.select({ id: conversations.id, postingId: conversations.postingId }).from(conversations).where(byToken(token)).get()
    if (!thread) return failure('form', 'conversations:errors.notFound')
    tx.delete(messages).where(eq(messages.conversationId, thread.id)).run()
    tx.delete(conversations).where(eq(conversations.id, thread.id)).run()
    effects.audit({ action: 'conversation.delete', subjectType: 'posting', subjectId: thread.postingId, withoutActor: true })
    return { ok: true, value: null }
  })
}

/** Retention: conversations whose last message is older than `days` go, with their messages. */
export function deleteExpiredConversations(context: Context, days: number): number {
  const before = new Date(context.clock.now().getTime() - days * day).toISOString()
  return commit(context, (tx, effects) => {
    const stale = tx.select({ id: conversations.id }).from(conversations).where(lt(conversations.lastMessageAt, before)).all()
    for (const { id } of stale) {
      tx.delete(messages).where(eq(messages.conversationId, id)).run()
      tx.delete(conversations).where(eq(conversations.id, id)).run()
    }
    if (stale.length > 0) effects.audit({ action: 'conversation.retention', subjectType: 'conversation', subjectId: null, reason: String(stale.length) })
    return stale.length
  })
}

export type SeededConversation = {
  id: string
  token: string
  posting: string
  visitor: { name: string; email?: string; phone?: string; locale: string }
  messages: Array<{ author: 'visitor' | 'organisation'; body: string; minutesAgo: number }>
}

/**
 * The demo seed's conversations, with fixed ids and links so that the authorisation
 * matrix can name them. Through the one door like every write, but without e-mail:
 * nobody wrote them.
 */
export function seedConversation(context: Context, seed: SeededConversation): void {
  commit(context, (tx, effects) => {
    const posting = tx.select({ organisationId: postings.organisationId }).from(postings).where(eq(postings.id, seed.posting)).get()
    if (!posting) throw new Error(`demo conversation ${seed.id}: no posting ${seed.posting}`)
    const at = (minutesAgo: number) => new Date(context.clock.now().getTime() - minutesAgo * 60_000).toISOString()
    const times = seed.messages.map((m) => at(m.minutesAgo))
    tx.insert(conversations)
      .values({
        id: seed.id,
        tokenHash: hashToken(seed.token),
        postingId: seed.posting,
        organisationId: posting.organisationId,
        visitorName: seed.visitor.name,
        visitorEmail: seed.visitor.email ?? null,
        visitorPhone: seed.visitor.phone ?? null,
        visitorLocale: seed.visitor.locale,
        createdAt: times[0],
        lastMessageAt: times[times.length - 1],
        unreadByOrganisation: seed.messages[seed.messages.length - 1].author === 'visitor',
      })
      .run()
    seed.messages.forEach((m, i) => tx.insert(messages).values({ conversationId: seed.id, author: m.author, body: m.body, at: times[i] }).run())
    effects.audit({ action: 'conversation.start', subjectType: 'posting', subjectId: seed.posting })
  })
}
