import { describe, expect, test } from 'vitest'
import { groupValues, leadSetup, today } from '../../tests/fixtures/lead'
import { indexAndRebuild } from '../../tests/search-index'
import { searchParams, type SearchInput } from '../../search/engine'
import { createEmbeddedEngine } from '../../search/embedded/engine'
import { Forbidden } from '../permissions'
import { addExtraDate, cancelSession, createGroup, groupForLead, groupsManagedBy, pastSessions, updateGroup, upcomingSessions } from './groups'

const cafe = {
  kind: 'begegnungscafe',
  'name.de': 'Café am Bahnhof',
  'name.ar': 'مقهى المحطة',
  'description.de': 'Kaffee, Tee und Gespräche.',
  place: 'Bahnhofstraße 4',
  district: 'weststadt',
  languages: 'de,ar,uk',
  open: 'false',
  capacity: '3',
  minimum: '2',
  'schedule.frequency': 'monthly',
  'schedule.weekday': 'thu',
  'schedule.week': '-1',
  'schedule.start': '9:30',
  'schedule.end': '11.30',
  'schedule.from': '',
  'schedule.except': '31.12.2026\n2027-02-25, 2027-02-25',
}

function search(db: Parameters<typeof createEmbeddedEngine>[0]) {
  const engine = createEmbeddedEngine(db)
  return (input: SearchInput) => (engine.search(searchParams.parse(input), today) as Awaited<ReturnType<typeof engine.search>>).hits.map((hit) => hit.id)
}

describe('creating and editing groups', () => {
  test('a coordinator creates a café: its id comes from the German name, it is searchable at once, the schedule is complete', async () => {
    const { db, as, audits } = await leadSetup()
    expect(createGroup(as('coordinator'), cafe)).toEqual({ ok: true, value: { id: 'cafe-am-bahnhof' } })
    const row = groupForLead(db, as('coordinator').actor, 'cafe-am-bahnhof')!
    expect(row).toMatchObject({ kind: 'begegnungscafe', open: false, capacity: 3, minimum: 2, districtId: 'weststadt', languages: ['de', 'ar', 'uk'], state: 'active' })
    expect(row.schedule).toEqual({ frequency: 'monthly', weekday: 'thu', week: -1, start: '09:30', end: '11:30', from: today, except: ['2026-12-31', '2027-02-25'] })
    expect(search(db)({ q: 'Bahnhof', kind: ['group'] })).toEqual(['cafe-am-bahnhof'])
    expect(search(db)({ q: 'مقهى المحطة', kind: ['group'] })).toContain('cafe-am-bahnhof')
    expect(createGroup(as('coordinator'), cafe)).toEqual({ ok: true, value: { id: 'cafe-am-bahnhof-2' } })
    expect(audits('group.create').map((a) => a.subject)).toEqual(['cafe-am-bahnhof', 'cafe-am-bahnhof-2'])
    const { incremental, rebuilt } = indexAndRebuild(db)
    expect(incremental).toEqual(rebuilt)
  })

  test('a weekly anchor moves to the meeting weekday; without one, the stored anchor stays', async () => {
    const { db, as } = await leadSetup()
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.from': '2026-12-03' })).ok).toBe(true)
    expect(groupForLead(db, as('leadA').actor, 'ak-sprache')!.schedule!.from).toBe('2026-12-08')
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.from': '' })).ok).toBe(true)
    expect(groupForLead(db, as('leadA').actor, 'ak-sprache')!.schedule!.from).toBe('2026-12-08')
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.from': '', 'schedule.weekday': 'thu' })).ok).toBe(true)
    expect(groupForLead(db, as('leadA').actor, 'ak-sprache')!.schedule!.from).toBe('2026-12-03')
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.frequency': 'none' })).ok).toBe(true)
    expect(groupForLead(db, as('leadA').actor, 'ak-sprache')!.schedule).toBeNull()
  })

  test('the form sets whether sign-up needs a check before work with children (a checkbox: absent is no)', async () => {
    const { db, as } = await leadSetup()
    const requires = () => db.$client.prepare("select requires_check as r from working_groups where id = 'ak-sprache'").get()
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ requiresCheck: 'on' })).ok).toBe(true)
    expect(requires()).toEqual({ r: 1 })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ requiresCheck: 'yes' }))).toEqual({ ok: false, errors: { requiresCheck: 'editor:errors.invalid' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues()).ok).toBe(true)
    expect(requires()).toEqual({ r: 0 })
  })

  test('a lead edits their group and is found under the new name; nobody else may', async () => {
    const { db, as } = await leadSetup()
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'name.de': 'Sprachpatenschaften Oststadt' }))).toEqual({ ok: true, value: { cancelled: 0 } })
    expect(search(db)({ q: 'Sprachpatenschaften', kind: ['group'] })).toEqual(['ak-sprache'])
    // A lead of group A cannot manage group B; a volunteer nothing; only coordinators create.
    expect(() => updateGroup(as('leadA'), 'cafe-ost', groupValues())).toThrow(Forbidden)
    expect(() => updateGroup(as('leadB'), 'ak-sprache', groupValues())).toThrow(Forbidden)
    expect(() => createGroup(as('leadA'), cafe)).toThrow(Forbidden)
    for (const act of [
      () => updateGroup(as('volunteer'), 'ak-sprache', groupValues()),
      () => createGroup(as('volunteer'), cafe),
      () => cancelSession(as('volunteer'), 'ak-sprache', '2026-12-08', 'Krank'),
      () => addExtraDate(as('volunteer'), 'ak-sprache', '2026-12-10', '15:00', '17:00'),
      () => upcomingSessions(db, as('volunteer').actor, 'ak-sprache', today),
      () => pastSessions(db, as('volunteer').actor, 'ak-sprache', new Date()),
      () => groupForLead(db, as('volunteer').actor, 'ak-sprache'),
      () => cancelSession(as('leadB'), 'ak-sprache', '2026-12-08', 'Krank'),
      () => addExtraDate(as('leadA'), 'cafe-ost', '2026-12-10', '15:00', '17:00'),
    ]) {
      expect(act).toThrow(Forbidden)
    }
    expect(groupsManagedBy(db, as('leadA').actor!).map((g) => g.id)).toEqual(['ak-sprache'])
    expect(groupsManagedBy(db, as('volunteer').actor!)).toEqual([])
    expect(groupsManagedBy(db, as('coordinator').actor!).map((g) => g.id).sort()).toEqual(['ak-sprache', 'cafe-ost'])
  })

  test('a rejected form names each wrong field and stores nothing', async () => {
    const { db, as } = await leadSetup()
    const before = db.$client.prepare('select * from working_groups order by id').all()
    const outcome = updateGroup(
      as('leadA'),
      'ak-sprache',
      groupValues({ kind: 'verein', 'name.de': '', 'name.ar': 'x\u0000', open: 'maybe', capacity: '-3', languages: 'de,klingon', 'schedule.weekday': 'someday' }),
    )
    expect(outcome).toEqual({
      ok: false,
      errors: {
        kind: 'volunteering:lead.errors.kind',
        'name.de': 'volunteering:lead.errors.nameDe',
        'name.ar': 'editor:errors.controlCharacter',
        open: 'volunteering:lead.errors.open',
        capacity: 'volunteering:lead.errors.count',
        languages: 'editor:errors.invalid',
        'schedule.weekday': 'volunteering:lead.errors.weekday',
      },
    })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'name.de': '', 'name.en': 'Language group' }))).toEqual({ ok: false, errors: { 'name.de': 'volunteering:lead.errors.nameDe' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.end': '14:00' }))).toEqual({ ok: false, errors: { 'schedule.end': 'editor:errors.toBeforeFrom' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.start': '25:00' }))).toEqual({ ok: false, errors: { 'schedule.start': 'editor:errors.time' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.frequency': 'monthly' }))).toEqual({ ok: false, errors: { 'schedule.week': 'volunteering:lead.errors.week' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.except': '2026-12-29, Weihnachten' }))).toEqual({ ok: false, errors: { 'schedule.except': 'volunteering:lead.errors.except' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.from': '2026-02-30' }))).toEqual({ ok: false, errors: { 'schedule.from': 'editor:errors.date' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ minimum: '30' }))).toEqual({ ok: false, errors: { minimum: 'volunteering:lead.errors.minimum' } })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ district: 'atlantis' }))).toEqual({ ok: false, errors: { district: 'editor:errors.invalid' } })
    expect(createGroup(as('coordinator'), { ...cafe, 'name.de': '' })).toEqual({ ok: false, errors: { 'name.de': 'volunteering:lead.errors.nameDe' } })
    expect(createGroup(as('coordinator'), {})).toMatchObject({ ok: false })
    expect(db.$client.prepare('select * from working_groups order by id').all()).toEqual(before)
    expect(db.$client.prepare("select count(*) n from audit_log where action like 'group.%' and action != 'group.addLead'").get()).toEqual({ n: 0 })
  })
})

describe('sessions', () => {
  test('a schedule change cancels with notice exactly the coming sessions whose dates left the rule', async () => {
    const { as, session, sessionRow, mails, audits } = await leadSetup()
    session('ak-sprache', '2026-11-24', { amal: 'confirmed' })
    session('ak-sprache', '2026-12-08', { amal: 'confirmed', olena: 'waiting' })
    session('ak-sprache', '2026-12-15', { amal: 'confirmed', olena: 'offered', volunteer: 'cancelled' })
    session('ak-sprache', '2026-12-22', { volunteer: 'waiting' })
    session('ak-sprache', '2027-01-12', {})
    session('ak-sprache', '2026-12-10', { olena: 'confirmed' }, true)
    // Every two weeks from 8 December, not on 22 December, an hour later.
    const outcome = updateGroup(
      as('leadA'),
      'ak-sprache',
      groupValues({ 'schedule.frequency': 'biweekly', 'schedule.from': '2026-12-08', 'schedule.except': '2026-12-22', 'schedule.start': '16:00', 'schedule.end': '18:00' }),
    )
    expect(outcome).toEqual({ ok: true, value: { cancelled: 2 } })
    expect(sessionRow('ak-sprache', '2026-11-24')).toMatchObject({ cancelledAt: null, start: '15:00' })
    expect(sessionRow('ak-sprache', '2026-12-08')).toMatchObject({ cancelledAt: null, start: '16:00', end: '18:00' })
    expect(sessionRow('ak-sprache', '2026-12-10')).toMatchObject({ cancelledAt: null, extra: 1 })
    expect(sessionRow('ak-sprache', '2026-12-15')).toMatchObject({ cancelledAt: '2026-12-02T09:00:00.000Z', reason: null })
    expect(sessionRow('ak-sprache', '2026-12-22')).toMatchObject({ cancelledAt: '2026-12-02T09:00:00.000Z' })
    // 12 January has no sign-ups but left the rule too: it is cancelled, silently.
    expect(sessionRow('ak-sprache', '2027-01-12')!.cancelledAt).not.toBeNull()
    const sent = mails().map((m) => ({ to: m.to, locale: m.locale, template: m.template, date: JSON.parse(m.params).date, time: JSON.parse(m.params).time }))
    expect(sent).toEqual([
      { to: 'amal@example.org', locale: 'ar', template: 'lead.sessionTimeChanged', date: expect.stringContaining('2026'), time: '16:00–18:00' },
      { to: 'olena@example.org', locale: 'uk', template: 'lead.sessionTimeChanged', date: '8 грудня 2026 р.', time: '16:00–18:00' },
      { to: 'amal@example.org', locale: 'ar', template: 'lead.sessionDropped', date: expect.stringContaining('2026'), time: '15:00–17:00' },
      { to: 'olena@example.org', locale: 'uk', template: 'lead.sessionDropped', date: '15 грудня 2026 р.', time: '15:00–17:00' },
      { to: 'volunteer@example.org', locale: 'fa', template: 'lead.sessionDropped', date: expect.any(String), time: '15:00–17:00' },
    ])
    expect(audits('group.cancelSession').map((a) => a.reason)).toEqual(['2026-12-15', '2026-12-22', '2027-01-12'])
  })

  test('with a reason, the sessions the new schedule drops are cancelled with that reason', async () => {
    const { as, session, sessionRow, mails } = await leadSetup()
    session('ak-sprache', '2026-12-08', { amal: 'confirmed' })
    expect(updateGroup(as('leadA'), 'ak-sprache', groupValues({ 'schedule.weekday': 'wed', reason: 'Der Raum ist dienstags belegt.' })).ok).toBe(true)
    expect(sessionRow('ak-sprache', '2026-12-08')!.reason).toBe('Der Raum ist dienstags belegt.')
    expect(mails()).toMatchObject([{ to: 'amal@example.org', template: 'lead.sessionCancelled' }])
    expect(JSON.parse(mails()[0].params)).toMatchObject({ reason: 'Der Raum ist dienstags belegt.', path: '/ar/groups/ak-sprache/sessions/2026-12-08', group: 'مجموعة عمل اللغة' })
  })

  test('a lead cancels one meeting with a reason: everyone holding or waiting for a place is told in their language', async () => {
    const { as, session, sessionRow, mails } = await leadSetup()
    session('ak-sprache', '2026-12-15', { amal: 'confirmed', olena: 'waiting', leadB: 'offered', volunteer: 'cancelled' })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-12-15', 'Die Leiterin ist krank.')).toEqual({ ok: true, value: { told: 3 } })
    expect(sessionRow('ak-sprache', '2026-12-15')).toMatchObject({ reason: 'Die Leiterin ist krank.', cancelledAt: expect.any(String) })
    expect(mails().map((m) => [m.to, m.locale, m.template])).toEqual([
      ['amal@example.org', 'ar', 'lead.sessionCancelled'],
      ['olena@example.org', 'uk', 'lead.sessionCancelled'],
      ['lead-b@example.org', 'uk', 'lead.sessionCancelled'],
    ])
    // A meeting day without a row gets one; a day without a meeting, a past day and a second cancel are refused.
    expect(cancelSession(as('coordinator'), 'ak-sprache', '2026-12-08', 'Streik')).toEqual({ ok: true, value: { told: 0 } })
    expect(sessionRow('ak-sprache', '2026-12-08')).toMatchObject({ start: '15:00', end: '17:00', extra: 0, reason: 'Streik' })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-12-09', 'x')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.noMeeting' } })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-12-29', 'x')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.noMeeting' } })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-11-24', 'x')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.past' } })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-12-15', 'x')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.alreadyCancelled' } })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-12-22', '')).toEqual({ ok: false, errors: { reason: 'editor:errors.required' } })
    expect(cancelSession(as('leadA'), 'ak-sprache', 'nächste Woche', 'x')).toEqual({ ok: false, errors: { date: 'editor:errors.date' } })
    expect(sessionRow('ak-sprache', '2026-12-22')).toBeUndefined()
  })

  test('an extra date is a row of its own; the plan lists it with cancelled meetings marked', async () => {
    const { db, as, session, sessionRow } = await leadSetup()
    expect(addExtraDate(as('leadA'), 'ak-sprache', '2026-12-29', '10:00', '12:00')).toEqual({ ok: true, value: null })
    expect(sessionRow('ak-sprache', '2026-12-29')).toMatchObject({ extra: 1, start: '10:00', end: '12:00', cancelledAt: null })
    expect(addExtraDate(as('leadA'), 'ak-sprache', '2026-12-29', '10:00', '12:00')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.dateTaken' } })
    expect(addExtraDate(as('leadA'), 'ak-sprache', '2026-12-08', '10:00', '12:00')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.dateTaken' } })
    expect(addExtraDate(as('leadA'), 'ak-sprache', '2026-12-01', '10:00', '12:00')).toEqual({ ok: false, errors: { date: 'volunteering:lead.errors.past' } })
    expect(addExtraDate(as('leadA'), 'ak-sprache', '2026-12-31', '12:00', '10:00')).toEqual({ ok: false, errors: { end: 'editor:errors.toBeforeFrom' } })
    session('ak-sprache', '2026-12-08', { amal: 'confirmed', olena: 'waiting' })
    expect(cancelSession(as('leadA'), 'ak-sprache', '2026-12-15', 'Ferien').ok).toBe(true)
    const plan = upcomingSessions(db, as('leadA').actor, 'ak-sprache', today, 4)
    expect(plan.map((s) => [s.date, s.extra, s.cancelled, s.confirmed, s.waiting])).toEqual([
      ['2026-12-08', false, false, 1, 1],
      ['2026-12-15', false, true, 0, 0],
      ['2026-12-22', false, false, 0, 0],
      ['2026-12-29', true, false, 0, 0],
      ['2027-01-05', false, false, 0, 0],
    ])
  })
})
