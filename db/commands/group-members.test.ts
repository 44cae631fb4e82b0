import { describe, expect, test } from 'vitest'
import { actorOf } from '../accounts/sessions'
import { leadSetup } from '../../tests/fixtures/lead'
import { Forbidden } from '../permissions'
import { volunteerProfiles } from '../schema'
import { addLead, csvCell, decideJoinRequest, exportMembersCsv, leadsOf, markAttendance, membersOf, noShowCount, noShowPrompt, removeMember, setLead, toCsv } from './group-members'
import { pastSessions } from './groups'

describe('leads', () => {
  test('coordinators make leads by e-mail and take the lead back; the person stays a member', async () => {
    const { db, ids, as, audits } = await leadSetup()
    expect(addLead(as('coordinator'), 'ak-sprache', ' Amal@Example.org ')).toEqual({ ok: true, value: null })
    expect(actorOf(db, ids.amal).leads).toEqual(['ak-sprache'])
    expect(leadsOf(db, as('leadA').actor, 'ak-sprache').map((l) => l.name)).toEqual(['amal', 'lead-a'])
    expect(addLead(as('coordinator'), 'ak-sprache', 'amal@example.org')).toEqual({ ok: false, errors: { email: 'volunteering:lead.errors.alreadyLead' } })
    expect(addLead(as('coordinator'), 'ak-sprache', 'nobody@example.org')).toEqual({ ok: false, errors: { email: 'volunteering:lead.errors.noAccount' } })
    expect(addLead(as('coordinator'), 'ak-sprache', 'not an address')).toEqual({ ok: false, errors: { email: 'account:errors.emailInvalid' } })
    db.$client.prepare("update users set confirmed_at = null where email = 'olena@example.org'").run()
    expect(addLead(as('coordinator'), 'ak-sprache', 'olena@example.org')).toEqual({ ok: false, errors: { email: 'volunteering:lead.errors.noAccount' } })
    expect(setLead(as('coordinator'), 'ak-sprache', ids.amal, false)).toEqual({ ok: true, value: null })
    expect(actorOf(db, ids.amal).leads).toEqual([])
    expect(membersOf(db, as('leadA').actor, 'ak-sprache').find((m) => m.userId === ids.amal)).toMatchObject({ role: 'member', state: 'active' })
    expect(setLead(as('coordinator'), 'ak-sprache', ids.amal, false)).toEqual({ ok: false, errors: { user: 'volunteering:lead.errors.notLead' } })
    // Leads do not make leads.
    expect(() => addLead(as('leadA'), 'ak-sprache', 'olena@example.org')).toThrow(Forbidden)
    expect(() => setLead(as('leadA'), 'ak-sprache', ids.olena, true)).toThrow(Forbidden)
    expect(() => leadsOf(db, as('volunteer').actor, 'ak-sprache')).toThrow(Forbidden)
    expect(audits('group.addLead').length).toBe(3)
    expect(audits('group.removeLead').length).toBe(1)
  })
})

describe('members', () => {
  test('a lead approves or declines requests; the person hears in their language', async () => {
    const { db, ids, as, join, mails } = await leadSetup()
    join('ak-sprache', 'amal', 'requested')
    join('ak-sprache', 'olena', 'requested')
    expect(() => decideJoinRequest(as('leadB'), 'ak-sprache', ids.amal, 'approve')).toThrow(Forbidden)
    expect(() => decideJoinRequest(as('amal'), 'ak-sprache', ids.amal, 'approve')).toThrow(Forbidden)
    expect(decideJoinRequest(as('leadA'), 'ak-sprache', ids.amal, 'approve')).toEqual({ ok: true, value: null })
    expect(decideJoinRequest(as('leadA'), 'ak-sprache', ids.olena, 'decline')).toEqual({ ok: true, value: null })
    expect(decideJoinRequest(as('leadA'), 'ak-sprache', ids.olena, 'approve')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.noRequest' } })
    expect(decideJoinRequest(as('leadA'), 'ak-sprache', ids.amal, 'decline')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.noRequest' } })
    expect(membersOf(db, as('leadA').actor, 'ak-sprache').map((m) => [m.name, m.role, m.state])).toEqual([
      ['lead-a', 'lead', 'active'],
      ['amal', 'member', 'active'],
    ])
    expect(mails().map((m) => [m.to, m.locale, m.template, JSON.parse(m.params).path])).toEqual([
      ['amal@example.org', 'ar', 'lead.joinApproved', '/ar/groups/ak-sprache'],
      ['olena@example.org', 'uk', 'lead.joinDeclined', '/uk/groups'],
    ])
  })

  test('members show their languages, skills and no-shows to leads and coordinators only; a lead removes a member', async () => {
    const { db, ids, as, join, audits } = await leadSetup()
    join('ak-sprache', 'amal')
    join('ak-sprache', 'olena')
    db.insert(volunteerProfiles).values({ userId: ids.amal, speaks: ['ar', 'de'], writes: ['ar'], skills: ['interpreting', 'driving'] }).run()
    const members = membersOf(db, as('coordinator').actor, 'ak-sprache')
    expect(members.find((m) => m.userId === ids.amal)).toEqual({ userId: ids.amal, name: 'amal', email: 'amal@example.org', role: 'member', state: 'active', speaks: ['ar', 'de'], writes: ['ar'], skills: ['interpreting', 'driving'], noShows: 0 })
    expect(members.find((m) => m.userId === ids.olena)).toMatchObject({ speaks: [], skills: [] })
    expect(() => membersOf(db, as('leadB').actor, 'ak-sprache')).toThrow(Forbidden)
    expect(() => membersOf(db, as('amal').actor, 'ak-sprache')).toThrow(Forbidden)
    expect(() => removeMember(as('leadB'), 'ak-sprache', ids.olena)).toThrow(Forbidden)
    expect(removeMember(as('leadA'), 'ak-sprache', ids.leadA)).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.isLead' } })
    expect(removeMember(as('leadA'), 'ak-sprache', ids.olena)).toEqual({ ok: true, value: null })
    expect(removeMember(as('leadA'), 'ak-sprache', ids.olena)).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.notMember' } })
    expect(membersOf(db, as('leadA').actor, 'ak-sprache').map((m) => m.name)).toEqual(['lead-a', 'amal'])
    expect(audits('group.removeMember')).toEqual([{ actor: ids.leadA, subject: 'ak-sprache', reason: null }])
  })

  test('the CSV export quotes every cell, defuses formulas and is written to the audit log once', async () => {
    expect(csvCell('Anna')).toBe('"Anna"')
    expect(csvCell('Say "hi", then leave')).toBe('"Say ""hi"", then leave"')
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(['+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([`"'+1"`, `"'-1"`, `"'@SUM(A1)"`, `"'\tx"`, `"'\rx"`])
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(toCsv([['a', 'b'], ['1', '']])).toBe('"a","b"\r\n"1",""\r\n')

    const { db, ids, as, join, audits } = await leadSetup()
    join('ak-sprache', 'amal')
    join('ak-sprache', 'olena', 'requested')
    db.$client.prepare('update users set name = ? where id = ?').run('=cmd|"/c calc"!A1, Amal', ids.amal)
    db.insert(volunteerProfiles).values({ userId: ids.amal, speaks: ['ar', 'de'], writes: ['ar'], skills: ['interpreting'] }).run()
    const header = { name: 'Name', email: 'E-Mail', role: 'Rolle', speaks: 'Spricht', writes: 'Schreibt', skills: 'Fähigkeiten', noShows: 'Nicht erschienen' }
    const csv = exportMembersCsv(as('leadA'), 'ak-sprache', header, (role) => (role === 'lead' ? 'Leitung' : 'Mitglied'))
    expect(csv).toBe(
      '"Name","E-Mail","Rolle","Spricht","Schreibt","Fähigkeiten","Nicht erschienen"\r\n' +
        '"lead-a","lead-a@example.org","Leitung","","","","0"\r\n' +
        `"'=cmd|""/c calc""!A1, Amal","amal@example.org","Mitglied","ar de","ar","interpreting","0"\r\n`,
    )
    expect(audits('group.exportMembers')).toEqual([{ actor: ids.leadA, subject: 'ak-sprache', reason: null }])
    expect(() => exportMembersCsv(as('leadB'), 'ak-sprache')).toThrow(Forbidden)
    expect(() => exportMembersCsv(as('volunteer'), 'ak-sprache')).toThrow(Forbidden)
    expect(audits('group.exportMembers').length).toBe(1)
  })
})

describe('attendance', () => {
  test('after a session has begun, leads mark who came; three no-shows prompt a talk and block nothing', async () => {
    const { db, ids, as, session, clock } = await leadSetup()
    const dates = ['2026-11-03', '2026-11-10', '2026-11-17']
    for (const date of dates) session('ak-sprache', date, { amal: 'confirmed', olena: 'confirmed', volunteer: 'waiting' })
    session('ak-sprache', '2026-12-08', { amal: 'confirmed' })
    expect(markAttendance(as('leadA'), 'ak-sprache', '2026-12-08', ids.amal, 'attended')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.notYet' } })
    expect(markAttendance(as('leadA'), 'ak-sprache', '2026-11-03', ids.volunteer, 'no_show')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.notSignedUp' } })
    expect(markAttendance(as('leadA'), 'ak-sprache', '2026-11-04', ids.amal, 'no_show')).toEqual({ ok: false, errors: { form: 'volunteering:lead.errors.noSession' } })
    expect(markAttendance(as('leadA'), 'ak-sprache', '2026-11-03', ids.amal, 'asleep')).toEqual({ ok: false, errors: { attendance: 'volunteering:lead.errors.attendance' } })
    expect(() => markAttendance(as('leadB'), 'ak-sprache', '2026-11-03', ids.amal, 'no_show')).toThrow(Forbidden)
    for (const date of dates) {
      expect(markAttendance(as('leadA'), 'ak-sprache', date, ids.amal, 'no_show').ok).toBe(true)
      expect(markAttendance(as('leadA'), 'ak-sprache', date, ids.olena, date === dates[0] ? 'excused' : 'attended').ok).toBe(true)
    }
    expect(noShowCount(db, 'ak-sprache', ids.amal)).toBe(noShowPrompt)
    expect(noShowCount(db, 'ak-sprache', ids.olena)).toBe(0)
    expect(noShowCount(db, 'cafe-ost', ids.amal)).toBe(0)
    // Marked again, the last mark counts.
    expect(markAttendance(as('coordinator'), 'ak-sprache', dates[2], ids.amal, 'excused').ok).toBe(true)
    expect(noShowCount(db, 'ak-sprache', ids.amal)).toBe(2)
    // The day of the session, once it has begun (15:00 in Berlin is 14:00 UTC in winter).
    clock.set('2026-12-08T13:59:00Z')
    expect(markAttendance(as('leadA'), 'ak-sprache', '2026-12-08', ids.amal, 'attended').ok).toBe(false)
    clock.set('2026-12-08T14:00:00Z')
    expect(markAttendance(as('leadA'), 'ak-sprache', '2026-12-08', ids.amal, 'attended').ok).toBe(true)
    const past = pastSessions(db, as('leadA').actor, 'ak-sprache', clock.now())
    expect(past.map((s) => [s.date, s.people.map((p) => `${p.name}:${p.attendance}`).join(' ')])).toEqual([
      ['2026-12-08', 'amal:attended'],
      ['2026-11-17', 'amal:excused olena:attended'],
      ['2026-11-10', 'amal:no_show olena:attended'],
      ['2026-11-03', 'amal:no_show olena:excused'],
    ])
  })
})
