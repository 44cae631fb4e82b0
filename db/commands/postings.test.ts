import { describe, expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { indexAndRebuild } from '../../tests/search-index'
import { commandContext } from '../../search/context'
import { searchParams, type SearchInput } from '../../search/engine'
import { createEmbeddedEngine } from '../../search/embedded/engine'
import { actorOf } from '../accounts/sessions'
import { fakeClock } from '../clock'
import { importExchange } from '../exchange'
import { Forbidden } from '../permissions'
import { registerOrganisation, updateOrganisation } from './organisations'
import { createPosting, renewedUntil, updatePosting } from './postings'
import { remindExpiring } from './reminders'
import { requestTranslation, reviewTranslation, setLanguages, submitTranslation, translationQueue } from './translations'
import { createConfirmedUser } from './users'

const password = 'Kastanien-Allee-Herbst-4'
const today = '2026-12-02'

async function setup() {
  const { db } = testDatabase()
  const clock = fakeClock(`${today}T09:00:00Z`)
  const system = commandContext(db, null, clock)
  expect(importExchange(system, sampleFile(), { today }).ok).toBe(true)
  const make = async (email: string, locale: 'de' | 'uk' | 'ar', organisation?: string, as?: 'owner' | 'editor') => {
    const outcome = await createConfirmedUser(system, { email, name: email.split('@')[0], password, role: 'volunteer', organisation, as, locale })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return outcome.value.userId
  }
  const ids = {
    editor: await make('editor@example.org', 'de', 'drk-lindenfeld', 'editor'),
    owner: await make('owner@example.org', 'uk', 'drk-lindenfeld', 'owner'),
    other: await make('other@example.org', 'de', 'asylkreis', 'owner'),
    volunteer: await make('volunteer@example.org', 'ar'),
  }
  const as = (who: keyof typeof ids) => commandContext(db, actorOf(db, ids[who]), clock)
  const engine = createEmbeddedEngine(db)
  const found = (input: SearchInput) => (engine.search(searchParams.parse(input), today) as Awaited<ReturnType<typeof engine.search>>).hits.map((hit) => hit.id)
  const row = (id: string) => db.$client.prepare('select status, moderation, valid_until as validUntil, title, community_locales as community from postings where id = ?').get(id) as Record<string, string>
  const mails = () => db.$client.prepare('select "to", locale, template, params from mail_outbox order by id').all() as Array<{ to: string; locale: string; template: string; params: string }>
  const indexIsCurrent = () => {
    const { incremental, rebuilt } = indexAndRebuild(db)
    expect(incremental).toEqual(rebuilt)
  }
  return { db, clock, ids, as, found, row, mails, indexIsCurrent }
}

const need = {
  type: 'need',
  category: 'language',
  district: 'oststadt',
  audiences: 'women,families',
  languages: 'de,fa',
  'title.de': 'Ehrenamtliche Dolmetscher für Dari gesucht',
  'body.de': 'Dienstags in der Beratung, 10 bis 12 Uhr.',
  validFrom: '2026-12-01',
  validUntil: '2026-12-31',
  contactMode: 'form',
  sourceLocale: 'de',
}

describe('postings written by editors', () => {
  test('a draft is not searchable; published, it is at once; withdrawn or fulfilled, it leaves search at once', async () => {
    const { as, found, row, indexIsCurrent } = await setup()
    const draft = createPosting(as('editor'), 'drk-lindenfeld', 'save', need)
    expect(draft).toEqual({ ok: true, value: { id: 'ehrenamtliche-dolmetscher-fuer-dari-gesucht' } })
    const id = 'ehrenamtliche-dolmetscher-fuer-dari-gesucht'
    expect(found({ q: 'Dolmetscher' })).not.toContain(id)
    expect(updatePosting(as('editor'), id, 'publish', need).ok).toBe(true)
    expect(row(id)).toMatchObject({ status: 'published', moderation: 'visible' })
    expect(found({ q: 'Dolmetscher' })).toContain(id)
    expect(found({ q: 'Dolmetscher', audience: ['families'], type: ['need'] })).toContain(id)
    indexIsCurrent()
    expect(updatePosting(as('owner'), id, 'fulfil', {}).ok).toBe(true)
    expect(found({ q: 'Dolmetscher' })).not.toContain(id)
    expect(updatePosting(as('owner'), id, 'publish', need).ok).toBe(true)
    expect(found({ q: 'Dolmetscher' })).toContain(id)
    expect(updatePosting(as('editor'), id, 'withdraw', {}).ok).toBe(true)
    expect(found({ q: 'Dolmetscher' })).not.toContain(id)
    indexIsCurrent()
  })

  test('an editor of another organisation can neither create for nor change this one, whatever the form says', async () => {
    const { as, row } = await setup()
    expect(() => createPosting(as('other'), 'drk-lindenfeld', 'publish', need)).toThrow(Forbidden)
    expect(() => updatePosting(as('other'), 'p-001', 'withdraw', {})).toThrow(Forbidden)
    expect(() => updatePosting(as('volunteer'), 'p-001', 'save', { ...need, organisation: 'asylkreis' })).toThrow(Forbidden)
    // The stored organisation decides; a form naming another changes nothing.
    expect(updatePosting(as('editor'), 'p-001', 'save', { ...need, organisation: 'asylkreis' }).ok).toBe(true)
    expect(row('p-001').status).toBe('published')
  })

  test('a rejected form names each wrong field and stores nothing', async () => {
    const { as, db } = await setup()
    const before = db.$client.prepare('select count(*) n from postings').get()
    const outcome = createPosting(as('editor'), 'drk-lindenfeld', 'publish', { ...need, type: 'gift', 'title.de': '', 'title.ar': 'x\u0000', validFrom: '2026-13-01', validUntil: '2026-11-01', audiences: 'women,aliens', category: 'nowhere' })
    expect(outcome).toEqual({
      ok: false,
      errors: {
        type: 'editor:errors.type',
        'title.ar': 'editor:errors.controlCharacter',
        validFrom: 'editor:errors.date',
        audiences: 'editor:errors.invalid',
      },
    })
    expect(createPosting(as('editor'), 'drk-lindenfeld', 'publish', { ...need, category: 'nowhere' })).toEqual({ ok: false, errors: { category: 'editor:errors.category' } })
    expect(createPosting(as('editor'), 'drk-lindenfeld', 'publish', { ...need, validUntil: '2026-11-01' })).toEqual({ ok: false, errors: { validUntil: 'editor:errors.untilBeforeFrom' } })
    expect(createPosting(as('editor'), 'drk-lindenfeld', 'publish', { ...need, 'title.de': '', 'title.en': 'Interpreters wanted' })).toEqual({ ok: false, errors: { 'title.de': 'editor:errors.sourceTitle' } })
    expect(db.$client.prepare('select count(*) n from postings').get()).toEqual(before)
    expect(db.$client.prepare("select count(*) n from audit_log where action like 'posting.%'").get()).toEqual({ n: 0 })
  })

  test('renewing extends the validity by its original duration, from its end or from today', async () => {
    expect(renewedUntil('2026-12-01', '2026-12-31', today)).toBe('2027-01-30')
    expect(createPosting((await setup()).as('editor'), 'drk-lindenfeld', 'save', { ...need, validFrom: '1.12.2026' }).ok).toBe(true)
    expect(renewedUntil('2026-10-01', '2026-11-01', today)).toBe('2027-01-02')
    expect(renewedUntil(null, '2026-12-10', today)).toBe('2027-01-09')
    expect(renewedUntil('2026-10-01', null, today)).toBeNull()
    const { as, row, found } = await setup()
    const { value } = createPosting(as('editor'), 'drk-lindenfeld', 'publish', { ...need, validFrom: '2026-11-01', validUntil: '2026-11-30' }) as { value: { id: string } }
    expect(found({ q: 'Dolmetscher' })).not.toContain(value.id)
    expect(updatePosting(as('editor'), value.id, 'renew', {}).ok).toBe(true)
    expect(row(value.id).validUntil).toBe('2026-12-31')
    expect(found({ q: 'Dolmetscher' })).toContain(value.id)
  })

  test('an organisation registered by anyone is public but unverified; its postings wait in the queue', async () => {
    const { as, db, found, row, indexIsCurrent } = await setup()
    const registered = registerOrganisation(as('volunteer'), { kind: 'advisory_centre', name: 'Beratungsstelle Nord', 'description.de': 'Beratung für Geflüchtete', 'hours.0.weekday': 'tue', 'hours.0.from': '09:00', 'hours.0.to': '12:00', languages: 'de,ar', 'contact.email': 'nord@example.org', hiddenContact: 'email' })
    expect(registered).toEqual({ ok: true, value: { id: 'beratungsstelle-nord' } })
    expect(db.$client.prepare('select verified, hours, hidden_contact as hidden from organisations where id = ?').get('beratungsstelle-nord')).toEqual({ verified: 0, hours: '[{"weekday":"tue","from":"09:00","to":"12:00"}]', hidden: '["email"]' })
    expect(found({ q: 'Beratungsstelle Nord', kind: ['organisation'] })).toContain('beratungsstelle-nord')
    const volunteerNow = commandContext(db, actorOf(db, (db.$client.prepare("select id from users where email = 'volunteer@example.org'").get() as { id: string }).id), fakeClock(`${today}T09:00:00Z`))
    const posted = createPosting(volunteerNow, 'beratungsstelle-nord', 'publish', need) as { ok: true; value: { id: string } }
    expect(row(posted.value.id)).toMatchObject({ status: 'published', moderation: 'pending' })
    expect(found({ q: 'Dolmetscher' })).not.toContain(posted.value.id)
    indexIsCurrent()
  })

  test('a rejected profile keeps the row as it was and names the opening-hour row that is wrong', async () => {
    const { as, db } = await setup()
    const before = db.$client.prepare('select * from organisations where id = ?').get('drk-lindenfeld')
    const outcome = updateOrganisation(as('editor'), 'drk-lindenfeld', { kind: 'association', name: 'DRK', 'hours.3.weekday': 'mon', 'hours.3.from': '12:00', 'hours.3.to': '09:00', 'contact.website': 'javascript:alert(1)' })
    expect(outcome).toEqual({ ok: false, errors: { 'hours.3.to': 'editor:errors.toBeforeFrom', 'contact.website': 'editor:errors.website' } })
    expect(db.$client.prepare('select * from organisations where id = ?').get('drk-lindenfeld')).toEqual(before)
    expect(() => updateOrganisation(as('other'), 'drk-lindenfeld', { kind: 'association', name: 'Taken over' })).toThrow(Forbidden)
  })
})

describe('expiry reminders', () => {
  test('editors are told once, in their own locale, a week before and after a posting ends', async () => {
    const { as, clock, db, mails } = await setup()
    createPosting(as('editor'), 'drk-lindenfeld', 'publish', { ...need, validUntil: '2026-12-12' })
    db.$client.prepare('delete from mail_outbox').run()
    expect(remindExpiring(as('editor'))).toEqual({ soon: 0, ended: 0 })
    clock.set(new Date('2026-12-05T06:00:00Z'))
    expect(remindExpiring(commandContext(db, null, clock))).toEqual({ soon: 1, ended: 0 })
    expect(remindExpiring(commandContext(db, null, clock))).toEqual({ soon: 0, ended: 0 })
    expect(mails().map((m) => [m.to, m.locale, m.template])).toEqual([
      ['editor@example.org', 'de', 'postingExpiresSoon'],
      ['owner@example.org', 'uk', 'postingExpiresSoon'],
    ])
    expect(JSON.parse(mails()[1].params)).toMatchObject({ path: '/uk/manage/postings/ehrenamtliche-dolmetscher-fuer-dari-gesucht#renew', until: '12 грудня 2026 р.' })
    clock.set(new Date('2026-12-13T06:00:00Z'))
    expect(remindExpiring(commandContext(db, null, clock))).toEqual({ soon: 0, ended: 1 })
    expect(remindExpiring(commandContext(db, null, clock))).toEqual({ soon: 0, ended: 0 })
    expect(mails().filter((m) => m.template === 'postingExpired')).toHaveLength(2)
  })
})

describe('community translations', () => {
  test('a volunteer who writes Arabic translates; the editor approves; Arabic search finds it, marked', async () => {
    const { as, found, row, mails, indexIsCurrent } = await setup()
    const { value } = createPosting(as('editor'), 'drk-lindenfeld', 'publish', need) as { value: { id: string } }
    expect(requestTranslation(as('editor'), value.id, 'ar').ok).toBe(true)
    expect(requestTranslation(as('editor'), value.id, 'ar')).toEqual({ ok: false, errors: { locale: 'editor:errors.alreadyRequested' } })
    expect(requestTranslation(as('editor'), value.id, 'de')).toEqual({ ok: false, errors: { locale: 'editor:errors.invalid' } })
    expect(() => requestTranslation(as('other'), value.id, 'fa')).toThrow(Forbidden)
    const volunteer = as('volunteer')
    expect(translationQueue(volunteer.db, volunteer.actor!)).toEqual([])
    expect(setLanguages(volunteer, { writes: 'ar,de', speaks: 'ar' }).ok).toBe(true)
    const [request] = translationQueue(volunteer.db, as('volunteer').actor!)
    expect(request).toMatchObject({ locale: 'ar', postingId: value.id })
    expect(() => submitTranslation(as('other'), request.id, { title: 'x' })).toThrow(Forbidden)
    expect(submitTranslation(as('volunteer'), request.id, { title: 'مطلوب مترجمون متطوعون للدرية', body: 'أيام الثلاثاء' }).ok).toBe(true)
    expect(mails().filter((m) => m.template === 'translationSubmitted').map((m) => m.to)).toEqual(['editor@example.org', 'owner@example.org'])
    expect(found({ q: 'مترجمون', lang: 'ar' })).not.toContain(value.id)
    expect(() => reviewTranslation(as('other'), request.id, 'approve', { title: 'x' })).toThrow(Forbidden)
    expect(reviewTranslation(as('editor'), request.id, 'approve', { title: 'مطلوب مترجمون متطوعون للغة الدرية', body: 'أيام الثلاثاء' }).ok).toBe(true)
    expect(JSON.parse(row(value.id).title).ar).toBe('مطلوب مترجمون متطوعون للغة الدرية')
    expect(row(value.id).community).toBe('["ar"]')
    expect(found({ q: 'مترجمون', lang: 'ar' })).toContain(value.id)
    indexIsCurrent()
  })
})
