import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { announcementRecipients, announcements, groupMembers } from '../schema'

export type Announcement = typeof announcements.$inferSelect

/**
 * What one reader sees: the translation into their locale when the sender added one
 * (`translated`), else the original (`original` when that is their locale, `untranslated`
 * when it is not, and the page or e-mail names its language).
 */
export type ReaderText = { subject: string; body: string; lang: string; state: 'original' | 'translated' | 'untranslated' }

export function readerText(announcement: Pick<Announcement, 'sourceLocale' | 'subject' | 'body'>, locale: string): ReaderText {
  const { sourceLocale, subject, body } = announcement
  if (locale !== sourceLocale && subject[locale] && body[locale]) return { subject: subject[locale], body: body[locale], lang: locale, state: 'translated' }
  return { subject: subject[sourceLocale] ?? '', body: body[sourceLocale] ?? '', lang: sourceLocale, state: locale === sourceLocale ? 'original' : 'untranslated' }
}

/** An active member (or lead) of the group. */
export function isActiveMember(db: Db, userId: string, groupId: string): boolean {
  return Boolean(
    db
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), eq(groupMembers.state, 'active')))
      .get(),
  )
}

const addressedTo = (groupId: string) => sql`exists (select 1 from json_each(${announcements.groups}) where json_each.value = ${groupId})`

/** The group's announcements, newest first. */
export function announcementsOfGroup(db: Db, groupId: string, limit = 50): Announcement[] {
  return db.select().from(announcements).where(addressedTo(groupId)).orderBy(desc(announcements.sentAt), desc(announcements.id)).limit(limit).all()
}

/** Announcements to a list of found volunteers (no group), newest first: the coordinators' page shows them. */
export function announcementsToLists(db: Db, limit = 10): Announcement[] {
  return db.select().from(announcements).where(sql`json_array_length(${announcements.groups}) = 0`).orderBy(desc(announcements.sentAt), desc(announcements.id)).limit(limit).all()
}

/** How many of its recipients have read each announcement. */
export function readCounts(db: Db, ids: number[]): Map<number, { read: number; total: number }> {
  if (ids.length === 0) return new Map()
  const rows = db
    .select({ id: announcementRecipients.announcementId, total: count(), read: count(announcementRecipients.readAt) })
    .from(announcementRecipients)
    .where(inArray(announcementRecipients.announcementId, ids))
    .groupBy(announcementRecipients.announcementId)
    .all()
  const byId = new Map(rows.map((row) => [row.id, { read: row.read, total: row.total }]))
  return new Map(ids.map((id) => [id, byId.get(id) ?? { read: 0, total: 0 }]))
}

/** A person's inbox: unread first, then newest first. */
export function inboxOf(db: Db, userId: string, limit = 50) {
  return db
    .select({ announcement: announcements, readAt: announcementRecipients.readAt })
    .from(announcementRecipients)
    .innerJoin(announcements, eq(announcements.id, announcementRecipients.announcementId))
    .where(eq(announcementRecipients.userId, userId))
    .orderBy(sql`${announcementRecipients.readAt} is not null`, desc(announcements.sentAt), desc(announcements.id))
    .limit(limit)
    .all()
}

/** How many announcements the person has not opened yet. */
export function unreadCount(db: Db, userId: string): number {
  return (
    db
      .select({ n: count() })
      .from(announcementRecipients)
      .where(and(eq(announcementRecipients.userId, userId), sql`${announcementRecipients.readAt} is null`))
      .get()?.n ?? 0
  )
}

/** Whether the person received the announcement. */
export function received(db: Db, userId: string, announcementId: number): boolean {
  return Boolean(
    db
      .select({ at: announcementRecipients.announcementId })
      .from(announcementRecipients)
      .where(and(eq(announcementRecipients.userId, userId), eq(announcementRecipients.announcementId, announcementId)))
      .get(),
  )
}

/** Everything a person received, for their account export. */
export function receivedBy(db: Db, userId: string) {
  return db
    .select({ id: announcements.id, groups: announcements.groups, sourceLocale: announcements.sourceLocale, subject: announcements.subject, body: announcements.body, sentAt: announcements.sentAt, readAt: announcementRecipients.readAt })
    .from(announcementRecipients)
    .innerJoin(announcements, eq(announcements.id, announcementRecipients.announcementId))
    .where(eq(announcementRecipients.userId, userId))
    .orderBy(announcements.sentAt)
    .all()
}

/** Announcements the person wrote, for their account export. */
export function sentBy(db: Db, userId: string) {
  return db
    .select({ id: announcements.id, groups: announcements.groups, sourceLocale: announcements.sourceLocale, subject: announcements.subject, body: announcements.body, sentAt: announcements.sentAt })
    .from(announcements)
    .where(eq(announcements.senderId, userId))
    .orderBy(announcements.sentAt)
    .all()
}
