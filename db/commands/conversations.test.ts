import { describe, expect, test } from 'vitest'
import { readEnv } from '../../app/lib/env.server'
import { renderMail } from '../../server/mail'
import { jobs } from '../../server/jobs'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../../search/context'
import { actorOf } from '../accounts/sessions'
import { day, fakeClock } from '../clock'
import { importExchange } from '../exchange'
import { Forbidden } from '../permissions'
import { conversationForOrganisation, conversationForVisitor, inboxOf } from '../queries/conversations'
import { close, deleteByVisitor, deleteExpiredConversations, markRead, reply, replyAsVisitor, respond } from './conversations'
import { createConfirmedUser } from './users'

const password = 'Kastanien-Allee-Herbst-4'
const visitor = { posting: 'p-001', name: 'Amal', email: 'amal@example.org', phone: '+49 151 2345678', message: 'Hallo,\nist der Kurs noch frei?', consent: 'yes', locale: 'fa' }

async function setup() {
  const { db, dir } = testDatabase()
  const clock = fakeClock('2026-12-02T09:00:00Z')
  const system = commandContext(db, null, clock)
  expect(importExchange(system, sampleFile(), { today: '2026-12-02' }).ok).toBe(true)
  const make = async (email: string, locale: string, role: 'coordinator' | 'volunteer', organisation?: string, as?: 'owner' | 'editor') => {
    const outcome = await createConfirmedUser(system, { email, name: email.split('@')[0], password, role, locale: locale as 'de', organisation, as })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return outcome.value.userId
  }
  // Two people look after the DRK (p-001), each reading in their own language; a third
  // owns the Asylkreis (p-002); a coordinator and a volunteer belong to neither.
  const ids = {
    owner: await make('owner@example.org', 'uk', 'volunteer', 'drk-lindenfeld', 'owner'),
    editor: await make('editor@example.org', 'ar', 'volunteer', 'drk-lindenfeld', 'editor'),
    stranger: await make('stranger@example.org', 'de', 'volunteer', 'asylkreis', 'owner'),
    coordinator: await make('coord@example.org', 'de', 'coordinator'),
    volunteer: await make('volunteer@example.org', 'tr', 'volunteer'),
  }
  const as = (who: keyof typeof ids) => commandContext(db, actorOf(db, ids[who]), clock)
  const anonymous = commandContext(db, null, clock)
  type Row = { to: string; locale: string; template: string; params: Record<string, string> }
  const mails = (): Row[] =>
    (db.$client.prepare('select "to", locale, template, params from mail_outbox order by id').all() as Array<Omit<Row, 'params'> & { params: string }>).map((m) => ({ ...m, params: JSON.parse(m.params) }))
  const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const clearMail = () => db.$client.prepare('delete from mail_outbox').run()
  return { db, dir, clock, ids, as, anonymous, mails, count, clearMail }
}

/** Every rendered e-mail (subject, text and HTML): what a recipient could read. */
const rendered = (mail: { template: string; locale: string; params: Record<string, string> }) => {
  const r = renderMail(mail.template, mail.locale, mail.params, 'https://treffpunkt.example')
  return `${r.subject}\n${r.text}\n${r.html}`
}

describe('answering a posting', () => {
  test('a visitor without an account starts a conversation; each side is told in its own language, without the other side’s address', async () => {
    const { anonymous, mails, count, db, ids } = await setup()
    const outcome = respond(anonymous, visitor)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const { conversation, token, emailed } = outcome.value
    expect(emailed).toBe(true)
    expect(count('conversations')).toBe(1)
    expect(db.$client.prepare('select author, body from messages').all()).toEqual([{ author: 'visitor', body: 'Hallo,\nist der Kurs noch frei?' }])
    // Only the hash of the link is stored.
    expect(JSON.stringify(db.$client.prepare('select * from conversations').all())).not.toContain(token)

    const sent = mails()
    expect(sent.map((m) => [m.to, m.locale, m.template])).toEqual([
      ['amal@example.org', 'fa', 'conversationStarted'],
      ...[
        ['owner@example.org', 'uk', 'conversationNew', ids.owner],
        ['editor@example.org', 'ar', 'conversationNew', ids.editor],
      ]
        .sort((a, b) => a[3].localeCompare(b[3]))
        .map(([to, locale, template]) => [to, locale, template]),
    ])
    const [toVisitor, ...toMembers] = sent
    expect(toVisitor.params).toMatchObject({ name: 'Amal', organisation: 'DRK-Kreisverband Lindenfeld e.V.', posting: 'Deutschkurs für Frauen', path: `/fa/conversations/${token}` })
    for (const mail of toMembers) {
      expect(mail.params).toMatchObject({ visitor: 'Amal', message: 'Hallo,\nist der Kurs noch frei?', path: `/${mail.locale}/manage/conversations/${conversation}` })
      // The Arabic reader gets the Arabic title; the Ukrainian one the source language's.
      expect(mail.params.posting).toBe(mail.locale === 'ar' ? 'دورة لغة ألمانية للنساء' : 'Deutschkurs für Frauen')
      const text = rendered(mail)
      expect(text).toContain('ist der Kurs noch frei?')
      expect(text).not.toContain('amal@example.org')
      expect(text).not.toContain('2345678')
    }
    const visitorText = rendered(toVisitor)
    expect(visitorText).not.toMatch(/owner@|editor@/)
    // The audit says that a conversation started on p-001, and nothing about whom.
    expect(db.$client.prepare("select actor_id, subject_type, subject_id, reason from audit_log where action = 'conversation.start'").all()).toEqual([{ actor_id: null, subject_type: 'posting', subject_id: 'p-001', reason: null }])
  })

  test('a signed-in volunteer is linked to the conversation; without an e-mail address nobody mails the visitor', async () => {
    const { as, mails, db, ids } = await setup()
    const outcome = respond(as('volunteer'), { ...visitor, email: '', locale: 'tr' })
    expect(outcome).toMatchObject({ ok: true, value: { emailed: false } })
    expect(db.$client.prepare('select visitor_user_id, visitor_email, visitor_phone, visitor_locale from conversations').get()).toEqual({ visitor_user_id: ids.volunteer, visitor_email: null, visitor_phone: '+49 151 2345678', visitor_locale: 'tr' })
    expect(mails().map((m) => m.template)).toEqual(['conversationNew', 'conversationNew'])
  })

  test('a rejected form stores nothing and sends nothing; every error is a key next to its field', async () => {
    const { anonymous, count, mails } = await setup()
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ ...visitor, consent: undefined }, { consent: 'conversations:errors.consentRequired' }],
      [{ ...visitor, consent: 'no' }, { consent: 'conversations:errors.consentRequired' }],
      [{ ...visitor, email: '', phone: ' ' }, { email: 'conversations:errors.contactRequired' }],
      [{ ...visitor, phone: 'call me' }, { phone: 'conversations:errors.phoneInvalid' }],
      [{ ...visitor, email: 'not an address' }, { email: 'conversations:errors.emailInvalid' }],
      [{ ...visitor, message: ' \u0000 ' }, { message: 'conversations:errors.messageRequired' }],
      [{ ...visitor, message: 'x'.repeat(5001) }, { message: 'conversations:errors.messageTooLong' }],
      [{ ...visitor, name: '\u0007' }, { name: 'conversations:errors.nameRequired' }],
      [{}, { name: 'conversations:errors.nameRequired', email: 'conversations:errors.contactRequired', message: 'conversations:errors.messageRequired', consent: 'conversations:errors.consentRequired', posting: 'account:errors.invalid' }],
    ]
    for (const [input, errors] of cases) expect(respond(anonymous, input)).toEqual({ ok: false, errors })
    expect(respond(anonymous, null)).toMatchObject({ ok: false })
    expect(count('conversations')).toBe(0)
    expect(count('messages')).toBe(0)
    expect(mails()).toEqual([])
  })

  test('a filled honeypot looks like success and stores nothing', async () => {
    const { anonymous, count, mails } = await setup()
    expect(respond(anonymous, { ...visitor, website: 'https://spam.example' })).toMatchObject({ ok: true, value: { conversation: null } })
    expect(count('conversations')).toBe(0)
    expect(mails()).toEqual([])
  })

  test('a posting that is not visible (draft, hidden, expired, unknown) cannot be answered', async () => {
    const { anonymous, db, clock, count } = await setup()
    const unavailable = { ok: false, errors: { form: 'conversations:errors.postingUnavailable' } }
    db.$client.prepare("update postings set status = 'draft' where id = 'p-001'").run()
    expect(respond(anonymous, visitor)).toEqual(unavailable)
    db.$client.prepare("update postings set status = 'published', moderation = 'hidden' where id = 'p-001'").run()
    expect(respond(anonymous, visitor)).toEqual(unavailable)
    db.$client.prepare("update postings set moderation = 'visible' where id = 'p-001'").run()
    clock.set('2027-07-01T09:00:00Z')
    expect(respond(anonymous, visitor)).toEqual(unavailable)
    expect(respond(anonymous, { ...visitor, posting: 'nope' })).toEqual(unavailable)
    expect(count('conversations')).toBe(0)
  })

  test('an organisation nobody looks after hears of it at its public address, in German; without one, nobody does', async () => {
    const { anonymous, db, mails, clearMail } = await setup()
    db.$client.prepare("delete from organisation_members where organisation_id = 'drk-lindenfeld'").run()
    respond(anonymous, { ...visitor, email: '' })
    expect(mails().map((m) => [m.to, m.locale, m.template])).toEqual([['info@drk.example.org', 'de', 'conversationContact']])
    expect(rendered(mails()[0])).not.toContain('2345678')
    clearMail()
    db.$client.prepare("delete from organisation_members where organisation_id = 'asylkreis'").run()
    expect(respond(anonymous, { ...visitor, posting: 'p-002' }).ok).toBe(true)
    expect(mails().map((m) => m.template)).toEqual(['conversationStarted'])
  })
})

describe('the conversation', () => {
  async function started() {
    const s = await setup()
    const outcome = respond(s.anonymous, visitor)
    if (!outcome.ok || !outcome.value.conversation) throw new Error('respond failed')
    s.clearMail()
    return { ...s, id: outcome.value.conversation, token: outcome.value.token }
  }

  test('an editor of another organisation cannot read or answer it, even with its id; coordinators do not read inboxes', async () => {
    const { as, db, ids, id, count } = await started()
    for (const who of ['stranger', 'coordinator', 'volunteer'] as const) {
      expect(() => conversationForOrganisation(db, actorOf(db, ids[who]), id)).toThrow(Forbidden)
      expect(() => reply(as(who), { conversation: id, message: 'Hallo' })).toThrow(Forbidden)
      expect(() => close(as(who), { conversation: id })).toThrow(Forbidden)
      expect(() => markRead(as(who), { conversation: id })).toThrow(Forbidden)
      expect(inboxOf(db, actorOf(db, ids[who]))).toEqual([])
    }
    // Forbidden before anything else: an empty form from a stranger is refused, not validated.
    expect(() => reply(as('stranger'), { conversation: id })).toThrow(Forbidden)
    expect(() => conversationForOrganisation(db, null, id)).toThrow(Forbidden)
    expect(count('messages')).toBe(1)
    expect(conversationForOrganisation(db, actorOf(db, ids.editor), id)).toMatchObject({ visitorName: 'Amal', visitorEmail: 'amal@example.org', visitorPhone: '+49 151 2345678' })
    expect(inboxOf(db, actorOf(db, ids.owner)).map((c) => c.id)).toEqual([id])
  })

  test('the organisation answers: the visitor reads it under the organisation’s name, in their language, never the member’s name or address', async () => {
    const { as, db, ids, id, token, mails } = await started()
    expect(reply(as('editor'), { conversation: id, message: 'Ja, kommen Sie am Dienstag.' })).toEqual({ ok: true, value: null })
    const sent = mails()
    expect(sent.map((m) => [m.to, m.locale, m.template])).toEqual([['amal@example.org', 'fa', 'conversationReply']])
    expect(sent[0].params).toMatchObject({ name: 'Amal', organisation: 'DRK-Kreisverband Lindenfeld e.V.', message: 'Ja, kommen Sie am Dienstag.' })
    const text = rendered(sent[0])
    expect(text).toContain('Ja, kommen Sie am Dienstag.')
    expect(text).not.toMatch(/editor@example\.org|owner@example\.org|\beditor\b/)
    const seen = conversationForVisitor(db, token)!
    expect(seen.messages.map((m) => [m.author, m.body])).toEqual([
      ['visitor', 'Hallo,\nist der Kurs noch frei?'],
      ['organisation', 'Ja, kommen Sie am Dienstag.'],
    ])
    expect(JSON.stringify(seen)).not.toMatch(/editor|authorUserId/)
    expect(seen.unread).toBe(true)
    // The organisation side sees who wrote it.
    expect(conversationForOrganisation(db, actorOf(db, ids.owner), id)!.messages[1].authorName).toBe('editor')
    expect(reply(as('editor'), { conversation: id, message: '   ' })).toEqual({ ok: false, errors: { message: 'conversations:errors.messageRequired' } })
  })

  test('the visitor answers through the link: every member is told in their language; unread conversations come first', async () => {
    const { as, anonymous, db, ids, id, token, mails, clock } = await started()
    clock.advance(60_000)
    const second = respond(anonymous, { ...visitor, name: 'Olena', email: 'olena@example.org', locale: 'uk' })
    if (!second.ok || !second.value.conversation) throw new Error('respond failed')
    markRead(as('owner'), { conversation: second.value.conversation })
    markRead(as('owner'), { conversation: id })
    expect(inboxOf(db, actorOf(db, ids.owner)).map((c) => [c.visitorName, c.unread])).toEqual([
      ['Olena', false],
      ['Amal', false],
    ])
    clock.advance(60_000)
    const before = mails().length
    expect(replyAsVisitor(anonymous, token, { message: 'Danke! Ich komme.' })).toEqual({ ok: true, value: null })
    const sent = mails().slice(before)
    expect(sent.map((m) => [m.locale, m.template]).sort()).toEqual([
      ['ar', 'conversationVisitorReply'],
      ['uk', 'conversationVisitorReply'],
    ])
    for (const mail of sent) {
      expect(mail.params.path).toBe(`/${mail.locale}/manage/conversations/${id}`)
      expect(rendered(mail)).toContain('Danke! Ich komme.')
      expect(rendered(mail)).not.toContain('amal@example.org')
    }
    expect(inboxOf(db, actorOf(db, ids.editor)).map((c) => [c.visitorName, c.unread])).toEqual([
      ['Amal', true],
      ['Olena', false],
    ])
    expect(replyAsVisitor(anonymous, 'A'.repeat(32), { message: 'x' })).toEqual({ ok: false, errors: { form: 'conversations:errors.notFound' } })
    expect(replyAsVisitor(anonymous, '../../etc', { message: 'x' })).toEqual({ ok: false, errors: { form: 'conversations:errors.notFound' } })
  })

  test('once closed, neither side can write', async () => {
    const { as, anonymous, id, token } = await started()
    expect(close(as('owner'), { conversation: id }).ok).toBe(true)
    const closed = { ok: false, errors: { form: 'conversations:errors.closed' } }
    expect(reply(as('editor'), { conversation: id, message: 'Noch etwas' })).toEqual(closed)
    expect(replyAsVisitor(anonymous, token, { message: 'Noch etwas' })).toEqual(closed)
  })

  test('the visitor deletes it: every message of both sides is gone at once, and the link leads nowhere', async () => {
    const { as, anonymous, db, id, token, count } = await started()
    reply(as('editor'), { conversation: id, message: 'Gern.' })
    expect(deleteByVisitor(anonymous, token)).toEqual({ ok: true, value: null })
    expect(count('conversations')).toBe(0)
    expect(count('messages')).toBe(0)
    expect(conversationForVisitor(db, token)).toBeNull()
    expect(deleteByVisitor(anonymous, token)).toEqual({ ok: false, errors: { form: 'conversations:errors.notFound' } })
    expect(db.$client.prepare("select actor_id, subject_id from audit_log where action = 'conversation.delete'").all()).toEqual([{ actor_id: null, subject_id: 'p-001' }])
  })
})

describe('retention', () => {
  test('conversations whose last message is older than the limit are deleted, exactly those', async () => {
    const { anonymous, as, db, clock, count } = await setup()
    const start = (name: string) => {
      const outcome = respond(anonymous, { ...visitor, name })
      if (!outcome.ok || !outcome.value.conversation) throw new Error('respond failed')
      return outcome.value.conversation
    }
    start('old')
    clock.advance(10 * day)
    const answered = start('answered later')
    clock.advance(10 * day)
    start('recent')
    clock.advance(170 * day)
    // An answer keeps a conversation alive: its last message counts, not its first.
    reply(as('editor'), { conversation: answered, message: 'Noch aktuell?' })
    clock.advance(1)
    // Now: "old" is 190 days and 1 ms old, "recent" 170 days; "answered later" was answered 1 ms ago.
    expect(deleteExpiredConversations(anonymous, 180)).toBe(1)
    const names = () => (db.$client.prepare('select visitor_name as name from conversations order by name').all() as Array<{ name: string }>).map((r) => r.name)
    expect(names()).toEqual(['answered later', 'recent'])
    clock.advance(10 * day - 1)
    // "recent" is exactly 180 days old: not older than the limit yet.
    expect(deleteExpiredConversations(anonymous, 180)).toBe(0)
    clock.advance(1)
    expect(deleteExpiredConversations(anonymous, 180)).toBe(1)
    expect(names()).toEqual(['answered later'])
    expect(count('messages')).toBe(2)
  })

  test('the retention job uses MESSAGE_RETENTION_DAYS', async () => {
    const { anonymous, db, dir, clock, count } = await setup()
    respond(anonymous, visitor)
    const env = readEnv({ DATABASE_PATH: `${dir}/x.db`, OUTBOX_DIR: `${dir}/outbox`, MESSAGE_RETENTION_DAYS: '30' })
    const retention = jobs(env, db, clock).find((job) => job.name === 'retention')!
    clock.advance(30 * day)
    expect(await retention.run()).toMatchObject({ conversations: 0 })
    clock.advance(1)
    expect(await retention.run()).toMatchObject({ conversations: 1 })
    expect(count('conversations')).toBe(0)
    expect(count('messages')).toBe(0)
  })
})
