import rrule from 'rrule'
import { weekdays, type Schedule } from './schema/groups'

const { RRule } = rrule

/**
 * The meeting days of a group's recurring schedule, by `rrule`. A schedule speaks in
 * Europe/Berlin wall-clock terms (a weekday, "15:00"): the rule runs over calendar days
 * written as UTC midnights, so no offset ever moves a meeting across midnight, and the
 * time of day stays 15:00 before and after the summer-time change. `instantInBerlin`
 * turns a day and a time into the moment, for feeds and deadlines.
 */
const byWeekday = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU]

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`)
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

function ruleOf(schedule: Schedule): InstanceType<typeof RRule> {
  const weekday = byWeekday[weekdays.indexOf(schedule.weekday)]
  return new RRule({
    freq: schedule.frequency === 'monthly' ? RRule.MONTHLY : RRule.WEEKLY,
    interval: schedule.frequency === 'biweekly' ? 2 : 1,
    byweekday: [schedule.frequency === 'monthly' ? weekday.nth(schedule.week ?? 1) : weekday],
    dtstart: utcDay(schedule.from),
  })
}

/**
 * Answers by schedule and window, for the whole process: every page that lists groups asks
 * for the same few dates, and rrule walks from the schedule's start on each question. A
 * changed schedule is another key; the cache is emptied when it grows large.
 */
const answers = new Map<string, string[]>()
function remembered(key: string, compute: () => string[]): string[] {
  let days = answers.get(key)
  if (!days) {
    if (answers.size >= 5000) answers.clear()
    days = compute()
    answers.set(key, days)
  }
  return [...days]
}

/** Meeting days from `from` to `to` (inclusive, `YYYY-MM-DD`), the schedule's exceptions left out. */
export function meetingDays(schedule: Schedule, from: string, to: string): string[] {
  return remembered(`between\n${JSON.stringify(schedule)}\n${from}\n${to}`, () => computeMeetingDays(schedule, from, to))
}

function computeMeetingDays(schedule: Schedule, from: string, to: string): string[] {
  if (to < from) return []
  const skip = new Set(schedule.except)
  return ruleOf(schedule)
    .between(utcDay(from), utcDay(to), true)
    .map(isoDay)
    .filter((day) => !skip.has(day))
}

/** The next `count` meeting days on or after `from`. */
export function nextMeetingDays(schedule: Schedule, from: string, count: number): string[] {
  return remembered(`next\n${JSON.stringify(schedule)}\n${from}\n${count}`, () => computeNextMeetingDays(schedule, from, count))
}

function computeNextMeetingDays(schedule: Schedule, from: string, count: number): string[] {
  const rule = ruleOf(schedule)
  const skip = new Set(schedule.except)
  const result: string[] = []
  let after = utcDay(from)
  let inclusive = true
  for (let guard = 0; result.length < count && guard < count + 500; guard++) {
    const next = rule.after(after, inclusive)
    if (!next) break
    if (!skip.has(isoDay(next))) result.push(isoDay(next))
    after = next
    inclusive = false
  }
  return result
}

/** Whether `day` is a meeting day of the schedule (exceptions are not). */
export function isMeetingDay(schedule: Schedule, day: string): boolean {
  return meetingDays(schedule, day, day).length === 1
}

const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** Berlin's wall clock at a moment, as `YYYY-MM-DDTHH:MM`. */
function wallClock(at: Date): string {
  const parts = Object.fromEntries(berlin.formatToParts(at).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** The moment a Berlin wall-clock time happens (`2026-03-29`, `15:00` → 13:00Z, in summer time). */
export function instantInBerlin(day: string, time: string): Date {
  const guess = Date.parse(`${day}T${time}:00Z`)
  // Berlin is UTC+2 or UTC+1: the first offset whose wall clock matches (the earlier of a doubled hour).
  for (const hours of [2, 1]) {
    const at = new Date(guess - hours * 3_600_000)
    if (wallClock(at) === `${day}T${time}`) return at
  }
  // A time skipped by the spring change (02:30 on the last Sunday of March) happens an hour later.
  return new Date(guess - 3_600_000)
}
