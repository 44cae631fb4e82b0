import ical, { type VEvent } from 'node-ical'
import { describe, expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../../search/context'
import { actorOf } from '../../db/accounts/sessions'
import { fakeClock } from '../../db/clock'
import { renewFeed, signUp } from '../../db/commands/sessions'
import { createConfirmedUser } from '../../db/commands/users'
import { importExchange } from '../../db/exchange'
import { getGroup } from '../../db/queries/groups'
import { groupFeed, personalFeed } from './feeds.server'

const berlinClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

async function setup() {
  const { db } = testDatabase()
  const clock = fakeClock('2027-03-20T09:00:00Z')
  const sample = sampleFile()
  sample.workingGroups.push({
    id: 'cafe-sonntag',
    kind: 'begegnungscafe',
    name: { de: 'Sonntagscafé', ar: 'مقهى الأحد' },
    place: 'Bürgerhaus, Saal',
    schedule: { frequency: 'weekly', weekday: 'sun', start: '15:00', end: '17:00', from: '2027-01-03', except: [] },
    capacity: 1,
    open: true,
  } as never)
  const system = commandContext(db, null, clock)
  expect(importExchange(system, sample, { today: '2027-03-20' }).ok).toBe(true)
  const user = async (email: string, locale: 'ar' | 'de') => {
    const outcome = await createConfirmedUser(system, { email, name: email, password: 'Kastanien-Allee-Herbst-4', role: 'volunteer', locale })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return commandContext(db, actorOf(db, outcome.value.userId), clock)
  }
  return { db, clock, user }
}

const events = (body: string) =>
  Object.values(ical.sync.parseICS(body))
    .filter((item): item is VEvent => item?.type === 'VEVENT')
    .sort((a, b) => a.start.getTime() - b.start.getTime())

// Runs under TZ=UTC; `TZ=Asia/Kabul npx vitest run app/lib/feeds` checks the same from another zone.
describe(`calendar feeds (process time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
  test('a group feed keeps 15:00 in Berlin across both summer-time changes, with stable UIDs and cancelled sessions marked', async () => {
    const { db, clock } = await setup()
    db.$client.prepare("insert into group_sessions (group_id, date, start, \"end\", cancelled_at, cancel_reason) values ('cafe-sonntag', '2027-04-04', '15:00', '17:00', '2027-03-01T10:00:00Z', 'Ostern')").run()
    const body = groupFeed(db, getGroup(db, 'cafe-sonntag')!, 'ar', 'https://treffpunkt.example', '2027-03-20', clock.now())
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin')
    expect(body).toContain('DTSTART;TZID=Europe/Berlin:20270328T150000')
    const parsed = events(body)
    const byDate = new Map(parsed.map((event) => [event.uid, event]))
    // Winter time: 15:00 is 14:00Z; from the last Sunday of March, 13:00Z; from the last Sunday of October, 14:00Z again.
    expect(byDate.get('cafe-sonntag-2027-03-21@treffpunkt')!.start.toISOString()).toBe('2027-03-21T14:00:00.000Z')
    expect(byDate.get('cafe-sonntag-2027-03-28@treffpunkt')!.start.toISOString()).toBe('2027-03-28T13:00:00.000Z')
    expect(byDate.get('cafe-sonntag-2027-03-28@treffpunkt')!.end!.toISOString()).toBe('2027-03-28T15:00:00.000Z')
    expect(byDate.get('cafe-sonntag-2027-09-19@treffpunkt')!.start.toISOString()).toBe('2027-09-19T13:00:00.000Z')
    for (const event of parsed) expect(berlinClock.format(event.start)).toBe('15:00')
    expect(byDate.get('cafe-sonntag-2027-04-04@treffpunkt')).toMatchObject({ status: 'CANCELLED', description: 'Ostern' })
    expect(byDate.get('cafe-sonntag-2027-03-21@treffpunkt')).toMatchObject({ status: 'CONFIRMED', summary: 'مقهى الأحد', location: 'Bürgerhaus, Saal' })
    expect(byDate.get('cafe-sonntag-2027-03-21@treffpunkt')!.url).toMatchObject({ val: 'https://treffpunkt.example/ar/groups/cafe-sonntag/sessions/2027-03-21' })
    // Four weeks back, half a year ahead; a second build names the same sessions alike.
    expect(parsed[0].uid).toBe('cafe-sonntag-2027-02-21@treffpunkt')
    expect(events(groupFeed(db, getGroup(db, 'cafe-sonntag')!, 'de', 'https://treffpunkt.example', '2027-03-20', clock.now())).map((e) => e.uid)).toEqual(parsed.map((e) => e.uid))
  })

  test("a person's feed holds their confirmed and waiting sessions, in their language, by a secret that renewing ends", async () => {
    const { db, clock, user } = await setup()
    const ana = await user('ana@example.org', 'ar')
    const ben = await user('ben@example.org', 'de')
    expect(signUp(ben, 'cafe-sonntag', '2027-03-28').ok).toBe(true)
    expect(signUp(ana, 'cafe-sonntag', '2027-03-28').ok).toBe(true)
    expect(signUp(ana, 'cafe-sonntag', '2027-10-31').ok).toBe(true)
    const old = renewFeed(ana)
    const token = renewFeed(ana)
    expect(await personalFeed(db, old, 'https://treffpunkt.example', '2027-03-20', clock.now())).toBeNull()
    expect(await personalFeed(db, 'not a token', 'https://treffpunkt.example', '2027-03-20', clock.now())).toBeNull()
    const parsed = events((await personalFeed(db, token, 'https://treffpunkt.example', '2027-03-20', clock.now()))!)
    expect(parsed.map((e) => [e.uid, e.start.toISOString(), e.status, e.summary])).toEqual([
      ['cafe-sonntag-2027-03-28@treffpunkt', '2027-03-28T13:00:00.000Z', 'TENTATIVE', 'قائمة الانتظار: مقهى الأحد'],
      ['cafe-sonntag-2027-10-31@treffpunkt', '2027-10-31T14:00:00.000Z', 'CONFIRMED', 'مقهى الأحد'],
    ])
    expect(JSON.stringify(parsed)).not.toContain('ben@example.org')
  })
})
