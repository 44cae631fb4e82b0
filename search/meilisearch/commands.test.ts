import { afterEach, expect, test } from 'vitest'
import type { Meilisearch } from 'meilisearch'
import type { Db } from '../../db/client'
import { actorOf } from '../../db/accounts/sessions'
import { fakeClock } from '../../db/clock'
import { decide } from '../../db/commands/moderation'
import { createPosting, updatePosting } from '../../db/commands/postings'
import { categoryFromForm, editCategory } from '../../db/commands/taxonomy'
import { requestTranslation, reviewTranslation, setLanguages, submitTranslation, translationQueue } from '../../db/commands/translations'
import { createConfirmedUser } from '../../db/commands/users'
import type { FakeMeilisearch } from '../../tests/fixtures/fake-meilisearch'
import { commandContext } from '../context'
import type { SearchDocument } from '../document'
import { toMeiliDocument } from './documents'
import { pendingCount } from './outbox'
import { Relay } from './relay'
import { fakeWithDb } from './testing'

let fake: FakeMeilisearch | undefined
afterEach(() => fake?.close())

/** What Meilisearch should hold: every document of the embedded index, as the relay sends it. */
const expected = (db: Db) =>
  (db.$client.prepare('select document from search_documents order by kind, ref_id').all() as Array<{ document: string }>)
    .map((row) => toMeiliDocument(JSON.parse(row.document) as SearchDocument))
    .sort((a, b) => a.uid.localeCompare(b.uid))

const held = (server: FakeMeilisearch) => server.documents('treffpunkt').sort((a, b) => String(a.uid).localeCompare(String(b.uid)))

/**
 * Every kind of command an editor, volunteer or coordinator runs reaches Meilisearch
 * through the outbox: after each, a relay round leaves the fake server holding exactly
 * the embedded index's documents.
 */
test('after every command the outbox carries the change, and Meilisearch holds what the embedded index holds', async () => {
  const setup: { fake: FakeMeilisearch; client: Meilisearch; db: Db } = await fakeWithDb()
  fake = setup.fake
  const { client, db } = setup
  const relay = new Relay({ client, index: 'treffpunkt', db, limits: { pollIntervalMs: 1 } })
  const clock = fakeClock('2026-12-02T09:00:00Z')
  const system = commandContext(db, null, clock)
  const user = async (email: string, role: 'volunteer' | 'coordinator', organisation?: string) => {
    const made = await createConfirmedUser(system, { email, name: email, password: 'Kastanien-Allee-Herbst-4', role, organisation, as: organisation ? 'owner' : undefined })
    if (!made.ok) throw new Error(JSON.stringify(made.errors))
    return () => commandContext(db, actorOf(db, made.value.userId), clock)
  }
  const editor = await user('editor@example.org', 'volunteer', 'beratung')
  const volunteer = await user('volunteer@example.org', 'volunteer')
  const coordinator = await user('coordinator@example.org', 'coordinator')
  const inSync = async () => {
    expect(pendingCount(db)).toBeGreaterThan(0)
    await relay.runOnce()
    expect(pendingCount(db)).toBe(0)
    expect(held(fake!)).toEqual(expected(db))
  }
  await relay.runOnce()

  const made = createPosting(editor(), 'beratung', 'publish', { type: 'need', category: 'language', 'title.de': 'Dolmetscher für Dari gesucht', 'body.de': 'Dienstags.', sourceLocale: 'de' })
  if (!made.ok) throw new Error(JSON.stringify(made.errors))
  const id = made.value.id
  await inSync()
  // The organisation is not verified: the posting waits for a coordinator.
  expect(held(fake).find((doc) => doc.id === id)).toMatchObject({ listed: false })
  expect(decide(coordinator(), { intent: 'approve', reason: 'Passt.', item: `posting:${id}` }).ok).toBe(true)
  await inSync()
  expect(held(fake).find((doc) => doc.id === id)).toMatchObject({ listed: true })

  expect(updatePosting(editor(), id, 'save', { type: 'need', category: 'language', 'title.de': 'Dolmetscherinnen für Dari gesucht', sourceLocale: 'de' }).ok).toBe(true)
  await inSync()

  expect(requestTranslation(editor(), id, 'ar').ok).toBe(true)
  expect(setLanguages(volunteer(), { writes: 'ar' }).ok).toBe(true)
  const [open] = translationQueue(db, volunteer().actor!)
  expect(submitTranslation(volunteer(), open.id, { title: 'مطلوب مترجمات للدرية' }).ok).toBe(true)
  expect(reviewTranslation(editor(), open.id, 'approve', { title: 'مطلوب مترجمات للدرية' }).ok).toBe(true)
  await inSync()

  expect(decide(coordinator(), { intent: 'hide', reason: 'Falsche Angaben.', item: `posting:${id}` }).ok).toBe(true)
  await inSync()
  expect(held(fake).find((doc) => doc.id === id)).toMatchObject({ listed: false })
  expect(decide(coordinator(), { intent: 'restore', reason: 'Berichtigt.', item: `posting:${id}` }).ok).toBe(true)
  await inSync()

  expect(updatePosting(editor(), id, 'withdraw', {}).ok).toBe(true)
  await inSync()
  expect(held(fake).find((doc) => doc.id === id)).toMatchObject({ listed: false })

  expect(decide(coordinator(), { intent: 'suspend', reason: 'Keine Beratungsstelle.', item: 'organisation:beratung' }).ok).toBe(true)
  await inSync()
  expect(held(fake).filter((doc) => doc.kind === 'organisation' && doc.id === 'beratung')).toMatchObject([{ listed: false }])

  expect(editCategory(coordinator(), categoryFromForm({ category: 'language', 'synonyms.de': 'Paukkurs', 'label.de': 'Sprache' })).ok).toBe(true)
  await inSync()
})
