import { describe, expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { indexAndRebuild } from '../../tests/search-index'
import { commandContext } from '../../search/context'
import { searchParams } from '../../search/engine'
import { createEmbeddedEngine } from '../../search/embedded/engine'
import { reindex } from '../../search/embedded/writer'
import { actorOf } from '../accounts/sessions'
import { writeTransaction, type Db } from '../client'
import { fakeClock } from '../clock'
import { importExchange } from '../exchange'
import { Forbidden } from '../permissions'
import { auditEntries, decisionForMember, moderationQueue, queueCount } from '../queries/moderation'
import { appeal, decide, decideMany, moderationDigest, report } from './moderation'
import { createConfirmedUser } from './users'
import { readEnv } from '../../app/lib/env.server'
import { jobs } from '../../server/jobs'

const password = 'Kastanien-Allee-Herbst-4'
const today = '2026-12-02'

/** The index after a command equals a rebuild from scratch (the write-path test's helper). */
function expectIndexCurrent(db: Db) {
  const { incremental, rebuilt } = indexAndRebuild(db)
  expect(incremental).toEqual(rebuilt)
}

async function setup() {
  const { db, dir } = testDatabase()
  // 08:00 in Berlin: the digest may go.
  const clock = fakeClock('2026-12-02T07:00:00Z')
  const system = commandContext(db, null, clock)
  expect(importExchange(system, sampleFile(), { today }).ok).toBe(true)
  const make = async (email: string, role: 'admin' | 'coordinator' | 'volunteer', locale: string, organisation?: string, as?: 'owner' | 'editor') => {
    const outcome = await createConfirmedUser(system, { email, name: email.split('@')[0], password, role, locale: locale as 'de', organisation, as })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return outcome.value.userId
  }
  const ids = {
    admin: await make('admin@example.org', 'admin', 'de'),
    coordinator: await make('coord@example.org', 'coordinator', 'tr'),
    owner: await make('owner@example.org', 'volunteer', 'ar', 'drk-lindenfeld', 'owner'),
    editor: await make('editor@example.org', 'volunteer', 'uk', 'drk-lindenfeld', 'editor'),
    stranger: await make('stranger@example.org', 'volunteer', 'de', 'asylkreis', 'owner'),
    volunteer: await make('volunteer@example.org', 'volunteer', 'fa'),
  }
  const as = (who: keyof typeof ids | null) => commandContext(db, who ? actorOf(db, ids[who]) : null, clock)
  const engine = createEmbeddedEngine(db)
  const found = async (q: string) => (await engine.search(searchParams.parse({ q }), today)).hits.map((hit) => hit.id)
  const mails = () => db.$client.prepare('select "to", locale, template, params from mail_outbox order by id').all() as Array<{ to: string; locale: string; template: string; params: string }>
  const count = (table: string) => (db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n
  const moderation = (id: string) => (db.$client.prepare('select moderation from postings where id = ?').get(id) as { moderation: string }).moderation
  const organisation = (id: string) => db.$client.prepare('select verified, suspended from organisations where id = ?').get(id)
  return { db, dir, clock, ids, as, found, mails, count, moderation, organisation }
}

describe('reports', () => {
  test('anyone reports a visible posting or organisation; the audit keeps no trace of who', async () => {
    const { as, db, count } = await setup()
    expect(report(as('volunteer'), { subjectType: 'posting', subjectId: 'p-001', reason: 'spam', note: '  Immer wieder dasselbe  ' })).toEqual({ ok: true, value: null })
    expect(report(as(null), { subjectType: 'organisation', subjectId: 'asylkreis', reason: 'outdated', note: '' }).ok).toBe(true)
    expect(db.$client.prepare('select subject_type, subject_id, reason, note from reports order by id').all()).toEqual([
      { subject_type: 'posting', subject_id: 'p-001', reason: 'spam', note: 'Immer wieder dasselbe' },
      { subject_type: 'organisation', subject_id: 'asylkreis', reason: 'outdated', note: null },
    ])
    expect(db.$client.prepare("select actor_id, reason from audit_log where action = 'moderation.report'").all()).toEqual([
      { actor_id: null, reason: 'spam' },
      { actor_id: null, reason: 'outdated' },
    ])
    expect(count('reports')).toBe(2)
  })

  test('a hidden or unknown item is not found; a rejected report stores nothing', async () => {
    const { as, db, count } = await setup()
    db.$client.prepare("update postings set moderation = 'hidden' where id = 'p-002'").run()
    expect(report(as(null), { subjectType: 'posting', subjectId: 'p-002', reason: 'spam' })).toEqual({ ok: false, errors: { subject: 'moderation:errors.notFound' } })
    expect(report(as(null), { subjectType: 'posting', subjectId: 'nope', reason: 'spam' })).toEqual({ ok: false, errors: { subject: 'moderation:errors.notFound' } })
    expect(report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'bogus' })).toEqual({ ok: false, errors: { reason: 'moderation:errors.reportReason' } })
    expect(report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'other', note: 'x'.repeat(2001) })).toEqual({ ok: false, errors: { note: 'moderation:errors.tooLong' } })
    expect(report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'other', note: 'a\u0000b' })).toEqual({ ok: false, errors: { note: 'moderation:errors.controlCharacter' } })
    expect(count('reports')).toBe(0)
    expect(count("audit_log where action = 'moderation.report'")).toBe(0)
  })
})

describe('decisions', () => {
  test('hide and restore a posting: visibility and search follow at once, as a rebuild would', async () => {
    const { as, db, found, moderation, mails } = await setup()
    report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'offensive', note: 'Beleidigend' })
    expect(await found('Deutschkurs')).toContain('p-001')
    const hidden = decide(as('coordinator'), { intent: 'hide', item: 'posting:p-001', reason: 'Der Text beleidigt eine Gruppe.' })
    expect(hidden.ok).toBe(true)
    expect(moderation('p-001')).toBe('hidden')
    expect(await found('Deutschkurs')).not.toContain('p-001')
    expectIndexCurrent(db)
    expect(db.$client.prepare('select resolved_at is not null resolved from reports').all()).toEqual([{ resolved: 1 }])
    expect(db.$client.prepare("select action, subject_type, subject_id, reason from audit_log where action like 'moderation.hide'").get()).toEqual({
      action: 'moderation.hide',
      subject_type: 'posting',
      subject_id: 'p-001',
      reason: 'Der Text beleidigt eine Gruppe.',
    })
    // Both members of the organisation, each in their own locale, with the reason and the link to answer.
    const id = hidden.ok ? hidden.value.decision : 0
    expect(mails().map((m) => ({ ...m, params: JSON.parse(m.params) }))).toEqual([
      { to: 'editor@example.org', locale: 'uk', template: 'decision.hide', params: { name: 'editor', item: 'Deutschkurs für Frauen', organisation: 'DRK-Kreisverband Lindenfeld e.V.', reason: 'Der Text beleidigt eine Gruppe.', path: `/uk/manage/decisions/${id}` } },
      { to: 'owner@example.org', locale: 'ar', template: 'decision.hide', params: { name: 'owner', item: 'دورة لغة ألمانية للنساء', organisation: 'DRK-Kreisverband Lindenfeld e.V.', reason: 'Der Text beleidigt eine Gruppe.', path: `/ar/manage/decisions/${id}` } },
    ])
    expect(decide(as('coordinator'), { intent: 'restore', item: 'posting:p-001', reason: 'Nach Prüfung in Ordnung.' }).ok).toBe(true)
    expect(moderation('p-001')).toBe('visible')
    expect(await found('Deutschkurs')).toContain('p-001')
    expectIndexCurrent(db)
  })

  test('suspend and unsuspend an organisation: it and its postings leave search and come back', async () => {
    const { as, db, found, organisation } = await setup()
    expect(decide(as('coordinator'), { intent: 'suspend', item: 'organisation:drk-lindenfeld', reason: 'Wiederholte Falschangaben.' }).ok).toBe(true)
    expect(organisation('drk-lindenfeld')).toEqual({ verified: 1, suspended: 1 })
    expect(await found('Deutschkurs')).not.toContain('p-001')
    expect(await found('DRK')).toEqual([])
    expectIndexCurrent(db)
    expect(decide(as('coordinator'), { intent: 'unsuspend', item: 'organisation:drk-lindenfeld', reason: 'Angaben berichtigt.' }).ok).toBe(true)
    expect(await found('Deutschkurs')).toContain('p-001')
    expectIndexCurrent(db)
  })

  test('verifying an organisation shows what it published while it waited; rejecting takes it off the board', async () => {
    const { as, db, found, moderation, organisation } = await setup()
    writeTransaction(db, (tx) => {
      tx.$client.prepare("update postings set moderation = 'pending' where id = 'p-002'").run()
      reindex(tx, { postings: ['p-002'] })
    })
    expect(await found('квартиру')).toEqual([])
    expect(decide(as('coordinator'), { intent: 'verify', item: 'organisation:asylkreis', reason: 'Bekannter Verein, Satzung liegt vor.' }).ok).toBe(true)
    expect(organisation('asylkreis')).toEqual({ verified: 1, suspended: 0 })
    expect(moderation('p-002')).toBe('visible')
    expect(await found('квартиру')).toEqual(['p-002'])
    expectIndexCurrent(db)
    expect(decide(as('coordinator'), { intent: 'reject', item: 'organisation:asylkreis', reason: 'Keine Organisation aus der Stadt.' }).ok).toBe(true)
    expect(organisation('asylkreis')).toEqual({ verified: 0, suspended: 1 })
    expect(await found('квартиру')).toEqual([])
    expect(await found('Asylkreis')).toEqual([])
    expectIndexCurrent(db)
  })

  test('approve a pending posting; dismiss reports without changing anything, and without mail', async () => {
    const { as, db, found, moderation, mails, count } = await setup()
    writeTransaction(db, (tx) => {
      tx.$client.prepare("update postings set moderation = 'pending' where id = 'p-002'").run()
      reindex(tx, { postings: ['p-002'] })
    })
    expect(decide(as('coordinator'), { intent: 'approve', item: 'posting:p-002', reason: 'Passt.' }).ok).toBe(true)
    expect(moderation('p-002')).toBe('visible')
    expect(await found('квартиру')).toEqual(['p-002'])
    expect(mails().map((m) => [m.to, m.template])).toEqual([['stranger@example.org', 'decision.approve']])
    report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'spam' })
    expect(decide(as('coordinator'), { intent: 'dismiss', item: 'posting:p-001', reason: 'Kein Spam.' }).ok).toBe(true)
    expect(moderation('p-001')).toBe('visible')
    expect(count('reports where resolved_at is null')).toBe(0)
    expect(mails()).toHaveLength(1)
    expectIndexCurrent(db)
  })

  test('several items at once in one transaction: all of them, or none when one is wrong', async () => {
    const { as, db, moderation, count } = await setup()
    db.$client.prepare("insert into postings (id, organisation_id, type, category_id, audiences, languages, title, body, status, source_locale) values ('p-003', 'drk-lindenfeld', 'offer', 'housing', '[]', '[]', '{\"de\":\"Zimmer frei\"}', '{}', 'published', 'de')").run()
    writeTransaction(db, (tx) => reindex(tx, { postings: ['p-003'] }))
    expect(decideMany(as('coordinator'), { intent: 'hide', reason: 'Werbung.', items: ['posting:p-001', 'posting:nope'] })).toEqual({ ok: false, errors: { item: 'moderation:errors.unknownItem' } })
    expect(decideMany(as('coordinator'), { intent: 'hide', reason: 'Werbung.', items: ['posting:p-001', 'organisation:asylkreis'] })).toEqual({ ok: false, errors: { intent: 'moderation:errors.intentNotForItem' } })
    expect(decideMany(as('coordinator'), { intent: 'hide', reason: 'Werbung.', items: ['posting:p-001', 'p-003'] })).toEqual({ ok: false, errors: { item: 'moderation:errors.item' } })
    expect(decideMany(as('coordinator'), { intent: 'hide', reason: 'Werbung.', items: [] })).toEqual({ ok: false, errors: { item: 'moderation:errors.noItems' } })
    expect(moderation('p-001')).toBe('visible')
    expect(count('moderation_decisions')).toBe(0)
    const both = decideMany(as('coordinator'), { intent: 'hide', reason: 'Werbung.', items: ['posting:p-001', 'posting:p-003', 'posting:p-001'] })
    expect(both.ok && both.value.decisions.length).toBe(2)
    expect([moderation('p-001'), moderation('p-003')]).toEqual(['hidden', 'hidden'])
    expectIndexCurrent(db)
  })

  test('only coordinators decide; rejected input stores nothing', async () => {
    const { as, count, moderation } = await setup()
    for (const who of [null, 'volunteer', 'owner', 'editor', 'admin'] as const) {
      expect(() => decide(as(who), { intent: 'hide', item: 'posting:p-001', reason: 'x' })).toThrow(Forbidden)
      expect(() => decideMany(as(who), { intent: 'hide', items: ['posting:p-001'], reason: 'x' })).toThrow(Forbidden)
    }
    const coordinator = as('coordinator')
    expect(decide(coordinator, { intent: 'hide', item: 'posting:p-001', reason: '   ' })).toEqual({ ok: false, errors: { reason: 'moderation:errors.reasonRequired' } })
    expect(decide(coordinator, { intent: 'hide', item: 'posting:p-001' })).toEqual({ ok: false, errors: { reason: 'moderation:errors.reasonRequired' } })
    expect(decide(coordinator, { intent: 'delete', item: 'posting:p-001', reason: 'x' })).toEqual({ ok: false, errors: { intent: 'moderation:errors.intent' } })
    expect(decide(coordinator, { intent: 'verify', item: 'posting:p-001', reason: 'x' })).toEqual({ ok: false, errors: { intent: 'moderation:errors.intentNotForItem' } })
    expect(decide(coordinator, { intent: 'hide', item: 'posting:nope', reason: 'x' })).toEqual({ ok: false, errors: { item: 'moderation:errors.unknownItem' } })
    expect(decide(coordinator, { intent: 'hide', item: 'user:x', reason: 'x' })).toEqual({ ok: false, errors: { item: 'moderation:errors.item' } })
    expect(decide(coordinator, { intent: 'hide', item: 'posting:p-001', reason: 'x'.repeat(2001) })).toEqual({ ok: false, errors: { reason: 'moderation:errors.tooLong' } })
    expect(count('moderation_decisions')).toBe(0)
    expect(count("audit_log where action like 'moderation.%'")).toBe(0)
    expect(count('mail_outbox')).toBe(0)
    expect(moderation('p-001')).toBe('visible')
  })
})

describe('appeals', () => {
  test('a member answers a decision once; the item returns to the queue until a coordinator decides again', async () => {
    const { as, ids, db, count } = await setup()
    const outcome = decide(as('coordinator'), { intent: 'hide', item: 'posting:p-001', reason: 'Veraltet.' })
    const id = String(outcome.ok ? outcome.value.decision : 0)
    expect(queueCount(db, actorOf(db, ids.coordinator))).toBe(1) // asylkreis waits for verification
    // Nobody else sees or answers it, whatever the id.
    for (const who of ['stranger', 'coordinator', 'admin', 'volunteer', null] as const) {
      expect(() => appeal(as(who), id, { appeal: 'Bitte noch einmal prüfen.' })).toThrow(Forbidden)
      expect(() => decisionForMember(db, who ? actorOf(db, ids[who]) : null, id)).toThrow(Forbidden)
    }
    expect(() => appeal(as('owner'), '999', { appeal: 'x' })).toThrow(Forbidden)
    expect(() => appeal(as('owner'), 'abc', { appeal: 'x' })).toThrow(Forbidden)
    expect(decisionForMember(db, actorOf(db, ids.editor), id)).toMatchObject({ action: 'hide', reason: 'Veraltet.', appeal: null, organisation: { id: 'drk-lindenfeld' } })
    expect(appeal(as('editor'), id, { appeal: '  ' })).toEqual({ ok: false, errors: { appeal: 'moderation:errors.appealRequired' } })
    expect(appeal(as('editor'), id, { appeal: 'Der Kurs läuft weiter, bis Juni.' })).toEqual({ ok: true, value: null })
    expect(appeal(as('owner'), id, { appeal: 'Noch einmal.' })).toEqual({ ok: false, errors: { appeal: 'moderation:errors.alreadyAppealed' } })
    const queue = moderationQueue(db, actorOf(db, ids.coordinator))
    expect(queue.find((item) => item.subjectId === 'p-001')?.appeal).toMatchObject({ decisionId: Number(id), text: 'Der Kurs läuft weiter, bis Juni.' })
    expect(count("audit_log where action = 'moderation.appeal' and reason is null")).toBe(1)
    expect(decide(as('coordinator'), { intent: 'restore', item: 'posting:p-001', reason: 'Widerspruch berechtigt.' }).ok).toBe(true)
    expect(moderationQueue(db, actorOf(db, ids.coordinator)).map((item) => item.subjectId)).toEqual(['asylkreis'])
    expect(decisionForMember(db, actorOf(db, ids.owner), id).appealResolvedAt).not.toBeNull()
  })
  test('leaving an appealed item unchanged tells its members that the decision stands', async () => {
    const { as, mails, moderation } = await setup()
    const outcome = decide(as('coordinator'), { intent: 'hide', item: 'posting:p-001', reason: 'Veraltet.' })
    const id = String(outcome.ok ? outcome.value.decision : 0)
    appeal(as('owner'), id, { appeal: 'Stimmt nicht.' })
    expect(decide(as('coordinator'), { intent: 'dismiss', item: 'posting:p-001', reason: 'Die Sprechzeiten sind weiter falsch.' }).ok).toBe(true)
    expect(moderation('p-001')).toBe('hidden')
    expect(mails().slice(2).map((m) => [m.to, m.template, JSON.parse(m.params).reason])).toEqual([
      ['editor@example.org', 'decision.dismiss', 'Die Sprechzeiten sind weiter falsch.'],
      ['owner@example.org', 'decision.dismiss', 'Die Sprechzeiten sind weiter falsch.'],
    ])
  })
})

describe('the queue and the audit log', () => {
  test('oldest first, reports grouped by item with their reasons and notes; coordinators only', async () => {
    const { as, ids, db, clock } = await setup()
    db.$client.prepare("update organisations set created_at = '2026-12-01T10:00:00.000Z'").run()
    report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'spam', note: 'Werbung' })
    clock.advance(60_000)
    report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'spam' })
    report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'outdated', note: 'Kurs ist vorbei' })
    const queue = moderationQueue(db, actorOf(db, ids.coordinator))
    // asylkreis (not verified since the day before the reports) waits longest.
    expect(queue.map((item) => [item.subjectType, item.subjectId, item.unverified])).toEqual([
      ['organisation', 'asylkreis', true],
      ['posting', 'p-001', false],
    ])
    expect(queue[1].reports).toEqual({ count: 3, reasons: { spam: 2, outdated: 1 }, notes: ['Werbung', 'Kurs ist vorbei'] })
    expect(queue[1].posting?.title.de).toBe('Deutschkurs für Frauen')
    expect(queueCount(db, actorOf(db, ids.coordinator))).toBe(2)
    for (const who of ['admin', 'owner', 'volunteer'] as const) expect(() => moderationQueue(db, actorOf(db, ids[who]))).toThrow(Forbidden)
    expect(() => queueCount(db, null)).toThrow(Forbidden)
  })

  test('the audit log: newest first, by item and by person, one page at a time; coordinators only', async () => {
    const { as, ids, db, clock } = await setup()
    decide(as('coordinator'), { intent: 'hide', item: 'posting:p-001', reason: 'Eins.' })
    clock.advance(1000)
    decide(as('coordinator'), { intent: 'restore', item: 'posting:p-001', reason: 'Zwei.' })
    const coordinator = actorOf(db, ids.coordinator)
    const byItem = auditEntries(db, coordinator, { subject: 'posting:p-001' }, { offset: 0, limit: 20 })
    expect(byItem.rows.filter((row) => row.action.startsWith('moderation.')).map((row) => [row.action, row.reason, row.actorEmail])).toEqual([
      ['moderation.restore', 'Zwei.', 'coord@example.org'],
      ['moderation.hide', 'Eins.', 'coord@example.org'],
    ])
    const byPerson = auditEntries(db, coordinator, { person: 'COORD@example.org' }, { offset: 0, limit: 1 })
    expect(byPerson.total).toBe(2)
    expect(byPerson.rows.map((row) => row.action)).toEqual(['moderation.restore'])
    expect(auditEntries(db, coordinator, { person: ids.coordinator }, { offset: 1, limit: 1 }).rows.map((row) => row.action)).toEqual(['moderation.hide'])
    expect(() => auditEntries(db, actorOf(db, ids.admin), {}, { offset: 0, limit: 20 })).toThrow(Forbidden)
  })
})

describe('the daily digest', () => {
  test('one e-mail per coordinator in their locale when something waits, once a day, not before seven', async () => {
    const { db, clock, mails, as } = await setup()
    report(as(null), { subjectType: 'posting', subjectId: 'p-001', reason: 'spam' })
    clock.set('2026-12-03T05:30:00Z') // 06:30 in Berlin
    expect(moderationDigest(commandContext(db, null, clock))).toEqual({ sent: 0 })
    clock.set('2026-12-03T06:00:00Z')
    expect(moderationDigest(commandContext(db, null, clock))).toEqual({ sent: 1 })
    expect(mails().map((m) => ({ ...m, params: JSON.parse(m.params) }))).toEqual([
      { to: 'coord@example.org', locale: 'tr', template: 'moderationDigest', params: { name: 'coord', total: '2', reports: '1', pending: '0', unverified: '1', appeals: '0', path: '/tr/moderation' } },
    ])
    clock.advance(3_600_000)
    expect(moderationDigest(commandContext(db, null, clock))).toEqual({ sent: 0 })
    clock.set('2026-12-04T06:00:00Z')
    expect(moderationDigest(commandContext(db, null, clock))).toEqual({ sent: 1 })
  })

  test('runs as the daily job at seven in Berlin', async () => {
    const { db, clock, dir, mails } = await setup()
    const env = readEnv({ DATABASE_PATH: `${dir}/x.db`, OUTBOX_DIR: `${dir}/outbox` })
    const job = jobs(env, db, clock).find((j) => j.name === 'moderationDigest')!
    expect(job.schedule).toBe('0 7 * * *')
    clock.set('2026-12-03T06:00:00Z')
    expect(await job.run()).toEqual({ sent: 1 })
    expect(mails().map((m) => m.template)).toEqual(['moderationDigest'])
  })

  test('nothing when the queue is empty', async () => {
    const { db, clock, mails, as } = await setup()
    decide(as('coordinator'), { intent: 'verify', item: 'organisation:asylkreis', reason: 'Geprüft.' })
    db.$client.prepare('delete from mail_outbox').run()
    clock.set('2026-12-03T06:00:00Z')
    expect(moderationDigest(commandContext(db, null, clock))).toEqual({ sent: 0 })
    expect(mails()).toEqual([])
  })
})
