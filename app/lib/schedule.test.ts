import { describe, expect, test } from 'vitest'
import type { Schedule } from '../../db/schema/groups'
import { nextMeetings } from './schedule'

const base = { start: '15:00', end: '17:00', except: [] as string[] }

describe('nextMeetings', () => {
  test('weekly: the next Tuesdays from today, skipping exceptions', () => {
    const schedule: Schedule = { ...base, frequency: 'weekly', weekday: 'tue', from: '2026-09-01', except: ['2026-12-29'] }
    expect(nextMeetings(schedule, '2026-12-16', 3)).toEqual(['2026-12-22', '2027-01-05', '2027-01-12'])
    expect(nextMeetings(schedule, '2026-12-22', 1)).toEqual(['2026-12-22'])
  })

  test('weekly: nothing before the first meeting', () => {
    const schedule: Schedule = { ...base, frequency: 'weekly', weekday: 'mon', from: '2027-02-01' }
    expect(nextMeetings(schedule, '2026-11-22', 2)).toEqual(['2027-02-01', '2027-02-08'])
  })

  test('biweekly keeps the weeks of its anchor', () => {
    const schedule: Schedule = { ...base, frequency: 'biweekly', weekday: 'fri', from: '2026-11-06' }
    expect(nextMeetings(schedule, '2026-11-07', 3)).toEqual(['2026-11-20', '2026-12-04', '2026-12-18'])
    expect(nextMeetings(schedule, '2026-11-20', 1)).toEqual(['2026-11-20'])
  })

  test('monthly: the nth and the last weekday of the month', () => {
    const second: Schedule = { ...base, frequency: 'monthly', weekday: 'wed', week: 2, from: '2026-09-01' }
    expect(nextMeetings(second, '2026-11-22', 3)).toEqual(['2026-12-09', '2027-01-13', '2027-02-10'])
    const last: Schedule = { ...base, frequency: 'monthly', weekday: 'fri', week: -1, from: '2026-09-01' }
    expect(nextMeetings(last, '2026-11-22', 3)).toEqual(['2026-11-27', '2026-12-25', '2027-01-29'])
  })
})
