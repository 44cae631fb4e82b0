import ical, { ICalEventStatus, type ICalDayJsStub } from 'ical-generator'
import { instantInBerlin } from '../../db/schedule'

/**
 * Europe/Berlin's rules since 1996 (last Sunday of March 02:00 → 03:00, last Sunday of
 * October 03:00 → 02:00), written out by hand: ical-generator leaves VTIMEZONE to a
 * generator package, and none is installed. Calendars that know the zone by its name use
 * their own data; the rest read these rules.
 */
export const berlinTimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

/**
 * A Berlin wall-clock time in a shape ical-generator writes as it is: its day.js stub.
 * Given a native Date and a time zone, ical-generator reads the process's local clock,
 * which is right only where the server runs on Berlin time.
 */
function wallClock(day: string, time: string): ICalDayJsStub {
  const instant = instantInBerlin(day, time)
  const digits: Record<string, string> = { YYYYMMDD: day.replaceAll('-', ''), HHmmss: `${time.replace(':', '')}00` }
  const self: ICalDayJsStub = {
    format: (pattern = '') => digits[pattern] ?? instant.toISOString(),
    isValid: () => true,
    toDate: () => instant,
    toJSON: () => instant.toISOString(),
    tz: () => self,
  }
  return self
}

export type FeedEvent = {
  /** Stable across renewals and edits: `{groupId}-{date}@treffpunkt`. */
  uid: string
  date: string
  start: string
  end: string
  summary: string
  description?: string
  location?: string | null
  url?: string
  cancelled?: boolean
  /** On the waiting list: in the calendar, but not certain. */
  tentative?: boolean
}

/** An iCalendar feed in Europe/Berlin time (`TZID=Europe/Berlin` with its VTIMEZONE). */
export function calendarFeed(name: string, events: FeedEvent[], stamp: Date): string {
  const calendar = ical({ name, prodId: { company: 'treffpunkt', product: 'sessions', language: 'DE' } })
  // No calendar-wide zone: DTSTAMP stays in UTC as RFC 5545 wants; the events name theirs.
  calendar.timezone({ name: null, generator: (zone) => (zone === 'Europe/Berlin' ? berlinTimezone : null) })
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: wallClock(event.date, event.start),
      end: wallClock(event.date, event.end),
      timezone: 'Europe/Berlin',
      stamp,
      summary: event.summary,
      description: event.description,
      location: event.location ?? undefined,
      url: event.url,
      status: event.cancelled ? ICalEventStatus.CANCELLED : event.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}

/** The answer of a feed route. */
export function calendarResponse(body: string, personal: boolean): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': personal ? 'private, no-store' : 'public, max-age=300',
      ...(personal ? { 'X-Robots-Tag': 'noindex' } : {}),
    },
  })
}
