import type { Group } from '../../db/queries/groups'
import type { Locale } from '../i18n'
import { formatMeetingDay, formatTime, languageName, weekdayName } from './format'
import { nextMeetings } from './schedule'
import type { Labels } from './site.server'
import { excerpt, pickText } from './text'

/** A group as pages show it: texts in the reader's language, its schedule in words and dates. */
export function groupView(group: Group, lng: Locale, names: Labels, today: string, meetings = 1) {
  const description = pickText(group.description, lng, 'de')
  const schedule = group.schedule
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
          next: group.state === 'closed' ? [] : nextMeetings(schedule, today, meetings).map((day) => ({ iso: day, label: formatMeetingDay(day, lng) })),
        }
      : null,
  }
}

export type GroupView = ReturnType<typeof groupView>
