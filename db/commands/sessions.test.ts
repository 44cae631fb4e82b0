import { fork } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../../search/context'
import { exportPerson } from '../accounts/export'
import { actorOf } from '../accounts/sessions'
import { fakeClock, hour, minute } from '../clock'
import { importExchange } from '../exchange'
import { Forbidden } from '../permissions'
import { groupForSessions, signupOf } from '../queries/sessions'
import {
  cancelByToken,
  cancelSignup,
  joinGroup,
  leaveGroup,
  passExpiredOffers,
  remindTomorrow,
  sessionsOf,
  signUp,
  takeOffer,
  understaffedAlerts,
  type Place,
} from './sessions'
import { deleteAccount } from './accounts'
import { createConfirmedUser } from './users'

const password = 'Kastanien-Allee-Herbst-4'
const weekly = (weekday: string, start: string, end: string, from: string, except: string[] = []) => ({ frequency: 'weekly', weekday, start, end, from, except })

/** Three groups besides the sample's: a small café, a group that needs approval, a Sunday café with one place. */
function file() {
  const sample = sampleFile()
  sample.workingGroups.push(
    { id: 'cafe-klein', kind: 'begegnungscafe', name: { de: 'Kleines Café', ar: 'المقهى الصغير' }, schedule: weekly('tue', '15:00', '17:00', '2026-09-01', ['2026-12-15']), capacity: 2, open: true } as never,
    { id: 'ak-zu', kind: 'arbeitskreis', name: { de: 'Arbeitskreis Begleitung', uk: 'Гурток супроводу' }, schedule: weekly('thu', '18:00', '20:00', '2026-09-03'), open: false } as never,
    { id: 'cafe-sonntag', kind: 'begegnungscafe', name: { de: 'Sonntagscafé' }, schedule: weekly('sun', '15:00', '17:00', '2026-09-06'), capacity: 1, open: true } as never,
  )
  return sample
}

async function setup(now = '2026-12-02T09:00:00Z') {
  const { db, file: dbFile } = testDatabase()
  const clock = fakeClock(now)
  const system = commandContext(db, null, clock)
  expect(importExchange(system, file(), { today: '2026-12-02' }).ok).toBe(true)
  const make = async (name: string, locale: 'de' | 'ar' | 'uk' | 'fa') => {
    const outcome = await createConfirmedUser(system, { email: `${name}@example.org`, name, password, role: 'volunteer', locale })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return outcome.value.userId
  }
  const ids = { ana: await make('ana', 'ar'), ben: await make('ben', 'de'), cem: await make('cem', 'uk'), dua: await make('dua', 'fa'), lea: await make('lea', 'uk') }
  db.$client.prepare("insert into group_members (group_id, user_id, role, state) values ('ak-zu', ?, 'lead', 'active'), ('cafe-klein', ?, 'lead', 'active')").run(ids.lea, ids.lea)
  const as = (who: keyof typeof ids) => commandContext(db, actorOf(db, ids[who]), clock)
  const mails = () =>
    (db.$client.prepare('select "to", locale, template, params from mail_outbox order by id').all() as Array<{ to: string; locale: string; template: string; params: string }>).map((m) => ({ ...m, params: JSON.parse(m.params) as Record<string, string> }))
  const mailsOf = (template: string) => mails().filter((m) => m.template === template)
  const tokenOf = (mail: { params: Record<string, string> }) => mail.params.path.split('/').pop()!
  const state = (who: keyof typeof ids, group: string, date: string) => signupOf(db, group, date, ids[who])
  const session = (group: string, date: string) => sessionsOf(db, groupForSessions(db, group)!, date, date)[0]
  return { db, dbFile, clock, ids, as, system, mails, mailsOf, tokenOf, state, session }
}

const placed = (outcome: { ok: boolean; value?: Place }) => (outcome.ok ? outcome.value : outcome)

// The suite runs under TZ=UTC and again under TZ=Asia/Kabul (package.json `test:unit`).
describe(`sessions (process time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
  test('an open group takes a person at once; one by approval asks its leads, each in their language', async () => {
    const { as, db, ids, system, mailsOf } = await setup()
    expect(joinGroup(as('ana'), 'cafe-klein')).toEqual({ ok: true, value: { state: 'active' } })
    expect(joinGroup(as('ana'), 'ak-zu')).toEqual({ ok: true, value: { state: 'requested' } })
    expect(joinGroup(as('ana'), 'ak-zu')).toEqual({ ok: true, value: { state: 'requested' } })
    const asked = mailsOf('sessions.joinRequest')
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatchObject({ to: 'lea@example.org', locale: 'uk', params: { person: 'ana', group: 'Гурток супроводу', path: '/uk/manage/groups/ak-zu' } })
    // No lead: no mail, and the request still stands.
    db.$client.prepare("update working_groups set open = 0 where id = 'cafe-ost'").run()
    expect(joinGroup(as('ben'), 'cafe-ost')).toEqual({ ok: true, value: { state: 'requested' } })
    expect(mailsOf('sessions.joinRequest')).toHaveLength(1)
    db.$client.prepare("update working_groups set state = 'closed' where id = 'ak-sprache'").run()
    expect(joinGroup(as('ben'), 'ak-sprache')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.groupClosed' } })
    expect(() => joinGroup(system, 'cafe-klein')).toThrow(Forbidden)
    expect(leaveGroup(as('ana'), 'ak-zu')).toEqual({ ok: true, value: null })
    expect(leaveGroup(as('ana'), 'ak-zu').ok).toBe(false)
    expect(db.$client.prepare('select group_id as g, state from group_members where user_id = ?').all(ids.ana)).toEqual([{ g: 'cafe-klein', state: 'active' }])
  })

  test('only members sign up for a group by approval; anyone signed in for an open one (and joins)', async () => {
    const { as, db, ids, system } = await setup()
    expect(() => signUp(as('ben'), 'ak-zu', '2026-12-03')).toThrow(Forbidden)
    joinGroup(as('ben'), 'ak-zu')
    // Asked, not yet approved.
    expect(() => signUp(as('ben'), 'ak-zu', '2026-12-03')).toThrow(Forbidden)
    expect(() => signUp(system, 'cafe-klein', '2026-12-08')).toThrow(Forbidden)
    db.$client.prepare("update group_members set state = 'active' where user_id = ?").run(ids.ben)
    expect(placed(signUp(as('ben'), 'ak-zu', '2026-12-03'))).toEqual({ state: 'confirmed', position: null })
    expect(placed(signUp(as('cem'), 'cafe-klein', '2026-12-08'))).toEqual({ state: 'confirmed', position: null })
    expect(db.$client.prepare("select state from group_members where group_id = 'cafe-klein' and user_id = ?").get(ids.cem)).toEqual({ state: 'active' })
  })

  test('only real, coming, uncancelled sessions take sign-ups', async () => {
    const { as, db } = await setup()
    const refused = (date: string) => signUp(as('ana'), 'cafe-klein', date)
    expect(refused('2026-12-09')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.noSession' } })
    expect(refused('2026-12-15')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.noSession' } })
    expect(refused('2026-12-1')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.noSession' } })
    expect(refused('2026-12-01')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.sessionBegun' } })
    db.$client.prepare("insert into group_sessions (group_id, date, start, \"end\", cancelled_at, cancel_reason) values ('cafe-klein', '2026-12-22', '15:00', '17:00', '2026-12-01T10:00:00Z', 'Weihnachten')").run()
    expect(refused('2026-12-22')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.sessionCancelled' } })
    // A refused sign-up leaves no membership behind.
    expect(db.$client.prepare("select count(*) n from group_members where group_id = 'cafe-klein'").get()).toEqual({ n: 1 })
    db.$client.prepare("insert into group_sessions (group_id, date, start, \"end\", extra, capacity) values ('cafe-klein', '2026-12-19', '10:00', '12:00', 1, 5)").run()
    expect(placed(signUp(as('ana'), 'cafe-klein', '2026-12-19'))).toEqual({ state: 'confirmed', position: null })
  })

  test('a list of sessions merges the schedule with extra and cancelled dates, with places taken and waiting', async () => {
    const { as, db, session } = await setup()
    db.$client.prepare("insert into group_sessions (group_id, date, start, \"end\", cancelled_at, cancel_reason) values ('cafe-klein', '2026-12-22', '15:00', '17:00', '2026-12-01T10:00:00Z', 'Weihnachten')").run()
    db.$client.prepare("insert into group_sessions (group_id, date, start, \"end\", extra, capacity) values ('cafe-klein', '2026-12-19', '10:00', '12:00', 1, 5)").run()
    for (const who of ['ana', 'ben', 'cem'] as const) signUp(as(who), 'cafe-klein', '2026-12-08')
    const list = sessionsOf(db, groupForSessions(db, 'cafe-klein')!, '2026-12-07', '2026-12-31')
    expect(list.map(({ date, start, capacity, taken, waiting, cancelled }) => ({ date, start, capacity, taken, waiting, cancelled }))).toEqual([
      { date: '2026-12-08', start: '15:00', capacity: 2, taken: 2, waiting: 1, cancelled: false },
      { date: '2026-12-19', start: '10:00', capacity: 5, taken: 0, waiting: 0, cancelled: false },
      { date: '2026-12-22', start: '15:00', capacity: 2, taken: 0, waiting: 0, cancelled: true },
      { date: '2026-12-29', start: '15:00', capacity: 2, taken: 0, waiting: 0, cancelled: false },
    ])
    expect(session('cafe-klein', '2026-12-22').cancelReason).toBe('Weihnachten')
  })

  test('confirmed while places are free, then waiting in order; a freed place is offered to exactly one', async () => {
    const { as, clock, mailsOf, tokenOf, state, session } = await setup()
    const day = '2026-12-08'
    expect(placed(signUp(as('ana'), 'cafe-klein', day))).toEqual({ state: 'confirmed', position: null })
    expect(placed(signUp(as('ben'), 'cafe-klein', day))).toEqual({ state: 'confirmed', position: null })
    expect(placed(signUp(as('cem'), 'cafe-klein', day))).toEqual({ state: 'waiting', position: 1 })
    // The same moment: the row order decides.
    expect(placed(signUp(as('dua'), 'cafe-klein', day))).toEqual({ state: 'waiting', position: 2 })
    expect(placed(signUp(as('dua'), 'cafe-klein', day))).toEqual({ state: 'waiting', position: 2 })
    expect(mailsOf('sessions.offer')).toEqual([])
    clock.advance(hour)
    expect(cancelSignup(as('ana'), 'cafe-klein', day)).toEqual({ ok: true, value: null })
    const offers = mailsOf('sessions.offer')
    expect(offers).toHaveLength(1)
    expect(offers[0]).toMatchObject({ to: 'cem@example.org', locale: 'uk' })
    expect(offers[0].params.path).toMatch(/^\/uk\/signups\/[A-Za-z0-9_-]{32}$/)
    expect(state('cem', 'cafe-klein', day)).toMatchObject({ state: 'offered', offeredUntil: '2026-12-02T22:00:00.000Z' })
    expect(placed(signUp(as('dua'), 'cafe-klein', day))).toEqual({ state: 'waiting', position: 1 })
    // Offered places count as taken: a newcomer waits behind.
    expect(placed(signUp(as('lea'), 'cafe-klein', day))).toEqual({ state: 'waiting', position: 2 })
    expect(session('cafe-klein', day)).toMatchObject({ taken: 2, confirmed: 1, waiting: 2 })
    // Cancelling twice does nothing more.
    expect(cancelSignup(as('ana'), 'cafe-klein', day)).toEqual({ ok: true, value: null })
    expect(mailsOf('sessions.offer')).toHaveLength(1)
    expect(takeOffer(as('ana'), tokenOf(offers[0]))).toEqual({ ok: true, value: { state: 'confirmed', position: null } })
    expect(state('cem', 'cafe-klein', day)?.state).toBe('confirmed')
    expect(takeOffer(commandContext(as('ana').db, null, clock), tokenOf(offers[0])).ok).toBe(true)
    expect(takeOffer(commandContext(as('ana').db, null, clock), 'x'.repeat(32))).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.noSignup' } })
  })

  test('an offer nobody takes passes on exactly once when it times out; never later than the start', async () => {
    const { as, clock, mailsOf, tokenOf, state, system } = await setup()
    const day = '2026-12-08'
    for (const who of ['ana', 'ben', 'cem', 'dua', 'lea'] as const) signUp(as(who), 'cafe-klein', day)
    cancelSignup(as('ana'), 'cafe-klein', day)
    const first = mailsOf('sessions.offer')[0]
    expect(first.to).toBe('cem@example.org')
    clock.advance(12 * hour - minute)
    expect(passExpiredOffers(system)).toEqual({ expired: 0, offered: 0 })
    clock.advance(minute)
    expect(passExpiredOffers(system)).toEqual({ expired: 1, offered: 1 })
    expect(passExpiredOffers(system)).toEqual({ expired: 0, offered: 0 })
    expect(state('cem', 'cafe-klein', day)?.state).toBe('cancelled')
    expect(takeOffer(system, tokenOf(first))).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.noOffer' } })
    expect(mailsOf('sessions.offer').map((m) => m.to)).toEqual(['cem@example.org', 'dua@example.org'])
    // Cem may queue again, at the end.
    expect(placed(signUp(as('cem'), 'cafe-klein', day))).toEqual({ state: 'waiting', position: 2 })
    // Dua's offer, made 2026-12-03T09:00Z, ends 12 hours later; a later one ends with the start.
    expect(state('dua', 'cafe-klein', day)?.offeredUntil).toBe('2026-12-03T09:00:00.000Z')
    clock.set('2026-12-08T05:00:00Z')
    // Too late to take, even before the job has passed it on.
    expect(takeOffer(system, tokenOf(mailsOf('sessions.offer')[1]))).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.offerExpired' } })
    passExpiredOffers(system)
    expect(state('lea', 'cafe-klein', day)).toMatchObject({ state: 'offered', offeredUntil: '2026-12-08T14:00:00.000Z' })
    // Too late is too late, also by the page.
    clock.set('2026-12-08T14:00:00Z')
    expect(signUp(as('lea'), 'cafe-klein', day)).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.sessionBegun' } })
    expect(passExpiredOffers(system)).toEqual({ expired: 1, offered: 0 })
    expect(mailsOf('sessions.offer')).toHaveLength(3)
  })

  test('the reminder comes once, the day before, to the confirmed who want it; its link cancels', async () => {
    const { as, db, clock, ids, mailsOf, tokenOf, state, system } = await setup()
    const day = '2026-12-08'
    for (const who of ['ana', 'ben', 'cem'] as const) signUp(as(who), 'cafe-klein', day)
    signUp(as('dua'), 'cafe-klein', '2026-12-29')
    db.$client.prepare('insert into volunteer_profiles (user_id, reminders) values (?, 0)').run(ids.ben)
    clock.set('2026-12-06T16:00:00Z')
    expect(remindTomorrow(system)).toBe(0)
    clock.set('2026-12-07T16:00:00Z')
    expect(remindTomorrow(system)).toBe(1)
    expect(remindTomorrow(system)).toBe(0)
    const [reminder] = mailsOf('sessions.reminder')
    expect(reminder).toMatchObject({ to: 'ana@example.org', locale: 'ar', params: { group: 'المقهى الصغير' } })
    // Berlin wall-clock time, as the reader's language writes it.
    expect(reminder.params.time).toMatch(/^3:00\s?م–5:00\s?م$/)
    expect(cancelByToken(system, tokenOf(reminder))).toEqual({ ok: true, value: null })
    expect(state('ana', 'cafe-klein', day)?.state).toBe('cancelled')
    expect(mailsOf('sessions.offer').map((m) => m.to)).toEqual(['cem@example.org'])
  })

  test('leads hear once when a session 48 hours ahead has fewer confirmed than the minimum', async () => {
    const { as, db, mailsOf, system, clock } = await setup()
    db.$client.prepare("update working_groups set minimum = 2 where id = 'cafe-klein'").run()
    signUp(as('ana'), 'cafe-klein', '2026-12-08')
    // Tuesday 15:00 Berlin is 14:00Z: 48 hours before is Sunday 14:00Z.
    clock.set('2026-12-06T13:59:00Z')
    expect(understaffedAlerts(system)).toBe(0)
    clock.set('2026-12-06T14:00:00Z')
    expect(understaffedAlerts(system)).toBe(1)
    expect(understaffedAlerts(system)).toBe(0)
    expect(mailsOf('sessions.understaffed')).toEqual([
      { to: 'lea@example.org', locale: 'uk', template: 'sessions.understaffed', params: expect.objectContaining({ confirmed: '1', minimum: '2', path: '/uk/manage/groups/cafe-klein' }) },
    ])
    // A session nobody signed up for is noticed too, and remembered by a row of its own.
    clock.set('2026-12-13T14:00:00Z')
    expect(understaffedAlerts(system)).toBe(0) // the 15th is an exception
    clock.set('2026-12-20T14:00:00Z')
    expect(understaffedAlerts(system)).toBe(1)
    expect(understaffedAlerts(system)).toBe(0)
  })

  test('summer-time days keep their local time: sign-ups, offers and reminders around the last Sundays of March and October', async () => {
    const { as, clock, mailsOf, tokenOf, state, system } = await setup('2027-03-27T09:00:00Z')
    const day = '2027-03-28'
    expect(placed(signUp(as('ana'), 'cafe-sonntag', day))).toEqual({ state: 'confirmed', position: null })
    expect(placed(signUp(as('ben'), 'cafe-sonntag', day))).toEqual({ state: 'waiting', position: 1 })
    clock.set('2027-03-27T16:00:00Z')
    expect(remindTomorrow(system)).toBe(1)
    // At 08:00 summer time, 5 hours before the start: the offer ends with the start, 15:00 CEST = 13:00Z.
    clock.set('2027-03-28T06:00:00Z')
    cancelByToken(system, tokenOf(mailsOf('sessions.reminder')[0]))
    expect(state('ben', 'cafe-sonntag', day)).toMatchObject({ state: 'offered', offeredUntil: '2027-03-28T13:00:00.000Z' })
    clock.set('2027-03-28T12:59:00Z')
    expect(placed(signUp(as('cem'), 'cafe-sonntag', day))).toEqual({ state: 'waiting', position: 1 })
    clock.set('2027-03-28T13:00:00Z')
    expect(signUp(as('dua'), 'cafe-sonntag', day)).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.sessionBegun' } })
    expect(passExpiredOffers(system)).toEqual({ expired: 1, offered: 0 })

    // October: 15:00 is 14:00Z again on the last Sunday.
    clock.set('2026-10-25T13:59:00Z')
    expect(placed(signUp(as('cem'), 'cafe-sonntag', '2026-10-25'))).toEqual({ state: 'confirmed', position: null })
    clock.set('2026-10-25T14:00:00Z')
    expect(signUp(as('dua'), 'cafe-sonntag', '2026-10-25')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.sessionBegun' } })
    expect(cancelSignup(as('cem'), 'cafe-sonntag', '2026-10-25')).toEqual({ ok: false, errors: { form: 'volunteering:sessions.errors.sessionBegun' } })
  })

  test('leaving a group gives up its coming places, and the next on the list is offered one', async () => {
    const { as, mailsOf, state } = await setup()
    for (const who of ['ana', 'ben', 'cem'] as const) signUp(as(who), 'cafe-klein', '2026-12-08')
    expect(leaveGroup(as('ana'), 'cafe-klein').ok).toBe(true)
    expect(state('ana', 'cafe-klein', '2026-12-08')?.state).toBe('cancelled')
    expect(mailsOf('sessions.offer').map((m) => m.to)).toEqual(['cem@example.org'])
  })

  test('two processes taking the last place at the same moment: one is confirmed, the other first on the list', async () => {
    const { as, db, dbFile, ids } = await setup()
    const day = '2026-12-08'
    expect(placed(signUp(as('ana'), 'cafe-klein', day))).toEqual({ state: 'confirmed', position: null })
    const worker = path.resolve(__dirname, '../../tests/signup-worker.ts')
    const start = (userId: string) => fork(worker, [dbFile, userId, 'cafe-klein', day, '2026-12-02T09:00:00Z'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
    const children = [start(ids.ben), start(ids.cem)]
    const next = (child: (typeof children)[number]) => new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', (code) => reject(new Error(`worker ended with ${code}`)))
    })
    // Both open the database and wait; then both hear "go" at once.
    await Promise.all(children.map(next))
    const outcomes = Promise.all(children.map(next))
    for (const child of children) child.send('go')
    const places = ((await outcomes) as Array<{ ok: boolean; value: Place }>).map((outcome) => outcome.value)
    expect(places.map((p) => p.state).sort()).toEqual(['confirmed', 'waiting'])
    expect(places.find((p) => p.state === 'waiting')?.position).toBe(1)
    expect(db.$client.prepare("select state, count(*) n from session_signups group by state order by state").all()).toEqual([
      { state: 'confirmed', n: 2 },
      { state: 'waiting', n: 1 },
    ])
  }, 60_000)

  test('a deleted account gives its place to the first on the waiting list, and its data goes with it', async () => {
    const { as, db, ids, state, mailsOf } = await setup()
    for (const who of ['ana', 'ben', 'cem'] as const) signUp(as(who), 'cafe-klein', '2026-12-08')
    expect(state('cem', 'cafe-klein', '2026-12-08')).toMatchObject({ state: 'waiting' })
    const exported = exportPerson(db, ids.ana)
    expect(exported.signups).toMatchObject([{ group: 'cafe-klein', date: '2026-12-08', start: '15:00', state: 'confirmed' }])
    expect(exported.groups).toMatchObject([{ group: 'cafe-klein', role: 'member', state: 'active' }])
    expect(await deleteAccount(as('ana'), { password })).toEqual({ ok: true, value: null })
    expect(state('cem', 'cafe-klein', '2026-12-08')).toMatchObject({ state: 'offered' })
    expect(mailsOf('sessions.offer').map((m) => m.to)).toEqual(['cem@example.org'])
    expect(db.$client.prepare('select count(*) n from session_signups where user_id = ?').get(ids.ana)).toEqual({ n: 0 })
    expect(db.$client.prepare('select count(*) n from group_members where user_id = ?').get(ids.ana)).toEqual({ n: 0 })
  })
})
