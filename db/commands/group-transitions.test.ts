import { describe, expect, test } from 'vitest'
import { leadSetup, today } from '../../tests/fixtures/lead'
import { searchParams } from '../../search/engine'
import { createEmbeddedEngine } from '../../search/embedded/engine'
import { Forbidden } from '../permissions'
import { workingGroups } from '../schema'
import { closeGroup, declineMove, moveOffer, moveToSuccessor, remindUnanswered, transitionStatus } from './group-transitions'
import { setLead } from './group-members'
import { createGroup } from './groups'

async function closing() {
  const setup = await leadSetup()
  const { as, join, session } = setup
  // Two successors: cafe-ost (open) and a new café that needs approval.
  expect(createGroup(as('coordinator'), { kind: 'begegnungscafe', 'name.de': 'Café Nord', 'name.uk': 'Кафе Північ', open: 'false', 'schedule.frequency': 'none' }).ok).toBe(true)
  join('ak-sprache', 'amal')
  join('ak-sprache', 'olena')
  join('ak-sprache', 'volunteer')
  join('ak-sprache', 'leadB', 'requested')
  session('ak-sprache', '2026-12-08', { amal: 'confirmed', leadB: 'waiting' })
  setup.clearMail()
  return setup
}

const message = 'Die Unterkunft schließt zum Jahresende. Danke für alles! Macht gern im Café weiter.'

describe('transitions', () => {
  test('a coordinator closes a group: members are invited in their language, the group leaves search, its page stays', async () => {
    const { db, as, ids, mails, sessionRow, audits } = await closing()
    expect(() => closeGroup(as('leadA'), 'ak-sprache', { successors: 'cafe-ost', message })).toThrow(Forbidden)
    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: '', message })).toEqual({ ok: false, errors: { successors: 'volunteering:lead.errors.successors' } })
    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: 'cafe-ost', message: ' ' })).toEqual({ ok: false, errors: { message: 'editor:errors.required' } })
    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: 'ak-sprache', message })).toEqual({ ok: false, errors: { successors: 'editor:errors.invalid' } })
    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: 'cafe-ost,atlantis', message })).toEqual({ ok: false, errors: { successors: 'editor:errors.invalid' } })
    expect(db.select({ state: workingGroups.state }).from(workingGroups).all().every((g) => g.state === 'active')).toBe(true)
    expect(mails()).toEqual([])

    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: 'cafe-ost,cafe-nord', message })).toEqual({ ok: true, value: { told: 4 } })
    const row = db.$client.prepare("select state, successors from working_groups where id = 'ak-sprache'").get()
    expect(row).toEqual({ state: 'closed', successors: '["cafe-ost","cafe-nord"]' })
    // The request lapsed; the waiting non-member of the coming session hears it is cancelled.
    expect(db.$client.prepare("select user_id from group_members where group_id = 'ak-sprache' and state = 'requested'").all()).toEqual([])
    expect(sessionRow('ak-sprache', '2026-12-08')).toMatchObject({ cancelledAt: expect.any(String), reason: message })
    const sent = mails().map((m) => ({ to: m.to, locale: m.locale, template: m.template, ...JSON.parse(m.params) }))
    expect(sent.filter((m) => m.template === 'lead.sessionCancelled').map((m) => m.to)).toEqual(['lead-b@example.org'])
    const invited = sent.filter((m) => m.template === 'lead.groupClosed')
    expect(invited.map((m) => m.to).sort()).toEqual(['amal@example.org', 'lead-a@example.org', 'olena@example.org', 'volunteer@example.org'])
    expect(invited.find((m) => m.to === 'olena@example.org')).toMatchObject({ locale: 'uk', message, path: '/uk/groups/ak-sprache/move', successors: 'Café International і Кафе Північ' })
    expect(invited.find((m) => m.to === 'amal@example.org')).toMatchObject({ locale: 'ar', path: '/ar/groups/ak-sprache/move', successors: 'Café International وCafé Nord' })
    expect(audits('group.close')).toEqual([{ actor: ids.coordinator, subject: 'ak-sprache', reason: message }])
    const engine = createEmbeddedEngine(db)
    const hits = (engine.search(searchParams.parse({ q: 'Arbeitskreis Sprache', kind: ['group'] }), today) as Awaited<ReturnType<typeof engine.search>>).hits
    expect(hits.map((h) => h.id)).not.toContain('ak-sprache')
    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: 'cafe-ost', message })).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.closed' } })
  })

  test('members move with one click or decline; the coordinator sees who moved, who left, who has not answered, and reminds them', async () => {
    const { db, as, ids, mails, clearMail, audits } = await closing()
    expect(closeGroup(as('coordinator'), 'ak-sprache', { successors: 'cafe-ost,cafe-nord', message }).ok).toBe(true)
    expect(setLead(as('coordinator'), 'cafe-nord', ids.leadB, true).ok).toBe(true)
    clearMail()
    expect(moveOffer(db, as('amal').actor, 'ak-sprache')).toMatchObject({ message, answer: 'open', successors: [{ id: 'cafe-ost', open: true }, { id: 'cafe-nord', open: false }] })
    expect(moveOffer(db, as('amal').actor, 'cafe-ost')).toBeUndefined()
    expect(() => moveOffer(db, as('leadB').actor, 'ak-sprache')).toThrow(Forbidden)
    expect(() => moveToSuccessor(as('leadB'), 'ak-sprache', 'cafe-ost')).toThrow(Forbidden)

    expect(moveToSuccessor(as('amal'), 'ak-sprache', 'atlantis')).toEqual({ ok: false, errors: { successor: 'volunteering:lead.errors.successor' } })
    expect(moveToSuccessor(as('amal'), 'ak-sprache', 'cafe-ost')).toEqual({ ok: true, value: { joined: 'active' } })
    expect(moveToSuccessor(as('olena'), 'ak-sprache', 'cafe-nord')).toEqual({ ok: true, value: { joined: 'requested' } })
    // The leads of a group that needs approval hear of the request, as when someone asks to join.
    expect(mails().map((m) => [m.to, m.locale, m.template, JSON.parse(m.params).person, JSON.parse(m.params).group])).toEqual([['lead-b@example.org', 'uk', 'sessions.joinRequest', 'olena', 'Кафе Північ']])
    expect(declineMove(as('volunteer'), 'ak-sprache')).toEqual({ ok: true, value: null })
    expect(declineMove(as('amal'), 'ak-sprache')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.answered' } })
    expect(moveToSuccessor(as('volunteer'), 'ak-sprache', 'cafe-ost')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.answered' } })
    const memberships = db.$client.prepare('select group_id as g, user_id as u, state from group_members where user_id in (?, ?, ?) order by g, u').all(ids.amal, ids.olena, ids.volunteer)
    expect(memberships).toEqual(
      expect.arrayContaining([
        { g: 'cafe-ost', u: ids.amal, state: 'active' },
        { g: 'cafe-nord', u: ids.olena, state: 'requested' },
      ]),
    )
    expect(memberships).toHaveLength(2)
    expect(moveOffer(db, as('amal').actor, 'ak-sprache')).toMatchObject({ answer: 'moved', movedTo: 'cafe-ost' })
    expect(moveOffer(db, as('volunteer').actor, 'ak-sprache')).toMatchObject({ answer: 'declined' })

    expect(() => transitionStatus(db, as('volunteer').actor, 'ak-sprache')).toThrow(Forbidden)
    expect(transitionStatus(db, as('coordinator').actor, 'cafe-ost')).toBeNull()
    const status = transitionStatus(db, as('coordinator').actor, 'ak-sprache')!
    expect(status.moved).toEqual([
      { userId: ids.amal, name: 'amal', successor: 'cafe-ost' },
      { userId: ids.olena, name: 'olena', successor: 'cafe-nord' },
    ])
    expect(status.declined).toEqual([{ userId: ids.volunteer, name: 'volunteer' }])
    expect(status.open).toEqual([{ userId: ids.leadA, name: 'lead-a', email: 'lead-a@example.org' }])
    expect(audits('group.move').map((a) => [a.actor, a.subject, a.reason])).toEqual([
      [ids.amal, 'ak-sprache', 'cafe-ost'],
      [ids.olena, 'ak-sprache', 'cafe-nord'],
    ])

    expect(() => remindUnanswered(as('amal'), 'ak-sprache')).toThrow(Forbidden)
    clearMail()
    expect(remindUnanswered(as('coordinator'), 'ak-sprache')).toEqual({ ok: true, value: { reminded: 1 } })
    expect(mails().map((m) => [m.to, m.template, JSON.parse(m.params).message])).toEqual([['lead-a@example.org', 'lead.moveReminder', message]])
    expect(remindUnanswered(as('coordinator'), 'cafe-ost')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.notClosed' } })
    expect(declineMove(as('leadA'), 'ak-sprache').ok).toBe(true)
    expect(remindUnanswered(as('coordinator'), 'ak-sprache')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.nobodyToRemind' } })
    expect(transitionStatus(db, as('coordinator').actor, 'ak-sprache')!.open).toEqual([])
  })
})
