import { z } from 'zod'
import type { Group } from '../../db/queries/groups'
import { upcomingSessions, type Session } from '../../db/queries/sessions'
import { readInstallation } from '../../db/installation'
import { weekdays } from '../../db/schema/groups'
import type { Locale } from '../i18n'
import { getDb } from './db.server'
import { formatMeetingDay, formatTime, languageName, weekdayName } from './format'
import type { Labels } from './site.server'
import { excerpt, pickText } from './text'

/** A group as pages show it: texts in the reader's language, its schedule in words and dates. */
export function groupView(group: Group, lng: Locale, names: Labels, today: string, meetings = 1) {
  const description = pickText(group.description, lng, 'de')
  const schedule = group.schedule
  // The next meetings that take place: a cancelled date is no "next meeting".
  const next = group.state === 'closed' ? [] : upcomingSessions(getDb(), group, today, meetings + 8).filter((s) => !s.cancelled).slice(0, meetings)
  return {
    id: group.id,
    kind: group.kind,
    name: pickText(group.name, lng, 'de')!,
    description,
    summary: description ? { ...description, text: excerpt(description.text) } : null,
    district: group.districtId ? { id: group.districtId, name: names.district.get(group.districtId) ?? group.districtId } : null,
    place: group.place,
    languages: group.languages.map((tag) => languageName(tag, lng)),
    capacity: group.capacity,
    open: group.open,
    requiresCheck: group.requiresCheck,
    closed: group.state === 'closed',
    schedule: schedule
      ? {
          frequency: schedule.frequency,
          week: schedule.week ?? null,
          // The day's code picks the phrase (each language has its own forms: «щовівторка», «по вторникам», «Her salı»).
          day: schedule.weekday,
          weekday: weekdayName(schedule.weekday, lng),
          start: formatTime(schedule.start, lng),
          end: formatTime(schedule.end, lng),
          next: next.map((session) => ({ iso: session.date, label: formatMeetingDay(session.date, lng) })),
        }
      : null,
  }
}

export type GroupView = ReturnType<typeof groupView>

/** A session in a list: its day and time in the reader's words, and how many places are free. */
export function sessionView(session: Session, lng: Locale) {
  return {
    date: session.date,
    label: formatMeetingDay(session.date, lng),
    start: formatTime(session.start, lng),
    end: formatTime(session.end, lng),
    capacity: session.capacity,
    free: session.capacity === null ? null : Math.max(0, session.capacity - session.taken),
    waiting: session.waiting,
    cancelled: session.cancelled,
    cancelReason: session.cancelReason,
  }
}

export type SessionView = ReturnType<typeof sessionView>

/** The next dates of a group (cancelled ones marked, not left out) and whom to call. */
export function groupDates(group: Group, lng: Locale, today: string, count = 6) {
  const db = getDb()
  const installation = readInstallation(db)
  const contact = { email: installation.email || undefined, phone: installation.phone || undefined }
  return {
    sessions: group.state === 'closed' ? [] : upcomingSessions(db, group, today, count).map((session) => sessionView(session, lng)),
    contact: contact.email || contact.phone ? contact : null,
    operator: pickText(installation.operator, lng, 'de')?.text ?? null,
  }
}

/** Morning before 12:00, afternoon 12:00–17:00, evening from 17:00, by the start of the meeting. */
export const timesOfDay = ['morning', 'afternoon', 'evening'] as const
export type TimeOfDay = (typeof timesOfDay)[number]

export function timeOfDay(start: string): TimeOfDay {
  return start < '12:00' ? 'morning' : start < '17:00' ? 'afternoon' : 'evening'
}

export const groupFilters = z.object({
  weekday: z.enum(weekdays).optional(),
  time: z.enum(timesOfDay).optional(),
  district: z.string().max(100).optional(),
  language: z.string().max(35).optional(),
})
export type GroupFilters = z.output<typeof groupFilters>

/** Groups that meet on the weekday, at the time of day and speak the language asked for. */
export function matchesFilters(group: Group, filters: GroupFilters): boolean {
  if (filters.weekday && group.schedule?.weekday !== filters.weekday) return false
  if (filters.time && (!group.schedule || timeOfDay(group.schedule.start) !== filters.time)) return false
  if (filters.language && !group.languages.includes(filters.language)) return false
  return true
}

export const weekdayOptions = (lng: Locale) => weekdays.map((day) => ({ value: day, label: weekdayName(day, lng) }))
