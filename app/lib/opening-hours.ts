import type { OpeningHour } from '../../db/schema'

const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const weekdayOf: Record<string, OpeningHour['weekday']> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' }

/** Whether an organisation is open at `now`, by its weekly hours in Europe/Berlin; null without hours. */
export function isOpenNow(hours: OpeningHour[], now: Date): boolean | null {
  if (hours.length === 0) return null
  const parts = Object.fromEntries(berlin.formatToParts(now).map((p) => [p.type, p.value]))
  const weekday = weekdayOf[parts.weekday]
  const time = `${parts.hour}:${parts.minute}`
  return hours.some((h) => h.weekday === weekday && h.from <= time && time < h.to)
}

const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** Openings grouped by weekday, Monday first, each day's in time order. */
export function hoursByDay(hours: OpeningHour[]): Array<{ weekday: OpeningHour['weekday']; times: Array<{ from: string; to: string }> }> {
  return order
    .map((weekday) => ({
      weekday: weekday as OpeningHour['weekday'],
      times: hours
        .filter((h) => h.weekday === weekday)
        .sort((a, b) => a.from.localeCompare(b.from))
        .map(({ from, to }) => ({ from, to })),
    }))
    .filter((day) => day.times.length > 0)
}
