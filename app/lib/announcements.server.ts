import { inArray } from 'drizzle-orm'
import { mayEdit } from '../../db/commands/announcements'
import type { Db } from '../../db/client'
import type { Actor } from '../../db/permissions'
import { inboxOf, readCounts, readerText, type Announcement } from '../../db/queries/announcements'
import { workingGroups } from '../../db/schema'
import { localeNames, locales, type Locale } from '../i18n'
import { formatDateTime, formatNumber, languageName } from './format'
import { pickText } from './text'

/** Group names in the reader's language, for "to: …" lines and the coordinators' checkboxes. */
export function groupNames(db: Db, ids: string[], lng: Locale): Map<string, string> {
  if (ids.length === 0) return new Map()
  const rows = db.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).where(inArray(workingGroups.id, ids)).all()
  return new Map(rows.map((row) => [row.id, pickText(row.name, lng, 'de')?.text ?? row.id]))
}

/**
 * An announcement as one reader sees it, in the page's locale: the translation when one
 * exists, else the original, and which of the two it is. Senders also get the read
 * count and the texts per locale for adding translations (`manager`: who may; null to read only).
 */
export function announcementView(db: Db, announcement: Announcement, lng: Locale, manager: Actor | null, counts?: Map<number, { read: number; total: number }>) {
  const text = readerText(announcement, lng)
  const names = groupNames(db, announcement.groups, lng)
  const editable = mayEdit(manager, announcement)
  const count = counts?.get(announcement.id)
  return {
    id: announcement.id,
    subject: text.subject,
    body: text.body,
    lang: text.lang,
    state: text.state,
    language: languageName(announcement.sourceLocale, lng),
    sentAt: formatDateTime(announcement.sentAt, lng),
    groups: announcement.groups.map((id) => names.get(id) ?? id),
    reads: editable && count ? { read: formatNumber(count.read, lng), total: formatNumber(count.total, lng) } : null,
    translations: editable
      ? {
          source: announcement.sourceLocale,
          locales: locales.filter((l) => l !== announcement.sourceLocale).map((l) => ({ locale: l, name: localeNames[l], subject: announcement.subject[l] ?? '', body: announcement.body[l] ?? '' })),
        }
      : null,
  }
}
export type AnnouncementView = ReturnType<typeof announcementView>

/** Views of several announcements with their read counts. */
export function announcementViews(db: Db, list: Announcement[], lng: Locale, actor: Actor) {
  const counts = readCounts(
    db,
    list.filter((a) => mayEdit(actor, a)).map((a) => a.id),
  )
  return list.map((a) => announcementView(db, a, lng, actor, counts))
}

/** The volunteer's inbox: unread first; the one opened (`?announcement=`) shows its text. */
export function inboxSection(db: Db, actor: Actor, lng: Locale, opened: number | null) {
  return inboxOf(db, actor.id).map((row) => {
    // The inbox is for reading: no counts, no translation forms.
    const view = announcementView(db, row.announcement, lng, null)
    return { ...view, unread: row.readAt === null, open: row.announcement.id === opened }
  })
}

/** `?announcement=12`: the id of the announcement to open, if it is one. */
export function openedAnnouncement(request: Request): number | null {
  const value = new URL(request.url).searchParams.get('announcement')
  return value && /^\d{1,12}$/.test(value) ? Number(value) : null
}
