import { Meilisearch } from 'meilisearch'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Db } from '../../db/client'
import { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { timeLimits } from './limits'
import { pendingCount } from './outbox'
import { rebuildMeilisearch } from './reindex'
import { Relay } from './relay'
import { documentCount, manualClock, seeded } from './testing'

let fake: FakeMeilisearch
let client: Meilisearch
let db: Db
let clock: ReturnType<typeof manualClock>

beforeEach(async () => {
  fake = new FakeMeilisearch()
  client = new Meilisearch({ host: await fake.listen() })
  db = seeded(true)
  clock = manualClock()
})
afterEach(() => fake.close())

const relay = () => new Relay({ client, index: 'treffpunkt', db, limits: { pollIntervalMs: 1 }, deadline: clock.deadline })
const uploads = (uid: string) => () => fake.sent('POST', `/indexes/${uid}/documents`).length === 1

describe('time limits of writes', () => {
  test('an upload may take far longer than a search', async () => {
    const upload = fake.hold('POST', '/indexes/treffpunkt/documents')
    const round = relay().runOnce()
    await fake.until(uploads('treffpunkt'))
    clock.advance(timeLimits.uploadMs - 1)
    upload.release()
    expect(await round).toEqual({ delivered: documentCount(db), failed: 0 })
  })

  test('the rebuild’s uploads have the same limit', async () => {
    const upload = fake.hold('POST', '/indexes/treffpunkt_rebuild_t/documents')
    const building = rebuildMeilisearch(db, client, 'treffpunkt', { limits: { pollIntervalMs: 1 }, deadline: clock.deadline, suffix: 't' })
    await fake.until(uploads('treffpunkt_rebuild_t'))
    clock.advance(timeLimits.uploadMs - 1)
    upload.release()
    expect((await building).documents).toBe(documentCount(db))
  })

  test('an upload past its limit fails, and the outbox keeps the batch', async () => {
    const upload = fake.hold('POST', '/indexes/treffpunkt/documents')
    const round = relay().runOnce()
    await fake.until(uploads('treffpunkt'))
    clock.advance(timeLimits.uploadMs)
    expect(await round).toEqual({ delivered: 0, failed: documentCount(db) })
    upload.release()
    expect(db.$client.prepare('select last_error from search_outbox limit 1').pluck().get()).toMatch(`within ${timeLimits.uploadMs} ms`)
    expect(pendingCount(db)).toBe(documentCount(db))
  })

  test('a poll has a limit of its own', async () => {
    const upload = fake.hold('POST', '/indexes/treffpunkt/documents')
    const round = relay().runOnce()
    await fake.until(uploads('treffpunkt'))
    // From here on the server takes the task and then answers no poll.
    fake.pause()
    const poll = fake.hold('GET', '/tasks/')
    const polls = fake.sent('GET', '/tasks/').length
    upload.release()
    await fake.until(() => fake.sent('GET', '/tasks/').length > polls)
    clock.advance(timeLimits.pollMs)
    expect(await round).toEqual({ delivered: 0, failed: documentCount(db) })
    poll.release()
    expect(db.$client.prepare('select last_error from search_outbox limit 1').pluck().get()).toMatch(/poll of task \d+: no answer from Meilisearch within 10000 ms/)
  })
})
