import { describe, expect, test } from 'vitest'
import { instantInBerlin, isMeetingDay, meetingDays, nextMeetingDays } from './schedule'
import type { Schedule } from './schema/groups'

const weekly: Schedule = { frequency: 'weekly', weekday: 'sun', start: '15:00', end: '17:00', from: '2026-03-01', except: ['2026-03-15'] }

// The suite runs under TZ=UTC and again under TZ=Asia/Kabul (package.json `test:unit`).
describe(`schedules (process time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
  test('weekly across the spring change keeps its days and its local time', () => {
    expect(meetingDays(weekly, '2026-03-01', '2026-04-05')).toEqual(['2026-03-01', '2026-03-08', '2026-03-22', '2026-03-29', '2026-04-05'])
    // 15:00 in Berlin is 14:00Z in winter and 13:00Z from the last Sunday of March.
    expect(instantInBerlin('2026-03-22', '15:00').toISOString()).toBe('2026-03-22T14:00:00.000Z')
    expect(instantInBerlin('2026-03-29', '15:00').toISOString()).toBe('2026-03-29T13:00:00.000Z')
    expect(instantInBerlin('2026-10-25', '15:00').toISOString()).toBe('2026-10-25T14:00:00.000Z')
    expect(instantInBerlin('2026-10-24', '15:00').toISOString()).toBe('2026-10-24T13:00:00.000Z')
    // A time the spring change skips happens an hour later; the doubled autumn hour is its first.
    expect(instantInBerlin('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(instantInBerlin('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z')
  })

  test('every two weeks counts from its anchor; monthly by nth and last weekday', () => {
    const biweekly: Schedule = { ...weekly, frequency: 'biweekly', weekday: 'tue', from: '2026-10-20', except: [] }
    expect(meetingDays(biweekly, '2026-10-21', '2026-11-30')).toEqual(['2026-11-03', '2026-11-17'])
    const last: Schedule = { ...weekly, frequency: 'monthly', weekday: 'fri', week: -1, from: '2026-01-01', except: [] }
    expect(meetingDays(last, '2026-10-01', '2027-01-31')).toEqual(['2026-10-30', '2026-11-27', '2026-12-25', '2027-01-29'])
    const second: Schedule = { ...last, week: 2, weekday: 'wed' }
    expect(nextMeetingDays(second, '2026-12-02', 3)).toEqual(['2026-12-09', '2027-01-13', '2027-02-10'])
  })

  test('exceptions are skipped and the next days fill up', () => {
    expect(nextMeetingDays(weekly, '2026-03-09', 3)).toEqual(['2026-03-22', '2026-03-29', '2026-04-05'])
    expect(isMeetingDay(weekly, '2026-03-15')).toBe(false)
    expect(isMeetingDay(weekly, '2026-03-22')).toBe(true)
    expect(isMeetingDay(weekly, '2026-03-23')).toBe(false)
  })
})
