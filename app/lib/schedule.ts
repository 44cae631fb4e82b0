import { addDays, weekdayIndex } from '../../db/dates'
import { weekdays, type Schedule } from '../../db/schema/groups'

/**
 * The next meeting days of a recurring schedule, on or after `today`, skipping the
 * exceptions. Dates only: times are Berlin wall-clock times and need no arithmetic.
 * (A small function rather than rrule: three frequencies over whole days.)
 */
export function nextMeetings(schedule: Schedule, today: string, count: number): string[] {
  const start = schedule.from > today ? schedule.from : today
  const skip = new Set(schedule.except)
  const result: string[] = []
  for (const day of candidates(schedule, start)) {
    if (result.length >= count) break
    if (!skip.has(day)) result.push(day)
  }
  return result
}

function* candidates(schedule: Schedule, start: string): Generator<string> {
  const target = weekdays.indexOf(schedule.weekday)
  if (schedule.frequency === 'monthly') {
    let [year, month] = start.split('-').map(Number)
    for (let i = 0; i < 240; i++) {
      const day = nthWeekdayOfMonth(year, month, target, schedule.week ?? 1)
      if (day >= start) yield day
      month++
      if (month > 12) {
        month = 1
        year++
      }
    }
    return
  }
  const step = schedule.frequency === 'biweekly' ? 14 : 7
  let day: string
  if (schedule.frequency === 'biweekly') {
    // Count in fortnights from the anchor, so the group keeps its weeks.
    const weeks = Math.max(0, Math.ceil((Date.parse(start) - Date.parse(schedule.from)) / (14 * 86_400_000)))
    day = addDays(schedule.from, weeks * 14)
  } else {
    day = addDays(start, (target - weekdayIndex(start) + 7) % 7)
  }
  for (let i = 0; i < 1000; i++, day = addDays(day, step)) yield day
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, week: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`
  if (week > 0) return addDays(first, ((weekday - weekdayIndex(first) + 7) % 7) + (week - 1) * 7)
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
  const last = addDays(nextMonth, -1)
  return addDays(last, -((weekdayIndex(last) - weekday + 7) % 7))
}
