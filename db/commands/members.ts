import { and, eq, gt, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { locales } from '../../locales'
import { hashToken, newToken } from '../accounts/secrets'
import type { Db } from '../client'
import { day } from '../clock'
import { assertCan, can, canManageMembers, Forbidden, type Actor } from '../permissions'
import { accountTokens, memberRoles, organisationMembers, organisations, users } from '../schema'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

export const invitationValidFor = 14 * day

const organisationId = z.string().min(1).max(100)

export const inviteInput = z.object({
  organisation: organisationId,
  email: z.string({ error: 'account:errors.emailRequired' }).trim().toLowerCase().max(254, { error: 'account:errors.emailInvalid' }).pipe(z.email({ error: 'account:errors.emailInvalid' })),
  role: z.enum(memberRoles, { error: 'account:errors.invalid' }),
  locale: z.enum(locales).default('de'),
})

function mayInvite(actor: Actor | null, organisation: string, role: 'owner' | 'editor'): boolean {
  if (can(actor, 'organisation:invite:any')) return true
  return role === 'editor' && can(actor, 'organisation:invite-editor:owned', { organisationId: organisation })
}

/**
 * Invites a person by e-mail to look after an organisation: a coordinator as owner or
 * editor of any organisation (an imported one is claimed this way), an owner as editor of
 * their own. The link works 14 days, once, for whoever signs in with it.
 */
export function invite(context: Context, input: unknown): Outcome<null> {
  const invalid = fieldErrors(inviteInput, input)
  if (invalid) return invalid
  const data = inviteInput.parse(input)
  if (!mayInvite(context.actor, data.organisation, data.role)) throw new Forbidden('organisation:invite:any')
  const actor = context.actor!
  return commit(context, (tx, effects) => {
    const org = tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, data.organisation)).get()
    if (!org) return failure('organisation', 'account:errors.unknownOrganisation')
    const invitee = tx.select({ id: users.id, locale: users.locale }).from(users).where(eq(users.email, data.email)).get()
    const inviter = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get()
    const token = newToken()
    tx.insert(accountTokens)
      .values({
        id: hashToken(token),
        kind: 'invitation',
        email: data.email,
        organisationId: data.organisation,
        memberRole: data.role,
        createdBy: actor.id,
        expiresAt: new Date(context.clock.now().getTime() + invitationValidFor).toISOString(),
      })
      .run()
    const locale = invitee?.locale ?? data.locale
    effects.mail({
      to: data.email,
      userId: invitee?.id ?? null,
      locale,
      template: 'invitation',
      params: { name: data.email, inviter: inviter?.name ?? '', organisation: org.name, path: `/${locale}/invitations/${token}` },
    })
    effects.audit({ action: 'organisation.invite', subjectType: 'organisation', subjectId: data.organisation, reason: data.role })
    return { ok: true, value: null }
  })
}

/** What an invitation link offers, if it is still open. */
export function openInvitation(db: Db, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const row = db
    .select({ organisationId: accountTokens.organisationId, role: accountTokens.memberRole, name: organisations.name })
    .from(accountTokens)
    .innerJoin(organisations, eq(organisations.id, accountTokens.organisationId))
    .where(and(eq(accountTokens.id, hashToken(token)), eq(accountTokens.kind, 'invitation'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now.toISOString())))
    .get()
  return row?.organisationId && row.role ? { organisationId: row.organisationId, role: row.role, name: row.name } : null
}

/** The signed-in person accepts: they join the organisation in the invited role. */
export function acceptInvitation(context: Context, token: string): Outcome<{ organisation: string }> {
  assertCan(context.actor, 'account:update:own')
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const open = openInvitation(tx, token, context.clock.now())
    if (!open) return failure('token', 'account:errors.linkInvalid')
    tx.update(accountTokens).set({ usedAt: context.clock.now().toISOString() }).where(eq(accountTokens.id, hashToken(token))).run()
    const current = tx.select({ role: organisationMembers.role }).from(organisationMembers).where(and(eq(organisationMembers.organisationId, open.organisationId), eq(organisationMembers.userId, actor.id))).get()
    // Accepting never lowers a role: an owner invited as editor stays owner.
    const role = current?.role === 'owner' ? 'owner' : open.role
    tx.insert(organisationMembers)
      .values({ organisationId: open.organisationId, userId: actor.id, role })
      .onConflictDoUpdate({ target: [organisationMembers.organisationId, organisationMembers.userId], set: { role, updatedAt: context.clock.now().toISOString() } })
      .run()
    effects.audit({ action: 'organisation.acceptInvitation', subjectType: 'organisation', subjectId: open.organisationId, reason: role })
    return { ok: true, value: { organisation: open.organisationId } }
  })
}

/** The members of an organisation, for its owner or a coordinator only. */
export function listMembers(db: Db, actor: Actor | null, organisation: string) {
  if (!canManageMembers(actor, organisation)) throw new Forbidden('organisation:members:owned')
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisation))
    .orderBy(organisationMembers.role, users.name)
    .all()
}

const memberInput = z.object({ organisation: organisationId, user: z.string().min(1).max(100) })

const owners = (db: Db, organisation: string) =>
  db.select({ userId: organisationMembers.userId }).from(organisationMembers).where(and(eq(organisationMembers.organisationId, organisation), eq(organisationMembers.role, 'owner'))).all()

/** Removes a member; the last owner stays until someone else owns the organisation. */
export function removeMember(context: Context, input: unknown): Outcome<null> {
  const invalid = fieldErrors(memberInput, input)
  if (invalid) return invalid
  const data = memberInput.parse(input)
  if (!canManageMembers(context.actor, data.organisation)) throw new Forbidden('organisation:members:owned')
  return commit(context, (tx, effects) => {
    const member = tx.select({ role: organisationMembers.role }).from(organisationMembers).where(and(eq(organisationMembers.organisationId, data.organisation), eq(organisationMembers.userId, data.user))).get()
    if (!member) return failure('user', 'account:errors.invalid')
    if (member.role === 'owner' && owners(tx, data.organisation).length <= 1) return failure('form', 'manage:errors.lastOwner')
    tx.delete(organisationMembers).where(and(eq(organisationMembers.organisationId, data.organisation), eq(organisationMembers.userId, data.user))).run()
    effects.audit({ action: 'organisation.removeMember', subjectType: 'organisation', subjectId: data.organisation })
    return { ok: true, value: null }
  })
}

/** Hands ownership to a member; an owner who hands over becomes an editor. */
export function transferOwnership(context: Context, input: unknown): Outcome<null> {
  const invalid = fieldErrors(memberInput, input)
  if (invalid) return invalid
  const data = memberInput.parse(input)
  if (!canManageMembers(context.actor, data.organisation)) throw new Forbidden('organisation:members:owned')
  const actor = context.actor!
  return commit(context, (tx, effects) => {
    const member = tx.select({ role: organisationMembers.role }).from(organisationMembers).where(and(eq(organisationMembers.organisationId, data.organisation), eq(organisationMembers.userId, data.user))).get()
    if (!member) return failure('user', 'account:errors.invalid')
    const now = context.clock.now().toISOString()
    tx.update(organisationMembers).set({ role: 'owner', updatedAt: now }).where(and(eq(organisationMembers.organisationId, data.organisation), eq(organisationMembers.userId, data.user))).run()
    if (data.user !== actor.id) {
      tx.update(organisationMembers).set({ role: 'editor', updatedAt: now }).where(and(eq(organisationMembers.organisationId, data.organisation), eq(organisationMembers.userId, actor.id), eq(organisationMembers.role, 'owner'))).run()
    }
    effects.audit({ action: 'organisation.transferOwnership', subjectType: 'organisation', subjectId: data.organisation })
    return { ok: true, value: null }
  })
}

/** Open invitations of an organisation (addresses only its manager sees). */
export function pendingInvitations(db: Db, actor: Actor | null, organisation: string, now: Date) {
  if (!canManageMembers(actor, organisation)) throw new Forbidden('organisation:members:owned')
  return db
    .select({ email: accountTokens.email, role: accountTokens.memberRole, expiresAt: accountTokens.expiresAt })
    .from(accountTokens)
    .where(and(eq(accountTokens.organisationId, organisation), eq(accountTokens.kind, 'invitation'), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now.toISOString())))
    .all()
}
