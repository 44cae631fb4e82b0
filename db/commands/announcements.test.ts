import { describe, expect, test } from 'vitest'
import { readEnv } from '../../app/lib/env.server'
import { jobs } from '../../server/jobs'
import { renderMail } from '../../server/mail'
import { volunteeringSetup } from '../../tests/fixtures/volunteering'
import { exportPerson } from '../accounts/export'
import { day, hour } from '../clock'
import { Forbidden } from '../permissions'
import { announcementsOfGroup, inboxOf, readCounts, readerText } from '../queries/announcements'
import { deleteAccount } from './accounts'
import { announceToGroups, announceToVolunteers, announcementDigest, markAnnouncementRead, translateAnnouncement } from './announcements'
import { setLanguages } from './translations'
import { setProfile } from './volunteers'

const german = { sourceLocale: 'de', subject: { de: 'Treffen fällt aus' }, body: { de: 'Am Dienstag fällt das Treffen aus. Mehr unter https://example.org/plan' } }
const withArabic = { sourceLocale: 'de', subject: { de: 'Neuer Raum', ar: 'غرفة جديدة' }, body: { de: 'Wir treffen uns ab jetzt in Raum 3.', ar: 'نلتقي من الآن في الغرفة 3.' } }
const profile = (mailFrequency: string) => ({ skills: '', districts: '', availability: '', reminders: 'on', mailFrequency })

describe('announcing to groups', () => {
  test('only the active members of the group receive it: not who asked to join, not other groups, not the sender', async () => {
    const { as, ids, db } = await volunteeringSetup()
    const outcome = announceToGroups(as('lead'), ['ak-sprache'], german)
    expect(outcome).toMatchObject({ ok: true, value: { recipients: 3 } })
    const recipients = db.$client.prepare('select user_id as id from announcement_recipients').all() as Array<{ id: string }>
    expect(recipients.map((r) => r.id).sort()).toEqual([ids.amal, ids.dieter, ids.elif].sort())
    for (const who of ['asking', 'cafe', 'outsider', 'lead'] as const) expect(inboxOf(db, ids[who])).toEqual([])
  })

  test('each member reads it in their locale when translated (marked), else the original with its language named', async () => {
    const { as, mails, db } = await volunteeringSetup()
    expect(announceToGroups(as('lead'), ['ak-sprache'], withArabic).ok).toBe(true)
    const sent = mails()
    expect(sent.map((m) => [m.to, m.locale, m.template]).sort()).toEqual([
      ['amal@example.org', 'ar', 'announcementTranslated'],
      ['dieter@example.org', 'de', 'announcement'],
      ['elif@example.org', 'tr', 'announcementOriginal'],
    ])
    const byLocale = Object.fromEntries(sent.map((m) => [m.locale, m]))
    expect(byLocale.ar.params).toMatchObject({ subject: 'غرفة جديدة', body: 'نلتقي من الآن في الغرفة 3.', sender: 'lead', name: 'amal' })
    expect(byLocale.tr.params).toMatchObject({ subject: 'Neuer Raum', language: 'Almanca' })
    const turkish = renderMail(byLocale.tr.template, 'tr', byLocale.tr.params, 'https://treffpunkt.example')
    expect(turkish.text).toContain('Almanca')
    expect(turkish.text).toContain('Wir treffen uns ab jetzt in Raum 3.')
    expect(turkish.text).toMatch(/https:\/\/treffpunkt\.example\/tr\/volunteer\?announcement=\d+/)
    const [stored] = announcementsOfGroup(db, 'ak-sprache')
    expect(readerText(stored, 'ar')).toMatchObject({ subject: 'غرفة جديدة', lang: 'ar', state: 'translated' })
    expect(readerText(stored, 'de')).toMatchObject({ subject: 'Neuer Raum', lang: 'de', state: 'original' })
    expect(readerText(stored, 'fa')).toMatchObject({ subject: 'Neuer Raum', lang: 'de', state: 'untranslated' })
  })

  test('e-mail follows each member’s choice: each one now, the daily digest later, or none (the inbox keeps it)', async () => {
    const { as, mails, ids, db } = await volunteeringSetup()
    expect(setProfile(as('dieter'), profile('daily')).ok).toBe(true)
    expect(setProfile(as('elif'), profile('none')).ok).toBe(true)
    expect(announceToGroups(as('lead'), ['ak-sprache'], german).ok).toBe(true)
    expect(mails().map((m) => m.to)).toEqual(['amal@example.org'])
    for (const who of ['amal', 'dieter', 'elif'] as const) expect(inboxOf(db, ids[who])).toHaveLength(1)
  })

  test('the sender sees how many have read it; opening marks it read once, and only for a recipient', async () => {
    const { as, db } = await volunteeringSetup()
    const outcome = announceToGroups(as('lead'), ['ak-sprache'], german)
    if (!outcome.ok) throw new Error('not sent')
    const id = outcome.value.id
    expect(readCounts(db, [id]).get(id)).toEqual({ read: 0, total: 3 })
    expect(markAnnouncementRead(as('amal'), id).ok).toBe(true)
    expect(markAnnouncementRead(as('amal'), id).ok).toBe(false)
    expect(markAnnouncementRead(as('outsider'), id).ok).toBe(false)
    expect(markAnnouncementRead(as('cafe'), id).ok).toBe(false)
    expect(readCounts(db, [id]).get(id)).toEqual({ read: 1, total: 3 })
  })

  test('the inbox shows unread announcements first, then the newest', async () => {
    const { as, db, ids, clock } = await volunteeringSetup()
    const first = announceToGroups(as('lead'), ['ak-sprache'], german)
    clock.advance(hour)
    const second = announceToGroups(as('lead'), ['ak-sprache'], withArabic)
    clock.advance(hour)
    const third = announceToGroups(as('coordinator'), ['ak-sprache', 'cafe-ost'], german)
    if (!first.ok || !second.ok || !third.ok) throw new Error('not sent')
    markAnnouncementRead(as('amal'), third.value.id)
    expect(inboxOf(db, ids.amal).map((row) => row.announcement.id)).toEqual([second.value.id, first.value.id, third.value.id])
    expect(inboxOf(db, ids.cafe).map((row) => row.announcement.id)).toEqual([third.value.id])
  })

  test('a lead of one group cannot announce to another; nothing is stored', async () => {
    const { as, count, join, ids } = await volunteeringSetup()
    expect(() => announceToGroups(as('lead'), ['cafe-ost'], german)).toThrow(Forbidden)
    expect(() => announceToGroups(as('lead'), ['ak-sprache', 'cafe-ost'], german)).toThrow(Forbidden)
    expect(() => announceToGroups(as('amal'), ['ak-sprache'], german)).toThrow(Forbidden)
    expect(() => announceToGroups(as('outsider'), [], german)).toThrow(Forbidden)
    expect(() => announceToVolunteers(as('lead'), {}, german)).toThrow(Forbidden)
    // A lead of both may send to both at once.
    join('cafe-ost', ids.lead, 'lead')
    expect(announceToGroups(as('lead'), ['ak-sprache', 'cafe-ost'], german)).toMatchObject({ ok: true, value: { recipients: 4 } })
    expect(count('announcements')).toBe(1)
  })

  test('rejected input stores nothing and says which field is wrong', async () => {
    const { as, count, mails } = await volunteeringSetup()
    const cases: Array<[unknown, unknown, string]> = [
      [['ak-sprache'], { sourceLocale: 'de', subject: {}, body: { de: 'Text' } }, 'subject.de'],
      [['ak-sprache'], { sourceLocale: 'de', subject: { de: 'Betreff' }, body: {} }, 'body.de'],
      [['ak-sprache'], { sourceLocale: 'ar', subject: { de: 'Betreff' }, body: { de: 'Text' } }, 'subject.ar'],
      [['ak-sprache'], { sourceLocale: 'xx', subject: { de: 'Betreff' }, body: { de: 'Text' } }, 'sourceLocale'],
      [['ak-sprache'], { sourceLocale: 'de', subject: { de: 'x'.repeat(201) }, body: { de: 'Text' } }, 'subject.de'],
      [['ak-sprache'], { sourceLocale: 'de', subject: { de: 'Betreff' }, body: { de: 'a\u0000b' } }, 'body.de'],
      [['ak-sprache'], { sourceLocale: 'de', subject: { de: 'Betreff', ar: 'موضوع' }, body: { de: 'Text' } }, 'body.ar'],
      [[], german, 'groups'],
      [['no-such-group'], german, 'groups'],
      ['ak-sprache', german, 'groups'],
      [['ak-sprache'], 'nonsense', 'form'],
    ]
    for (const [groups, input, field] of cases) {
      const outcome = announceToGroups(as('coordinator'), groups, input)
      expect(outcome.ok, JSON.stringify(input)).toBe(false)
      if (!outcome.ok) expect(Object.keys(outcome.errors), JSON.stringify(input)).toContain(field === 'form' ? Object.keys(outcome.errors)[0] : field)
    }
    expect(count('announcements')).toBe(0)
    expect(count('announcement_recipients')).toBe(0)
    expect(mails()).toEqual([])
  })
})

describe('translations added later', () => {
  test('the sender adds Arabic; Arabic readers then read it translated; the original cannot be replaced this way', async () => {
    const { as, db, count } = await volunteeringSetup()
    const sent = announceToGroups(as('lead'), ['ak-sprache'], german)
    if (!sent.ok) throw new Error('not sent')
    const id = sent.value.id
    expect(translateAnnouncement(as('lead'), id, { subject: { ar: 'الاجتماع ملغى', de: 'Überschrieben' }, body: { ar: 'لن نلتقي يوم الثلاثاء.' } }, { groupId: 'ak-sprache' }).ok).toBe(true)
    const [stored] = announcementsOfGroup(db, 'ak-sprache')
    expect(stored.subject).toEqual({ de: 'Treffen fällt aus', ar: 'الاجتماع ملغى' })
    expect(readerText(stored, 'ar').state).toBe('translated')
    // Replacing works too, one locale at a time.
    expect(translateAnnouncement(as('coordinator'), id, { subject: { ar: 'إلغاء الاجتماع' }, body: { ar: 'لن نلتقي يوم الثلاثاء.' } }).ok).toBe(true)
    expect(announcementsOfGroup(db, 'ak-sprache')[0].subject.ar).toBe('إلغاء الاجتماع')
    const audits = count('audit_log')
    // Half a translation, nothing at all, another group's page: rejected, nothing changes.
    expect(translateAnnouncement(as('lead'), id, { subject: { en: 'Meeting cancelled' }, body: {} })).toMatchObject({ ok: false, errors: { 'body.en': expect.any(String) } })
    expect(translateAnnouncement(as('lead'), id, { subject: {}, body: {} })).toMatchObject({ ok: false, errors: { form: expect.any(String) } })
    expect(translateAnnouncement(as('coordinator'), id, { subject: { en: 'x' }, body: { en: 'y' } }, { groupId: 'cafe-ost' })).toMatchObject({ ok: false })
    expect(translateAnnouncement(as('coordinator'), 99_999, { subject: { en: 'x' }, body: { en: 'y' } })).toMatchObject({ ok: false })
    expect(count('audit_log')).toBe(audits)
  })

  test('members and leads of other groups may not translate', async () => {
    const { as, join, ids } = await volunteeringSetup()
    const sent = announceToGroups(as('lead'), ['ak-sprache'], german)
    if (!sent.ok) throw new Error('not sent')
    join('cafe-ost', ids.outsider, 'lead')
    const arabic = { subject: { ar: 'ع' }, body: { ar: 'ع' } }
    expect(() => translateAnnouncement(as('amal'), sent.value.id, arabic, { groupId: 'ak-sprache' })).toThrow(Forbidden)
    expect(() => translateAnnouncement(as('outsider'), sent.value.id, arabic)).toThrow(Forbidden)
  })
})

describe('announcing to the volunteers a search found', () => {
  test('exactly the list found receives it; a search that finds nobody sends nothing', async () => {
    const { as, ids, db, count } = await volunteeringSetup()
    expect(setLanguages(as('outsider'), { speaks: 'prs,de', writes: '' }).ok).toBe(true)
    expect(setLanguages(as('amal'), { speaks: 'ar,fa', writes: '' }).ok).toBe(true)
    expect(setLanguages(as('dieter'), { speaks: 'de', writes: '' }).ok).toBe(true)
    const outcome = announceToVolunteers(as('coordinator'), { language: 'fa' }, german)
    expect(outcome).toMatchObject({ ok: true, value: { recipients: 2 } })
    const recipients = db.$client.prepare('select user_id as id from announcement_recipients').all() as Array<{ id: string }>
    expect(recipients.map((r) => r.id).sort()).toEqual([ids.outsider, ids.amal].sort())
    expect(announceToVolunteers(as('coordinator'), { language: 'ti' }, german)).toMatchObject({ ok: false, errors: { form: 'volunteering:people.errors.nobodyFound' } })
    expect(count('announcements')).toBe(1)
  })
})

describe('the daily digest', () => {
  test('once a day, in the evening, only when something unread waits that no digest has listed', async () => {
    const { as, mails, clearMail, clock, count } = await volunteeringSetup()
    expect(setProfile(as('dieter'), profile('daily')).ok).toBe(true)
    expect(setProfile(as('amal'), profile('daily')).ok).toBe(true)
    expect(setProfile(as('elif'), profile('none')).ok).toBe(true)
    // Nothing sent yet: no digest, not even a record of one.
    clock.set('2026-12-02T17:30:00Z')
    expect(announcementDigest(as('coordinator'))).toEqual({ sent: 0 })
    expect(count('mail_outbox')).toBe(0)
    clock.set('2026-12-03T09:00:00Z')
    const first = announceToGroups(as('lead'), ['ak-sprache'], withArabic)
    const second = announceToGroups(as('lead'), ['ak-sprache'], german)
    if (!first.ok || !second.ok) throw new Error('not sent')
    markAnnouncementRead(as('amal'), second.value.id)
    // Before the evening (18:00 in Berlin is 17:00 UTC in winter): nothing.
    clock.set('2026-12-03T16:30:00Z')
    expect(announcementDigest(as('coordinator'))).toEqual({ sent: 0 })
    clock.set('2026-12-03T17:05:00Z')
    expect(announcementDigest(as('coordinator'))).toEqual({ sent: 2 })
    const sent = mails()
    expect(sent.map((m) => [m.to, m.template]).sort()).toEqual([
      ['amal@example.org', 'announcementDigest'],
      ['dieter@example.org', 'announcementDigest'],
    ])
    const byTo = Object.fromEntries(sent.map((m) => [m.to, m.params]))
    // Amal reads Arabic (the first has a translation) and has read the second already.
    expect(byTo['amal@example.org']).toMatchObject({ number: '1', list: '• غرفة جديدة', path: '/ar/volunteer#announcements' })
    expect(byTo['dieter@example.org']).toMatchObject({ number: '2', list: '• Neuer Raum\n• Treffen fällt aus' })
    // Once a day.
    clearMail()
    clock.set('2026-12-03T20:00:00Z')
    expect(announcementDigest(as('coordinator'))).toEqual({ sent: 0 })
    // The next evening: still unread, but already listed; nothing new, so no e-mail.
    clock.advance(day)
    expect(announcementDigest(as('coordinator'))).toEqual({ sent: 0 })
    // Something new the day after: listed once.
    clock.set('2026-12-05T10:00:00Z')
    expect(announceToGroups(as('coordinator'), ['ak-sprache'], german).ok).toBe(true)
    clearMail()
    clock.set('2026-12-05T17:00:00Z')
    expect(announcementDigest(as('coordinator'))).toEqual({ sent: 2 })
    expect(mails().every((m) => m.params.number === '1')).toBe(true)
  })

  test('the scheduler runs it as the job `announcementDigest`', async () => {
    const { as, db, dir, clock, mails } = await volunteeringSetup()
    expect(setProfile(as('dieter'), profile('daily')).ok).toBe(true)
    expect(announceToGroups(as('lead'), ['ak-sprache'], german).ok).toBe(true)
    const job = jobs(readEnv({ DATABASE_PATH: `${dir}/x.db`, OUTBOX_DIR: `${dir}/outbox` }), db, clock).find((j) => j.name === 'announcementDigest')!
    expect(job.schedule).toBe('0 18 * * *')
    clock.set('2026-12-02T17:00:00Z')
    expect(await job.run()).toEqual({ sent: 1 })
    expect(mails().filter((m) => m.template === 'announcementDigest').map((m) => m.to)).toEqual(['dieter@example.org'])
  })
})

describe('the person’s own data', () => {
  test('the export holds availability, reminders, e-mail choice and what was received; deleting the account removes it', async () => {
    const { as, db, ids, count } = await volunteeringSetup()
    expect(setProfile(as('amal'), { skills: 'driving', districts: 'oststadt', availability: 'tue-morning,sat-evening', reminders: 'off', mailFrequency: 'daily' }).ok).toBe(true)
    const sent = announceToGroups(as('lead'), ['ak-sprache'], withArabic)
    if (!sent.ok) throw new Error('not sent')
    markAnnouncementRead(as('amal'), sent.value.id)
    const exported = exportPerson(db, ids.amal)
    expect(exported.volunteer).toMatchObject({ skills: ['driving'], districts: ['oststadt'], availability: ['tue-morning', 'sat-evening'], reminders: false, mailFrequency: 'daily' })
    expect(exported.announcements).toEqual([expect.objectContaining({ id: sent.value.id, subject: withArabic.subject, body: withArabic.body, readAt: expect.any(String) })])
    expect(exportPerson(db, ids.lead).announcementsSent).toEqual([expect.objectContaining({ id: sent.value.id, groups: ['ak-sprache'] })])
    const before = count('announcement_recipients')
    expect((await deleteAccount(as('amal'), { password: 'Kastanien-Allee-Herbst-4' })).ok).toBe(true)
    expect(db.$client.prepare('select count(*) as n from volunteer_profiles where user_id = ?').get(ids.amal)).toEqual({ n: 0 })
    expect(count('announcement_recipients')).toBe(before - 1)
  })
})
