import { expect, test } from 'vitest'
import { testDatabase } from '../tests/db'
import { MissCounter } from './misses'

test('counts searches that found nothing per normalised query, locale and day, in memory until flushed, and nothing more', () => {
  const { db } = testDatabase()
  const misses = new MissCounter()
  const rows = () => db.$client.prepare('select * from search_misses order by day, locale').all()
  misses.record('Wohnung  Straße', 'de', '2026-11-22')
  misses.record('wohnung strasse', 'de', '2026-11-22')
  misses.record('Wohnung Straße', 'ar', '2026-11-22')
  misses.record('Wohnung Straße', 'de', '2026-11-23')
  misses.record('   ', 'de', '2026-11-23')
  // A GET writes nothing.
  expect(rows()).toEqual([])
  expect(misses.pending).toBe(3)
  expect(misses.flush(db)).toBe(3)
  misses.record('wohnung strasse', 'de', '2026-11-22')
  expect(misses.flush(db)).toBe(1)
  expect(misses.flush(db)).toBe(0)
  expect(rows()).toEqual([
    { day: '2026-11-22', locale: 'ar', query: 'wohnung strasse', count: 1 },
    { day: '2026-11-22', locale: 'de', query: 'wohnung strasse', count: 3 },
    { day: '2026-11-23', locale: 'de', query: 'wohnung strasse', count: 1 },
  ])
  // The table has room for nothing that could identify a person or a visit.
  const columns = (db.$client.prepare('pragma table_info(search_misses)').all() as Array<{ name: string }>).map((c) => c.name)
  expect(columns).toEqual(['day', 'locale', 'query', 'count'])
})
