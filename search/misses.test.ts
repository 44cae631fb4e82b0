import { expect, test } from 'vitest'
import { testDatabase } from '../tests/db'
import { recordMiss } from './misses'

test('counts searches that found nothing per normalised query, locale and day, and nothing more', () => {
  const { db } = testDatabase()
  recordMiss(db, 'Wohnung  Straße', 'de', '2026-11-22')
  recordMiss(db, 'wohnung strasse', 'de', '2026-11-22')
  recordMiss(db, 'Wohnung Straße', 'ar', '2026-11-22')
  recordMiss(db, 'Wohnung Straße', 'de', '2026-11-23')
  recordMiss(db, '   ', 'de', '2026-11-23')
  const rows = db.$client.prepare('select * from search_misses order by day, locale').all()
  expect(rows).toEqual([
    { day: '2026-11-22', locale: 'ar', query: 'wohnung strasse', count: 1 },
    { day: '2026-11-22', locale: 'de', query: 'wohnung strasse', count: 2 },
    { day: '2026-11-23', locale: 'de', query: 'wohnung strasse', count: 1 },
  ])
  // The table has room for nothing that could identify a person or a visit.
  const columns = (db.$client.prepare('pragma table_info(search_misses)').all() as Array<{ name: string }>).map((c) => c.name)
  expect(columns).toEqual(['day', 'locale', 'query', 'count'])
})
