import { describe, expect, test } from 'vitest'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../../search/context'
import { day, fakeClock, hour } from '../clock'
import { changePassword, checkLogin, confirmEmail, confirmEmailChange, deleteAccount, deleteUnconfirmed, requestEmailChange, requestPasswordReset, resetPassword, signUp } from '../commands/accounts'
import { createSession, deleteSessionsOf, validateSession, actorOf } from './sessions'
import { hashToken } from './secrets'

const password = 'Lindenfeld-Bahnhof-Kaffee'
const tokenIn = (path: string) => path.split('/').pop()!

function setup() {
  const { db } = testDatabase()
  const clock = fakeClock('2026-12-02T09:00:00Z')
  const anonymous = commandContext(db, null, clock)
  const mails = () => db.$client.prepare('select "to", template, params from mail_outbox order by id').all() as Array<{ to: string; template: string; params: string }>
  const lastLink = (template: string) => JSON.parse(mails().filter((m) => m.template === template).at(-1)!.params).path as string
  async function confirmedUser(email = 'anna@example.org', name = 'Anna Beispiel') {
    expect(await signUp(anonymous, { email, name, password, locale: 'ar' })).toEqual({ ok: true, value: { created: true } })
    const confirmed = confirmEmail(anonymous, tokenIn(lastLink('confirm')))
    if (!confirmed.ok) throw new Error('not confirmed')
    return confirmed.value.userId
  }
  return { db, clock, anonymous, mails, lastLink, confirmedUser, as: (userId: string) => commandContext(db, actorOf(db, userId), clock) }
}

describe('sign-up and confirmation', () => {
  test('a new account is unconfirmed until its link is followed, once, within 24 hours', async () => {
    const { db, anonymous, mails, lastLink, clock } = setup()
    await signUp(anonymous, { email: ' Anna@Example.org ', name: 'Anna', password, locale: 'ar' })
    expect(mails()).toMatchObject([{ to: 'anna@example.org', template: 'confirm' }])
    expect(lastLink('confirm')).toMatch(/^\/ar\/confirm\/[A-Za-z0-9_-]{32}$/)
    expect(await checkLogin(db, { email: 'anna@example.org', password })).toEqual({ ok: false, errors: { form: 'account:errors.loginFailed' } })
    const token = tokenIn(lastLink('confirm'))
    clock.advance(23 * hour)
    expect(confirmEmail(anonymous, token).ok).toBe(true)
    expect(confirmEmail(anonymous, token).ok).toBe(false)
    expect((await checkLogin(db, { email: 'ANNA@example.org', password })).ok).toBe(true)
  })

  test('an expired confirmation link is refused', async () => {
    const { anonymous, lastLink, clock } = setup()
    await signUp(anonymous, { email: 'a@example.org', name: 'A', password, locale: 'de' })
    clock.advance(24 * hour + 1)
    expect(confirmEmail(anonymous, tokenIn(lastLink('confirm')))).toEqual({ ok: false, errors: { token: 'account:errors.linkInvalid' } })
  })

  test('a known address answers alike and e-mails its owner instead', async () => {
    const { db, anonymous, mails, confirmedUser } = setup()
    await confirmedUser()
    const again = await signUp(anonymous, { email: 'anna@example.org', name: 'Mallory', password: 'Another-long-passphrase-9', locale: 'de' })
    expect(again.ok).toBe(true)
    expect(mails().at(-1)).toMatchObject({ to: 'anna@example.org', template: 'signupExisting' })
    expect(db.$client.prepare('select count(*) n from users').get()).toEqual({ n: 1 })
  })

  test('weak, short and personal passwords are refused with a reason, and nothing is stored', async () => {
    const { db, anonymous } = setup()
    const cases: Array<[string, string]> = [
      ['kurz', 'account:errors.password.tooShort'],
      ['password1234', 'account:errors.password.common'],
      ['qwertzuiop123', 'account:errors.password.common'],
      ['Beispiel-Anna-2026', 'account:errors.password.containsPersonal'],
    ]
    for (const [weak, key] of cases) {
      expect(await signUp(anonymous, { email: 'anna@example.org', name: 'Anna Beispiel', password: weak, locale: 'de' })).toEqual({ ok: false, errors: { password: key } })
    }
    expect(await signUp(anonymous, { email: 'no address', name: '', password, locale: 'xx' })).toEqual({
      ok: false,
      errors: { email: 'account:errors.emailInvalid', name: 'account:errors.nameRequired', locale: 'account:errors.localeInvalid' },
    })
    expect(db.$client.prepare('select count(*) n from users').get()).toEqual({ n: 0 })
    expect(db.$client.prepare('select count(*) n from mail_outbox').get()).toEqual({ n: 0 })
  })

  test('unconfirmed accounts are deleted after the configured days', async () => {
    const { db, anonymous, clock, confirmedUser } = setup()
    await confirmedUser('kept@example.org')
    await signUp(anonymous, { email: 'late@example.org', name: 'L', password, locale: 'de' })
    clock.advance(7 * day - 1)
    expect(deleteUnconfirmed(anonymous, 7)).toBe(0)
    clock.advance(2)
    expect(deleteUnconfirmed(anonymous, 7)).toBe(1)
    expect(db.$client.prepare('select email from users').all()).toEqual([{ email: 'kept@example.org' }])
  })
})

describe('sessions', () => {
  test('only the hash of the token is stored, and the token opens the session', async () => {
    const { db, clock, confirmedUser } = setup()
    const userId = await confirmedUser()
    const { token } = createSession(db, userId, 'Firefox · Android', clock)
    const stored = db.$client.prepare('select id from sessions').all() as Array<{ id: string }>
    expect(stored).toEqual([{ id: hashToken(token) }])
    expect(JSON.stringify(db.$client.prepare('select * from sessions').all())).not.toContain(token)
    expect(validateSession(db, token, clock)?.user).toMatchObject({ id: userId, email: 'anna@example.org', roles: [] })
    expect(validateSession(db, hashToken(token), clock)).toBeNull()
  })

  test('idle expiry slides when half spent, the absolute end does not', async () => {
    const { db, clock, confirmedUser } = setup()
    const userId = await confirmedUser()
    const { token } = createSession(db, userId, 'x', clock)
    // A visit every six days keeps a volunteer's session (idle: seven days) alive …
    for (let visit = 0; visit < 4; visit++) {
      clock.advance(6 * day)
      expect(validateSession(db, token, clock), `visit ${visit}`).not.toBeNull()
    }
    // … until thirty days after sign-in, whatever happens.
    clock.advance(6 * day)
    expect(validateSession(db, token, clock)).toBeNull()
    expect(db.$client.prepare('select count(*) n from sessions').get()).toEqual({ n: 0 })
  })

  test('a session left alone longer than its idle time ends; staff idle out after 12 hours', async () => {
    const { db, clock, confirmedUser } = setup()
    const volunteer = await confirmedUser('v@example.org')
    const coordinator = await confirmedUser('c@example.org')
    db.$client.prepare("insert into user_roles (user_id, role) values (?, 'coordinator')").run(coordinator)
    const v = createSession(db, volunteer, 'x', clock).token
    const c = createSession(db, coordinator, 'x', clock).token
    clock.advance(12 * hour + 1)
    expect(validateSession(db, c, clock)).toBeNull()
    expect(validateSession(db, v, clock)).not.toBeNull()
    clock.advance(7 * day)
    expect(validateSession(db, v, clock)).toBeNull()
  })

  test('a password change ends every other session; a reset ends all of them', async () => {
    const { db, clock, confirmedUser, as, anonymous, lastLink } = setup()
    const userId = await confirmedUser()
    const current = createSession(db, userId, 'here', clock).token
    const other = createSession(db, userId, 'there', clock).token
    const changed = await changePassword(as(userId), hashToken(current), { password, newPassword: 'Neues-Kennwort-vom-Bahnhof-7' })
    expect(changed).toEqual({ ok: true, value: null })
    expect(validateSession(db, current, clock)).not.toBeNull()
    expect(validateSession(db, other, clock)).toBeNull()
    expect((await checkLogin(db, { email: 'anna@example.org', password })).ok).toBe(false)

    requestPasswordReset(anonymous, { email: 'anna@example.org' })
    expect((await resetPassword(anonymous, tokenIn(lastLink('reset')), { newPassword: 'Drittes-Kennwort-am-Markt-8' })).ok).toBe(true)
    expect(validateSession(db, current, clock)).toBeNull()
  })

  test('the wrong current password changes nothing', async () => {
    const { db, clock, confirmedUser, as } = setup()
    const userId = await confirmedUser()
    const other = createSession(db, userId, 'there', clock).token
    expect(await changePassword(as(userId), 'x', { password: 'wrong-password-123', newPassword: 'Neues-Kennwort-vom-Bahnhof-7' })).toEqual({ ok: false, errors: { password: 'account:errors.passwordWrong' } })
    expect(validateSession(db, other, clock)).not.toBeNull()
  })

  test('an e-mail change is confirmed at the new address, tells the old one, and ends the sessions', async () => {
    const { db, clock, confirmedUser, as, anonymous, mails, lastLink } = setup()
    const userId = await confirmedUser()
    const session = createSession(db, userId, 'x', clock).token
    expect(await requestEmailChange(as(userId), { email: 'anna.neu@example.org', password })).toEqual({ ok: true, value: null })
    expect(mails().slice(-2).map((m) => [m.to, m.template])).toEqual([
      ['anna.neu@example.org', 'emailChange'],
      ['anna@example.org', 'emailChangeNotice'],
    ])
    expect(confirmEmailChange(anonymous, tokenIn(lastLink('emailChange'))).ok).toBe(true)
    expect(db.$client.prepare('select email from users').get()).toEqual({ email: 'anna.neu@example.org' })
    expect(validateSession(db, session, clock)).toBeNull()
  })

  test('deletion ends every session and leaves the person in no table', async () => {
    const { db, clock, confirmedUser, as, anonymous } = setup()
    const userId = await confirmedUser('anna.deleted@example.org')
    const other = await confirmedUser('bert@example.org', 'Bert Muster')
    createSession(db, userId, 'x', clock)
    requestPasswordReset(anonymous, { email: 'anna.deleted@example.org' })
    expect(await deleteAccount(as(userId), { password: 'wrong-password-123' })).toEqual({ ok: false, errors: { password: 'account:errors.passwordWrong' } })
    expect(await deleteAccount(as(userId), { password })).toEqual({ ok: true, value: null })
    const tables = (db.$client.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((t) => t.name)
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'audit_log', 'mail_outbox', 'account_tokens']))
    for (const table of tables) {
      const dump = JSON.stringify(db.$client.prepare(`select * from "${table}"`).all())
      for (const trace of [userId, 'anna.deleted@example.org', 'Anna Beispiel']) {
        expect(dump, `${table} holds ${trace}`).not.toContain(trace)
      }
    }
    expect(db.$client.prepare('select id from users').all()).toEqual([{ id: other }])
    deleteSessionsOf(db, other)
  })
})
