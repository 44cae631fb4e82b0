import { and, asc, desc, eq } from 'drizzle-orm'
import { hashToken } from '../accounts/secrets'
import type { Db } from '../client'
import { can, Forbidden, type Actor } from '../permissions'
import { conversations, messages, organisationMembers, organisations, postings, users } from '../schema'

/** What a visitor's secret link looks like (db/accounts/secrets.ts `newToken`); anything else is unknown. */
export const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/

/**
 * A person's inbox: the conversations of the organisations they own or edit, unread first,
 * then the newest. Coordinators and administrators see none but their own organisations':
 * what a visitor writes to an organisation is between the two.
 */
export function inboxOf(db: Db, actor: Actor) {
  return db
    .select({
      id: conversations.id,
      postingId: conversations.postingId,
      postingTitle: postings.title,
      postingSourceLocale: postings.sourceLocale,
      organisationName: organisations.name,
      visitorName: conversations.visitorName,
      unread: conversations.unreadByOrganisation,
      closed: conversations.closed,
      lastMessageAt: conversations.lastMessageAt,
    })
    .from(conversations)
    .innerJoin(organisationMembers, and(eq(organisationMembers.organisationId, conversations.organisationId), eq(organisationMembers.userId, actor.id)))
    .innerJoin(postings, eq(postings.id, conversations.postingId))
    .innerJoin(organisations, eq(organisations.id, conversations.organisationId))
    .orderBy(desc(conversations.unreadByOrganisation), desc(conversations.lastMessageAt), asc(conversations.id))
    .all()
}

/**
 * One conversation as its organisation sees it: the visitor's name and how to reach them,
 * and which member wrote each answer. Null when there is no such conversation; Forbidden
 * for anyone who is not an owner or editor of its organisation.
 */
export function conversationForOrganisation(db: Db, actor: Actor | null, id: string) {
  const row = db
    .select({
      id: conversations.id,
      organisationId: conversations.organisationId,
      organisationName: organisations.name,
      postingId: conversations.postingId,
      postingTitle: postings.title,
      postingSourceLocale: postings.sourceLocale,
      visitorName: conversations.visitorName,
      visitorEmail: conversations.visitorEmail,
      visitorPhone: conversations.visitorPhone,
      visitorLocale: conversations.visitorLocale,
      closed: conversations.closed,
      unread: conversations.unreadByOrganisation,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .innerJoin(postings, eq(postings.id, conversations.postingId))
    .innerJoin(organisations, eq(organisations.id, conversations.organisationId))
    .where(eq(conversations.id, id))
    .get()
  if (!row) return null
  if (!can(actor, 'conversation:read:own-organisation', { organisationId: row.organisationId })) throw new Forbidden('conversation:read:own-organisation')
  const thread = db
    .select({ id: messages.id, author: messages.author, authorName: users.name, body: messages.body, at: messages.at })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(eq(messages.conversationId, id))
    .orderBy(asc(messages.at), asc(messages.id))
    .all()
  return { ...row, messages: thread }
}

/**
 * The visitor's side, found by the secret of their link: the organisation speaks as the
 * organisation, so no member's name or address is selected here at all.
 */
export function conversationForVisitor(db: Db, token: string) {
  if (!tokenPattern.test(token)) return null
  const row = db
    .select({
      id: conversations.id,
      organisationName: organisations.name,
      postingId: conversations.postingId,
      postingTitle: postings.title,
      postingSourceLocale: postings.sourceLocale,
      visitorName: conversations.visitorName,
      closed: conversations.closed,
      unread: conversations.unreadByVisitor,
    })
    .from(conversations)
    .innerJoin(postings, eq(postings.id, conversations.postingId))
    .innerJoin(organisations, eq(organisations.id, conversations.organisationId))
    .where(eq(conversations.tokenHash, hashToken(token)))
    .get()
  if (!row) return null
  const thread = db
    .select({ id: messages.id, author: messages.author, body: messages.body, at: messages.at })
    .from(messages)
    .where(eq(messages.conversationId, row.id))
    .orderBy(asc(messages.at), asc(messages.id))
    .all()
  return { ...row, messages: thread }
}
