import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { volunteeringSetup } from '../../tests/fixtures/volunteering'
import { exportPerson } from '../accounts/export'
import { day } from '../clock'
import { Forbidden } from '../permissions'
import { childProtectionChecks, workingGroups } from '../schema'
import { deleteAccount } from './accounts'
import { checkOf, deleteCheck, expireChecks, recordCheck, remindLapsingChecks, validUntilFor } from './checks'
import { signUp } from './sessions'

const seen = (certificateDate: string, briefingDate = certificateDate, conviction = 'no') => ({ seen: 'on', certificateDate, conviction, briefingDate })

async function setup() {
  const context = await volunteeringSetup()
  context.db.update(workingGroups).set({ requiresCheck: true }).where(eq(workingGroups.id, 'ak-sprache')).run()
  const stored = (who: keyof typeof context.ids) => context.db.select().from(childProtectionChecks).where(eq(childProtectionChecks.userId, context.ids[who])).get()
  return { ...context, stored }
}

// Today is 2026-12-02 (Europe/Berlin); ak-sprache meets on Tuesdays, 2026-12-08 is the next.
describe('checks before work with children (§ 72a SGB VIII)', () => {
  test('a coordinator records the three facts and the briefing; nothing else is stored, and the audit says only that it happened', async () => {
    const { as, ids, stored, db } = await setup()
    const outcome = recordCheck(as('coordinator'), ids.amal, { ...seen('2024-03-14', '2024-04-01'), document: 'scan.pdf', note: 'kein Eintrag' })
    expect(outcome).toEqual({ ok: true, value: { validUntil: '2029-03-14' } })
    const row = stored('amal')!
    expect(Object.keys(row).sort()).toEqual(['briefingDate', 'certificateDate', 'conviction', 'lapseNoticeFor', 'lastActivity', 'recordedAt', 'recordedBy', 'userId', 'validUntil'])
    expect(row).toMatchObject({ certificateDate: '2024-03-14', conviction: false, briefingDate: '2024-04-01', validUntil: '2029-03-14', lastActivity: '2026-12-02', recordedBy: ids.coordinator })
    const audit = db.$client.prepare("select action, subject_id as subject, reason from audit_log where action like 'check.%'").all()
    expect(audit).toEqual([{ action: 'check.record', subject: ids.amal, reason: null }])
    // Another validity period, as CHECK_VALIDITY_YEARS sets it, counts from the certificate's date.
    expect(recordCheck(as('coordinator'), ids.amal, seen('2024-03-14'), 3)).toEqual({ ok: true, value: { validUntil: '2027-03-14' } })
  })

  test('bad input is refused field by field with translated keys, and nothing is written', async () => {
    const { as, ids, stored } = await setup()
    const errors = (input: unknown) => {
      const outcome = recordCheck(as('coordinator'), ids.amal, input)
      return outcome.ok ? outcome : outcome.errors
    }
    expect(errors({ certificateDate: '2026-01-10', conviction: 'no' })).toEqual({ seen: 'volunteering:checks.errors.seen' })
    expect(errors({ seen: 'on', certificateDate: '', conviction: 'maybe' })).toEqual({ certificateDate: 'volunteering:checks.errors.certificateDate', conviction: 'volunteering:checks.errors.conviction' })
    expect(errors(seen('2026-02-30', ''))).toEqual({ certificateDate: 'editor:errors.date' })
    expect(errors(seen('2026-12-03'))).toEqual({ certificateDate: 'volunteering:checks.errors.future' })
    expect(errors(seen('2021-12-01'))).toEqual({ certificateDate: 'volunteering:checks.errors.tooOld' })
    expect(errors(seen('2026-01-10', '2027-01-01'))).toEqual({ briefingDate: 'volunteering:checks.errors.future' })
    expect(stored('amal')).toBeUndefined()
    // Positive control: the same form with good dates (typed the German way) is stored.
    expect(errors(seen('10.01.2026', ''))).toEqual({ ok: true, value: { validUntil: '2031-01-10' } })
    expect(stored('amal')).toMatchObject({ certificateDate: '2026-01-10', briefingDate: null })
  })

  test('only coordinators record, delete and read other people; a person reads their own', async () => {
    const { as, ids, db } = await setup()
    expect(recordCheck(as('coordinator'), ids.amal, seen('2026-01-10')).ok).toBe(true)
    expect(() => recordCheck(as('lead'), ids.amal, seen('2026-01-10'))).toThrow(Forbidden)
    expect(() => recordCheck(as('amal'), ids.amal, seen('2026-01-10'))).toThrow(Forbidden)
    expect(() => deleteCheck(as('lead'), ids.amal)).toThrow(Forbidden)
    expect(() => checkOf(db, as('lead').actor, ids.amal)).toThrow(Forbidden)
    expect(() => checkOf(db, null, ids.amal)).toThrow(Forbidden)
    expect(checkOf(db, as('amal').actor, ids.amal)?.certificateDate).toBe('2026-01-10')
    expect(checkOf(db, as('coordinator').actor, ids.amal)?.certificateDate).toBe('2026-01-10')
    expect(deleteCheck(as('coordinator'), ids.amal).ok).toBe(true)
    expect(checkOf(db, as('amal').actor, ids.amal)).toBeNull()
    expect(deleteCheck(as('coordinator'), ids.amal)).toEqual({ ok: false, errors: { form: 'volunteering:checks.errors.noRecord' } })
  })

  test('a group that requires the check takes sign-ups only with one valid on the session day', async () => {
    const { as, ids, db } = await setup()
    const refused = { ok: false, errors: { form: 'volunteering:sessions.errors.checkRequired' } }
    expect(signUp(as('amal'), 'ak-sprache', '2026-12-08')).toEqual(refused)
    // A relevant conviction, a missing briefing, a check that lapses before the day: still no.
    recordCheck(as('coordinator'), ids.amal, seen('2026-01-10', '2026-01-10', 'yes'))
    expect(signUp(as('amal'), 'ak-sprache', '2026-12-08')).toEqual(refused)
    recordCheck(as('coordinator'), ids.amal, seen('2026-01-10', ''))
    expect(signUp(as('amal'), 'ak-sprache', '2026-12-08')).toEqual(refused)
    recordCheck(as('coordinator'), ids.amal, seen('2021-12-14'))
    expect(signUp(as('amal'), 'ak-sprache', '2026-12-15')).toEqual(refused)
    expect(signUp(as('amal'), 'ak-sprache', '2026-12-08')).toEqual({ ok: true, value: { state: 'confirmed', position: null } })
    // A group that does not require it takes anyone (positive control of the rule's scope).
    expect(signUp(as('dieter'), 'cafe-ost', '2026-12-04').ok).toBe(true)
    expect(validUntilFor(db, [ids.amal, ids.dieter], '2026-12-02')).toEqual(new Map([[ids.amal, '2026-12-14'], [ids.dieter, null]]))
  })

  test('coordinators are reminded once, in their locale, eight weeks before a check lapses; a renewed check is reminded again', async () => {
    const { as, ids, clock, mails, clearMail, stored } = await setup()
    recordCheck(as('coordinator'), ids.amal, seen('2022-03-01'))
    recordCheck(as('coordinator'), ids.dieter, seen('2023-01-01'))
    clearMail()
    expect(remindLapsingChecks(as('coordinator'))).toEqual({ checks: 0, sent: 0 })
    clock.set('2027-01-04T06:15:00Z') // 56 days before 2027-03-01
    expect(remindLapsingChecks(as('coordinator'))).toEqual({ checks: 1, sent: 1 })
    expect(mails()).toEqual([{ to: 'coordinator@example.org', locale: 'de', template: 'checks.lapsing', params: { name: 'coordinator', count: '1', path: '/de/manage/volunteers#checks' } }])
    expect(remindLapsingChecks(as('coordinator'))).toEqual({ checks: 0, sent: 0 })
    clock.advance(10 * day)
    recordCheck(as('coordinator'), ids.amal, seen('2027-01-10'))
    expect(stored('amal')?.lapseNoticeFor).toBeNull()
    expect(remindLapsingChecks(as('coordinator'))).toEqual({ checks: 0, sent: 0 })
    expect(mails()).toHaveLength(1)
  })

  test('a record is deleted three months after the last activity in a group that requires it, not before', async () => {
    const { as, ids, clock, stored, db, system } = await setup()
    recordCheck(as('coordinator'), ids.amal, seen('2026-01-10')) // a member of ak-sprache
    recordCheck(as('coordinator'), ids.cafe, seen('2026-01-10')) // in no group that requires it
    expect(signUp(as('amal'), 'ak-sprache', '2026-12-08').ok).toBe(true)
    clock.set('2027-03-01T02:17:00Z')
    expect(expireChecks(system)).toEqual({ deleted: 0 })
    clock.set('2027-03-03T02:17:00Z')
    expect(expireChecks(system)).toEqual({ deleted: 1 })
    expect(stored('cafe')).toBeUndefined()
    // The member's membership kept her record alive; once she leaves, three months run from the last day she was in.
    expect(stored('amal')?.lastActivity).toBe('2027-03-03')
    db.$client.prepare("delete from group_members where group_id = 'ak-sprache' and user_id = ?").run(ids.amal)
    clock.set('2027-06-03T02:17:00Z')
    expect(expireChecks(system)).toEqual({ deleted: 0 })
    clock.set('2027-06-04T02:17:00Z')
    expect(expireChecks(system)).toEqual({ deleted: 1 })
    expect(stored('amal')).toBeUndefined()
    expect(db.$client.prepare("select reason from audit_log where action = 'check.expire' order by id").all()).toEqual([{ reason: '1' }, { reason: '1' }])
  })

  test('a session in such a group counts as activity on its day', async () => {
    const { as, ids, clock, stored, system, db } = await setup()
    db.update(workingGroups).set({ requiresCheck: true }).where(eq(workingGroups.id, 'cafe-ost')).run()
    recordCheck(as('coordinator'), ids.outsider, seen('2026-01-10')) // in no group
    expect(signUp(as('outsider'), 'cafe-ost', '2026-12-04').ok).toBe(true) // joins by signing up
    db.$client.prepare("delete from group_members where group_id = 'cafe-ost' and user_id = ?").run(ids.outsider)
    clock.set('2026-12-03T02:17:00Z')
    expireChecks(system)
    expect(stored('outsider')?.lastActivity).toBe('2026-12-02') // the session lies ahead
    clock.set('2026-12-10T02:17:00Z')
    expireChecks(system)
    expect(stored('outsider')?.lastActivity).toBe('2026-12-04')
  })

  test('the person finds the record in their export, and deleting the account deletes it', async () => {
    const { as, ids, db, stored } = await setup()
    recordCheck(as('coordinator'), ids.amal, seen('2026-01-10'))
    expect(exportPerson(db, ids.amal).childProtectionCheck).toMatchObject({ certificateDate: '2026-01-10', relevantConviction: false, briefingDate: '2026-01-10', validUntil: '2031-01-10' })
    expect(exportPerson(db, ids.dieter).childProtectionCheck).toBeNull()
    const deleted = await deleteAccount(as('amal'), { password: 'Kastanien-Allee-Herbst-4' })
    expect(deleted.ok).toBe(true)
    expect(stored('amal')).toBeUndefined()
  })
})
