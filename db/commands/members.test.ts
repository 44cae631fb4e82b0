import { describe, expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { commandContext } from '../../search/context'
import { actorOf } from '../accounts/sessions'
import { fakeClock } from '../clock'
import { importExchange } from '../exchange'
import { readInstallation } from '../installation'
import { Forbidden } from '../permissions'
import { acceptInvitation, invite, listMembers, removeMember, transferOwnership } from './members'
import { updateInstallation } from './settings'
import { createConfirmedUser, setRole } from './users'

const password = 'Kastanien-Allee-Herbst-4'

async function setup() {
  const { db } = testDatabase()
  const clock = fakeClock('2026-12-02T09:00:00Z')
  const system = commandContext(db, null, clock)
  expect(importExchange(system, sampleFile(), { today: '2026-12-02' }).ok).toBe(true)
  const make = async (email: string, role: 'admin' | 'coordinator' | 'volunteer', organisation?: string, as?: 'owner' | 'editor') => {
    const outcome = await createConfirmedUser(system, { email, name: email.split('@')[0], password, role, organisation, as })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
    return outcome.value.userId
  }
  const ids = {
    admin: await make('admin@example.org', 'admin'),
    coordinator: await make('coord@example.org', 'coordinator'),
    owner: await make('owner@example.org', 'volunteer', 'drk-lindenfeld', 'owner'),
    editor: await make('editor@example.org', 'volunteer', 'drk-lindenfeld', 'editor'),
    stranger: await make('stranger@example.org', 'volunteer', 'asylkreis', 'owner'),
  }
  const as = (who: keyof typeof ids) => commandContext(db, actorOf(db, ids[who]), clock)
  const lastLink = () => JSON.parse((db.$client.prepare("select params from mail_outbox where template = 'invitation' order by id desc").get() as { params: string }).params).path as string
  return { db, ids, as, lastLink }
}

describe('members of an organisation', () => {
  test('an owner invites editors but not owners; a coordinator both, to any organisation; others nobody', async () => {
    const { as } = await setup()
    expect(invite(as('owner'), { organisation: 'drk-lindenfeld', email: 'new@example.org', role: 'editor' })).toEqual({ ok: true, value: null })
    expect(() => invite(as('owner'), { organisation: 'drk-lindenfeld', email: 'new@example.org', role: 'owner' })).toThrow(Forbidden)
    expect(() => invite(as('owner'), { organisation: 'asylkreis', email: 'new@example.org', role: 'editor' })).toThrow(Forbidden)
    expect(() => invite(as('editor'), { organisation: 'drk-lindenfeld', email: 'new@example.org', role: 'editor' })).toThrow(Forbidden)
    expect(() => invite(as('admin'), { organisation: 'drk-lindenfeld', email: 'new@example.org', role: 'editor' })).toThrow(Forbidden)
    expect(invite(as('coordinator'), { organisation: 'asylkreis', email: 'new@example.org', role: 'owner' }).ok).toBe(true)
    expect(invite(as('coordinator'), { organisation: 'asylkreis', email: 'not an address', role: 'owner' })).toEqual({ ok: false, errors: { email: 'account:errors.emailInvalid' } })
  })

  test('an invitation is accepted once, by whoever signs in with its link, and never lowers a role', async () => {
    const { as, lastLink, db, ids } = await setup()
    invite(as('coordinator'), { organisation: 'drk-lindenfeld', email: 'owner@example.org', role: 'editor' })
    const token = lastLink().split('/').pop()!
    expect(acceptInvitation(as('owner'), token)).toEqual({ ok: true, value: { organisation: 'drk-lindenfeld' } })
    expect(acceptInvitation(as('owner'), token)).toEqual({ ok: false, errors: { token: 'account:errors.linkInvalid' } })
    expect(db.$client.prepare('select role from organisation_members where user_id = ? and organisation_id = ?').get(ids.owner, 'drk-lindenfeld')).toEqual({ role: 'owner' })
  })

  test('the last owner cannot be removed; handing over makes the old owner an editor', async () => {
    const { as, ids } = await setup()
    expect(removeMember(as('owner'), { organisation: 'drk-lindenfeld', user: ids.owner })).toEqual({ ok: false, errors: { form: 'manage:errors.lastOwner' } })
    expect(transferOwnership(as('owner'), { organisation: 'drk-lindenfeld', user: ids.editor }).ok).toBe(true)
    const members = listMembers(as('editor').db, actorOf(as('editor').db, ids.editor), 'drk-lindenfeld').map((m) => [m.email, m.role])
    expect(members).toEqual([
      ['owner@example.org', 'editor'],
      ['editor@example.org', 'owner'],
    ])
    expect(removeMember(as('editor'), { organisation: 'drk-lindenfeld', user: ids.owner }).ok).toBe(true)
    // Another organisation's owner sees nothing of this one.
    expect(() => listMembers(as('stranger').db, actorOf(as('stranger').db, ids.stranger), 'drk-lindenfeld')).toThrow(Forbidden)
  })
})

describe('roles and settings', () => {
  test('an administrator gives and takes roles, but never their own last admin role', async () => {
    const { as, ids, db } = await setup()
    expect(setRole(as('admin'), { user: ids.editor, role: 'coordinator' }, true).ok).toBe(true)
    expect(db.$client.prepare('select role from user_roles where user_id = ?').all(ids.editor)).toEqual([{ role: 'coordinator' }])
    expect(setRole(as('admin'), { user: ids.admin, role: 'admin' }, false)).toEqual({ ok: false, errors: { form: 'account:errors.lastAdmin' } })
    expect(setRole(as('admin'), { user: ids.editor, role: 'admin' }, true).ok).toBe(true)
    expect(setRole(as('admin'), { user: ids.admin, role: 'admin' }, false).ok).toBe(true)
    expect(() => setRole(as('coordinator'), { user: ids.editor, role: 'admin' }, true)).toThrow(Forbidden)
  })

  test('installation settings: administrators only, per locale, validated', async () => {
    const { as, db } = await setup()
    const settings = { municipality: { de: 'Stadt Lindenfeld', ar: 'مدينة ليندنفلد' }, operator: { de: 'Stadt Lindenfeld' }, address: 'Markt 1', email: 'info@lindenfeld.example', phone: '', privacyContact: '', accessibilityContact: '' }
    expect(() => updateInstallation(as('coordinator'), settings)).toThrow(Forbidden)
    expect(updateInstallation(as('admin'), { ...settings, municipality: {}, email: 'nope' })).toEqual({
      ok: false,
      errors: { 'municipality.de': 'manage:errors.municipalityRequired', email: 'account:errors.emailInvalid' },
    })
    expect(updateInstallation(as('admin'), settings).ok).toBe(true)
    expect(readInstallation(db).municipality.ar).toBe('مدينة ليندنفلد')
  })
})
