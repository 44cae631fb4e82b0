import { Meilisearch } from 'meilisearch'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { writeTransaction, type Db } from '../../db/client'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { reindex } from '../embedded/writer'
import { meiliUid } from './documents'
import { timeLimits } from './limits'
import { configureOutbox, pendingCount, pendingEntries } from './outbox'
import { Relay } from './relay'
import { documentCount, fakeWithDb, manualClock, seeded } from './testing'

const limits = { pollIntervalMs: 1 }
let fake: FakeMeilisearch
let client: Meilisearch
let db: Db

beforeEach(async () => {
  ;({ fake, client, db } = await fakeWithDb())
})
afterEach(() => fake.close())

const relay = (options: Partial<ConstructorParameters<typeof Relay>[0]> = {}) => new Relay({ client, index: 'treffpunkt', db, limits, ...options })

describe('the outbox', () => {
  test('is written in the same transaction as the change, and not when it rolls back', () => {
    const before = pendingCount(db)
    expect(before).toBe(documentCount(db))
    expect(() =>
      writeTransaction(db, (tx) => {
        reindex(tx, { postings: ['clothes'] })
        throw new Error('the change fails after indexing')
      }),
    ).toThrow('the change fails')
    expect(pendingCount(db)).toBe(before)
    writeTransaction(db, (tx) => reindex(tx, { postings: ['clothes'] }))
    expect(pendingEntries(db, 10_000).at(-1)).toMatchObject({ kind: 'posting', refId: 'clothes', op: 'upsert' })
  })

  test('stays empty while Meilisearch is not configured, and switching it on enqueues everything', () => {
    const plain = seeded(false)
    expect(pendingCount(plain)).toBe(0)
    expect(configureOutbox(plain, true)).toBe('enabled')
    expect(pendingCount(plain)).toBe(documentCount(plain))
    expect(configureOutbox(plain, true)).toBe('unchanged')
    expect(configureOutbox(plain, false)).toBe('disabled')
    expect(pendingCount(plain)).toBe(0)
  })
})

describe('the relay', () => {
  test('creates the index and awaits its settings before it sends any document', async () => {
    fake.pause()
    const round = relay().runOnce()
    const polled = (uid: number) => fake.sent('GET', `/tasks/${uid}`).length
    await fake.until(() => fake.tasks.length === 1 && polled(0) >= 2)
    expect(fake.tasks[0].type).toBe('indexCreation')
    fake.runNext()
    await fake.until(() => fake.tasks.length === 2 && polled(1) >= 2)
    // The settings task is still enqueued, polled again and again: no document yet.
    expect(fake.tasks[1].type).toBe('settingsUpdate')
    expect(fake.sent('POST', '/indexes/treffpunkt/documents')).toHaveLength(0)
    fake.runNext()
    await fake.until(() => fake.sent('POST', '/indexes/treffpunkt/documents').length === 1)
    fake.resume()
    expect(await round).toEqual({ delivered: documentCount(db), failed: 0 })

    const payload = fake.sent('PATCH', '/indexes/treffpunkt/settings')[0].body as Record<string, unknown>
    expect(payload.searchableAttributes).toEqual(['title', 'taxonomy', 'organisation', 'body'])
    expect(payload.filterableAttributes).toEqual(expect.arrayContaining(['kind', 'type', 'category', 'district', 'audience', 'language', 'orgKind', 'listed', 'validFrom', 'validUntil']))
    // No field declares a language (decision 010), and an older declaration is reset.
    expect(payload.localizedAttributes).toBeNull()
    expect(payload.typoTolerance).toMatchObject({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } })
    // Arabic-script glossary words are taken as written, as the embedded engine takes them.
    const exact = (payload.typoTolerance as { disableOnWords: string[] }).disableOnWords
    expect(exact).toEqual(expect.arrayContaining(['ملابس', 'مقهی']))
    expect(exact).not.toContain('integrationskurs')
    // Synonyms from the taxonomy, normalised as queries are.
    expect((payload.synonyms as Record<string, string[]>)['integrationskurs']).toContain('sprachkurs')
    expect(pendingCount(db)).toBe(0)
  })

  test('sends normalised texts and facet values, and nothing about contacts', async () => {
    await relay().runOnce()
    const docs = fake.documents('treffpunkt')
    expect(docs).toHaveLength(documentCount(db))
    const beratung = docs.find((doc) => doc.uid === meiliUid('organisation', 'beratung'))!
    expect(beratung).toMatchObject({ kind: 'organisation', id: 'beratung', orgKind: ['advisory_centre'], district: ['weststadt'], listed: true })
    expect(JSON.stringify(docs)).not.toMatch(/sprechstunde@|555123/)
    // The hamza folds before Meilisearch sees it: أ → ا
    expect(JSON.stringify(docs)).not.toContain('أ')
  })

  test('a failed task is no success: the batch stays pending, with a back-off, and goes out later', async () => {
    const r = relay()
    await r.runOnce()
    writeTransaction(db, (tx) => reindex(tx, { postings: ['clothes', 'course'] }))
    fake.failTasks = { count: 1, code: 'internal' }
    const now = Date.now()
    expect(await r.runOnce(now)).toEqual({ delivered: 0, failed: 2 })
    expect(pendingCount(db)).toBe(2)
    const row = db.$client.prepare('select attempts, next_attempt_at as next, last_error as error from search_outbox where delivered_at is null limit 1').get() as { attempts: number; next: number; error: string }
    expect(row.attempts).toBe(1)
    expect(row.next).toBeGreaterThan(now)
    expect(row.error).toMatch(/failed/)
    expect(await r.runOnce(now)).toEqual({ delivered: 0, failed: 0 }) // not due yet
    expect(await r.runOnce(row.next)).toEqual({ delivered: 2, failed: 0 })
  })

  test('keeps everything while the server is down and delivers when it is back', async () => {
    fake.unavailable = true
    const r = relay()
    expect((await r.runOnce()).failed).toBeGreaterThan(0)
    expect(pendingCount(db)).toBe(documentCount(db))
    fake.unavailable = false
    expect((await r.runOnce(Date.now() + 60_000)).delivered).toBe(documentCount(db))
    expect(fake.documents('treffpunkt')).toHaveLength(documentCount(db))
  })

  test('loses nothing when it gives up between sending and the task’s success', async () => {
    const clock = manualClock()
    const upload = fake.hold('POST', '/indexes/treffpunkt/documents')
    const round = relay({ deadline: clock.deadline }).runOnce()
    await fake.until(() => fake.sent('POST', '/indexes/treffpunkt/documents').length === 1)
    // The server accepts the documents and goes quiet: the task never finishes in time.
    fake.pause()
    const polls = fake.sent('GET', '/tasks/').length
    upload.release()
    await fake.until(() => fake.sent('GET', '/tasks/').length > polls)
    clock.advance(timeLimits.taskMs)
    expect(await round).toEqual({ delivered: 0, failed: documentCount(db) })
    expect(pendingCount(db)).toBe(documentCount(db))
    fake.resume()
    expect((await relay().runOnce(Date.now() + 60_000)).delivered).toBe(documentCount(db))
    expect(fake.documents('treffpunkt')).toHaveLength(documentCount(db))
  })

  test('takes an index creation that raced a crash as done (index_already_exists)', async () => {
    const clock = manualClock()
    fake.pause()
    const crashed = relay({ deadline: clock.deadline }).runOnce()
    await fake.until(() => fake.sent('GET', '/tasks/0').length >= 1)
    clock.advance(timeLimits.taskMs)
    expect((await crashed).failed).toBe(documentCount(db))
    // The restarted relay finds no index yet and asks for one again; the first creation wins.
    const restarted = relay().runOnce(Date.now() + 60_000)
    await fake.until(() => fake.tasks.length === 2)
    fake.resume()
    expect((await restarted).delivered).toBe(documentCount(db))
    expect(fake.tasks[1]).toMatchObject({ type: 'indexCreation', status: 'failed', error: { code: 'index_already_exists' } })
  })

  test('delivers a deletion as a deletion', async () => {
    const r = relay()
    await r.runOnce()
    db.$client.prepare("delete from search_documents where kind = 'posting' and ref_id = 'clothes'").run()
    await r.runOnce()
    expect(fake.sent('POST', '/indexes/treffpunkt/documents/delete-batch').at(-1)?.body).toEqual([meiliUid('posting', 'clothes')])
    expect(fake.documents('treffpunkt').some((doc) => doc.id === 'clothes')).toBe(false)
  })
})
