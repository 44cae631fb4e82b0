import { describe, expect, test } from 'vitest'
import { testDatabase } from '../../tests/db'
import { locales } from '../../locales'
import { addDays, weekdayIndex } from '../dates'
import { exportExchange } from '../exchange'
import { boardFigures } from '../figures'
import { weekdays } from '../schema'
import { DEMO_AUTHORED_ON, loadDemo, seedDemo } from './demo'
import { commandContext } from '../../search/context'

type Demo = ReturnType<typeof exportExchange>

function seeded(today: string) {
  const { db } = testDatabase()
  seedDemo(commandContext(db, null), { today })
  return { db, demo: exportExchange(db) as Required<Demo> }
}

describe('the demo municipality', () => {
  const { db, demo } = seeded('2026-11-22')

  test('is a realistic board: organisations of all kinds, postings everywhere, groups and cafés', () => {
    expect(demo.organisations.length).toBeGreaterThanOrEqual(40)
    const kinds = new Set(demo.organisations.map((o) => o.kind))
    expect([...kinds].sort()).toEqual(['advisory_centre', 'association', 'authority', 'company'])
    expect(demo.postings.length).toBeGreaterThanOrEqual(200)
    expect(demo.workingGroups.length).toBeGreaterThanOrEqual(12)
    expect(new Set(demo.workingGroups.map((g) => g.kind))).toEqual(new Set(['arbeitskreis', 'begegnungscafe']))

    const topLevel = demo.categories.filter((c) => !c.parent).map((c) => c.id)
    const topOf = (id: string) => demo.categories.find((c) => c.id === id)?.parent ?? id
    const usedTop = new Set(demo.postings.map((p) => topOf(p.category)))
    expect([...usedTop].sort()).toEqual([...topLevel].sort())
    // Every district has postings; a few are town-wide and name none.
    expect(new Set(demo.postings.flatMap((p) => (p.district ? [p.district] : [])))).toEqual(new Set(demo.districts.map((d) => d.id)))
  })

  test('speaks many languages: half translated, some only in Arabic, Farsi or Ukrainian', () => {
    const translated = demo.postings.filter((p) => Object.keys(p.title).length >= 2)
    expect(translated.length).toBeGreaterThanOrEqual(demo.postings.length * 0.4)
    for (const only of ['ar', 'fa', 'uk']) {
      expect(demo.postings.some((p) => Object.keys(p.title).join() === only && p.sourceLocale === only)).toBe(true)
    }
    for (const category of demo.categories) {
      expect(Object.keys(category.label).sort()).toEqual([...locales].sort())
    }
  })

  test('holds postings in every state, so the visibility rule has something to hide', () => {
    const statuses = new Set(demo.postings.map((p) => p.status))
    expect(statuses).toEqual(new Set(['draft', 'published', 'fulfilled', 'expired', 'withdrawn']))
    const figures = boardFigures(db, '2026-11-22')
    expect(figures.postings).toBeGreaterThan(150)
    expect(figures.postings).toBeLessThan(demo.postings.length)
  })

  test('never expires: seeded years later, the same postings are visible on that day', () => {
    // Dates move in whole weeks, so no validity bound may lie within a week after the
    // authoring day: which side of it "today" falls would depend on the weekday.
    const later = seeded('2031-05-14')
    expect(boardFigures(later.db, '2031-05-14').postings).toBe(boardFigures(db, '2026-11-22').postings)
  })

  test('no validity bound lies within the week after the authoring day', () => {
    // Seeding shifts by whole weeks, so "today" lands 0–6 days after the authored day:
    // a bound inside that week would make visibility depend on the weekday of seeding.
    const authored = loadDemo(DEMO_AUTHORED_ON) as unknown as Required<Demo>
    const weekEnd = addDays(DEMO_AUTHORED_ON, 6)
    for (const p of authored.postings) {
      if (p.validFrom) expect(p.validFrom > DEMO_AUTHORED_ON && p.validFrom <= weekEnd, `${p.id} validFrom ${p.validFrom}`).toBe(false)
      if (p.validUntil) expect(p.validUntil >= DEMO_AUTHORED_ON && p.validUntil < weekEnd, `${p.id} validUntil ${p.validUntil}`).toBe(false)
    }
  })

  test('dates move in whole weeks, so every meeting stays on its weekday', () => {
    const shifted = loadDemo('2029-02-07') as unknown as Required<Demo>
    for (const group of shifted.workingGroups) {
      if (!group.schedule?.from) continue
      expect(weekdays[weekdayIndex(group.schedule.from)]).toBe(group.schedule.weekday)
      for (const day of group.schedule.except ?? []) {
        expect(weekdays[weekdayIndex(day)]).toBe(group.schedule.weekday)
      }
    }
  })
})
