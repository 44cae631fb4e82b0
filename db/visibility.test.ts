import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { sampleFile } from '../tests/fixtures/exchange'
import { testDatabase } from '../tests/db'
import type { Db } from './client'
import { todayInBerlin } from './dates'
import { importExchange } from './exchange'
import { boardFigures } from './figures'
import { organisations, postings } from './schema'
import { isVisible, postingIsVisible } from './visibility'
import { commandContext } from '../search/context'

function visibleIds(db: Db, today: string) {
  return db
    .select({ id: postings.id })
    .from(postings)
    .innerJoin(organisations, eq(organisations.id, postings.organisationId))
    .where(postingIsVisible(today))
    .orderBy(postings.id)
    .all()
    .map((row) => row.id)
}

function boardWith(posting: Record<string, unknown>) {
  const { db } = testDatabase()
  const file = sampleFile()
  file.postings = [{ ...file.postings[0], ...posting }] as typeof file.postings
  const outcome = importExchange(commandContext(db, null), Buffer.from(JSON.stringify(file)), { today: '2026-11-02' })
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  return db
}

describe('the visibility rule', () => {
  test('a posting is visible from validFrom to validUntil inclusive, and gone the day after', () => {
    const db = boardWith({ validFrom: '2026-12-01', validUntil: '2026-12-31' })
    expect(visibleIds(db, '2026-11-30')).toEqual([])
    expect(visibleIds(db, '2026-12-01')).toEqual(['p-001'])
    expect(visibleIds(db, '2026-12-31')).toEqual(['p-001'])
    expect(visibleIds(db, '2027-01-01')).toEqual([])
  })

  test('a missing bound is open', () => {
    const db = boardWith({ validFrom: null, validUntil: null })
    expect(visibleIds(db, '1990-01-01')).toEqual(['p-001'])
    expect(visibleIds(db, '2999-12-31')).toEqual(['p-001'])
  })

  test.each(['draft', 'fulfilled', 'expired', 'withdrawn'])('a %s posting is not visible', (status) => {
    expect(visibleIds(boardWith({ status }), '2026-11-02')).toEqual([])
  })

  test('moderation and a suspended organisation hide a published posting', () => {
    const db = boardWith({})
    expect(visibleIds(db, '2026-11-02')).toEqual(['p-001'])
    db.update(postings).set({ moderation: 'hidden' }).run()
    expect(visibleIds(db, '2026-11-02')).toEqual([])
    db.update(postings).set({ moderation: 'visible' }).run()
    db.update(organisations).set({ suspended: true }).where(eq(organisations.id, 'drk-lindenfeld')).run()
    expect(visibleIds(db, '2026-11-02')).toEqual([])
    expect(boardFigures(db, '2026-11-02')).toEqual({ postings: 0, organisations: 1, groups: 2 })
  })

  test('today is the date in Berlin, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Berlin (UTC+1 in winter).
    expect(todayInBerlin(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    // 22:30 UTC in July is 00:30 the next day in Berlin (UTC+2 in summer).
    expect(todayInBerlin(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15')
    expect(todayInBerlin(new Date('2026-07-14T21:30:00Z'))).toBe('2026-07-14')
  })
})

test('the rule as SQL and as a predicate on a row agree, for every combination', () => {
  const { db } = testDatabase()
  const file = sampleFile()
  const statuses = ['draft', 'published', 'fulfilled', 'expired', 'withdrawn']
  const bounds = [null, '2026-11-01', '2026-11-02', '2026-11-03']
  const cases = statuses.flatMap((status) => bounds.flatMap((validFrom) => bounds.map((validUntil) => ({ status, validFrom, validUntil }))))
    .filter((c) => !c.validFrom || !c.validUntil || c.validFrom <= c.validUntil)
  file.postings = cases.map((c, i) => ({ ...file.postings[0], id: `v-${i}`, ...c })) as typeof file.postings
  const outcome = importExchange(commandContext(db, null), file, { today: '2026-11-02' })
  expect(outcome.ok).toBe(true)
  db.update(postings).set({ moderation: 'hidden' }).where(eq(postings.id, 'v-5')).run()
  for (const suspended of [false, true]) {
    db.update(organisations).set({ suspended }).where(eq(organisations.id, 'drk-lindenfeld')).run()
    const rows = db
      .select({ id: postings.id, status: postings.status, moderation: postings.moderation, organisationSuspended: organisations.suspended, validFrom: postings.validFrom, validUntil: postings.validUntil })
      .from(postings)
      .innerJoin(organisations, eq(organisations.id, postings.organisationId))
      .all()
    const byPredicate = rows.filter((row) => isVisible(row, '2026-11-02')).map((row) => row.id).sort()
    expect(visibleIds(db, '2026-11-02').sort()).toEqual(byPredicate)
    // A positive control: some are visible while the organisation is not suspended.
    expect(byPredicate.length > 0).toBe(!suspended)
  }
})
