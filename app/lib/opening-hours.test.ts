import { describe, expect, it } from 'vitest'
import { hoursByDay, isOpenNow } from './opening-hours'

const hours = [
  { weekday: 'tue' as const, from: '09:00', to: '12:00' },
  { weekday: 'tue' as const, from: '14:00', to: '16:30' },
  { weekday: 'mon' as const, from: '10:00', to: '11:00' },
]

describe('opening hours', () => {
  it('is open within an opening in Berlin time, also across the summer-time change', () => {
    // 2026-12-08 is a Tuesday; 10:00 in Berlin is 09:00 UTC in winter.
    expect(isOpenNow(hours, new Date('2026-12-08T09:00:00Z'))).toBe(true)
    expect(isOpenNow(hours, new Date('2026-12-08T11:00:00Z'))).toBe(false)
    expect(isOpenNow(hours, new Date('2026-12-08T15:29:00Z'))).toBe(true)
    expect(isOpenNow(hours, new Date('2026-12-08T15:30:00Z'))).toBe(false)
    // 2026-07-07 is a Tuesday; 09:30 in Berlin is 07:30 UTC in summer.
    expect(isOpenNow(hours, new Date('2026-07-07T07:30:00Z'))).toBe(true)
    expect(isOpenNow(hours, new Date('2026-07-07T06:30:00Z'))).toBe(false)
  })
  it('says nothing without hours', () => {
    expect(isOpenNow([], new Date())).toBeNull()
  })
  it('groups by weekday from Monday, times in order', () => {
    expect(hoursByDay(hours)).toEqual([
      { weekday: 'mon', times: [{ from: '10:00', to: '11:00' }] },
      { weekday: 'tue', times: [{ from: '09:00', to: '12:00' }, { from: '14:00', to: '16:30' }] },
    ])
  })
})
