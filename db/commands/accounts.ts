import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import { z } from 'zod'
import { locales } from '../../locales'
import { dummyHash, hashPassword, maxPasswordLength, passwordProblem, verifyPassword } from '../accounts/passwords'
import { newId, newToken, hashToken } from '../accounts/secrets'
import { deleteSessionsOf } from '../accounts/sessions'
import type { Db } from '../client'
import { day, hour } from '../clock'
import { controlsToSpaces } from '../control-characters'
import { assertCan } from '../permissions'
import { accountTokens, auditLog, conversations, organisationMembers, users, type TokenKind } from '../schema'
import { releasePlaces } from './sessions'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

export const confirmValidFor = 24 * hour
export const resetValidFor = hour

const email = z
  .string({ error: 'account:errors.emailRequired' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'account:errors.emailRequired' })
  .max(254, { error: 'account:errors.emailInvalid' })
  .pipe(z.email({ error: 'account:errors.emailInvalid' }))
const name = z
  .string({ error: 'account:errors.nameRequired' })
  .transform(controlsToSpaces)
  .pipe(z.string().trim().min(1, { error: 'account:errors.nameRequired' }).max(100, { error: 'account:errors.nameTooLong' }))
const locale = z.enum(locales, { error: 'account:errors.localeInvalid' })
const password = z.string({ error: 'account:errors.passwordRequired' }).min(1, { error: 'account:errors.passwordRequired' }).max(maxPasswordLength, { error: 'account:errors.passwordTooLong' })

async function strongPassword(field: string, value: string, personal: string[]): Promise<Outcome<never> | null> {
  const problem = await passwordProblem(value, personal)
  return problem ? failure(field, `account:errors.password.${problem}`) : null
}

function issueToken(tx: Db, context: Context, kind: TokenKind, values: { userId?: string; email: string; validFor: number; organisationId?: string; memberRole?: 'owner' | 'editor' }): string {
  const token = newToken()
  tx.insert(accountTokens)
    .values({
      id: hashToken(token),
      kind,
      userId: values.userId ?? null,
      email: values.email,
      organisationId: values.organisationId ?? null,
      memberRole: values.memberRole ?? null,
      createdBy: context.actor?.id ?? null,
      expiresAt: new Date(context.clock.now().getTime() + values.validFor).toISOString(),
    })
    .run()
  return token
}

/** The unused, unexpired token of this kind, marked used; null otherwise. */
function redeem(tx: Db, context: Context, kind: TokenKind, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const now = context.clock.now().toISOString()
  const row = tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.id, hashToken(token)), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .get()
  if (!row) return null
  tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id)).run()
  return row
}

const findByEmail = (db: Db, address: string) =>
  db.select({ id: users.id, name: users.name, locale: users.locale, passwordHash: users.passwordHash, confirmedAt: users.confirmedAt }).from(users).where(eq(users.email, address)).get()

export const signUpInput = z.object({ email, name, password, locale })

/**
 * A new, unconfirmed account and its confirmation e-mail. A known address gets an e-mail
 * to its owner instead, and the answer is the same: nobody learns who has an account.
 */
export async function signUp(context: Context, input: unknown): Promise<Outcome<{ created: boolean }>> {
  const invalid = fieldErrors(signUpInput, input)
  if (invalid) return invalid
  const data = signUpInput.parse(input)
  const weak = await strongPassword('password', data.password, [data.name, data.email])
  if (weak) return weak
  const passwordHash = await hashPassword(data.password)
  return commit(context, (tx, effects) => {
    const existing = findByEmail(tx, data.email)
    if (existing) {
      effects.mail({ to: data.email, userId: existing.id, locale: existing.locale, template: 'signupExisting', params: { name: existing.name, path: `/${existing.locale}/reset` } })
      return { ok: true, value: { created: false } }
    }
    const id = newId()
    const now = context.clock.now().toISOString()
    tx.insert(users).values({ id, email: data.email, name: data.name, passwordHash, locale: data.locale, createdAt: now, updatedAt: now }).run()
    const token = issueToken(tx, context, 'confirm', { userId: id, email: data.email, validFor: confirmValidFor })
    effects.mail({ to: data.email, userId: id, locale: data.locale, template: 'confirm', params: { name: data.name, path: `/${data.locale}/confirm/${token}` } })
    effects.audit({ action: 'account.signUp', subjectType: 'user', subjectId: id })
    return { ok: true, value: { created: true } }
  })
}

/** Confirms the address a confirmation link was sent to; the link works once, for 24 hours. */
export function confirmEmail(context: Context, token: string): Outcome<{ userId: string }> {
  return commit(context, (tx, effects) => {
    const row = redeem(tx, context, 'confirm', token)
    if (!row?.userId) return failure('token', 'account:errors.linkInvalid')
    tx.update(users).set({ confirmedAt: context.clock.now().toISOString() }).where(and(eq(users.id, row.userId), isNull(users.confirmedAt))).run()
    effects.audit({ action: 'account.confirm', subjectType: 'user', subjectId: row.userId })
    return { ok: true, value: { userId: row.userId } }
  })
}

/** A new confirmation link for an unconfirmed account; answers alike for every address. */
export function resendConfirmation(context: Context, input: unknown): Outcome<null> {
  const invalid = fieldErrors(resetRequestInput, input)
  if (invalid) return invalid
  const data = resetRequestInput.parse(input)
  return commit(context, (tx, effects) => {
    const user = findByEmail(tx, data.email)
    if (!user || user.confirmedAt) return { ok: true, value: null }
    const token = issueToken(tx, context, 'confirm', { userId: user.id, email: data.email, validFor: confirmValidFor })
    effects.mail({ to: data.email, userId: user.id, locale: user.locale, template: 'confirm', params: { name: user.name, path: `/${user.locale}/confirm/${token}` } })
    return { ok: true, value: null }
  })
}

export const loginInput = z.object({ email, password })

/** The confirmed account these credentials open, or the same refusal for every other case. */
export async function checkLogin(db: Db, input: unknown): Promise<Outcome<{ userId: string }>> {
  const invalid = fieldErrors(loginInput, input)
  if (invalid) return invalid
  const data = loginInput.parse(input)
  const user = findByEmail(db, data.email)
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), data.password)
  if (!user || !valid || !user.confirmedAt) return failure('form', 'account:errors.loginFailed')
  return { ok: true, value: { userId: user.id } }
}

export const resetRequestInput = z.object({ email })

/** Sends a reset link (valid one hour) when the address has an account; answers alike either way. */
export function requestPasswordReset(context: Context, input: unknown): Outcome<null> {
  const invalid = fieldErrors(resetRequestInput, input)
  if (invalid) return invalid
  const data = resetRequestInput.parse(input)
  return commit(context, (tx, effects) => {
    const user = findByEmail(tx, data.email)
    if (!user) return { ok: true, value: null }
    const token = issueToken(tx, context, 'reset', { userId: user.id, email: data.email, validFor: resetValidFor })
    effects.mail({ to: data.email, userId: user.id, locale: user.locale, template: 'reset', params: { name: user.name, path: `/${user.locale}/reset/${token}` } })
    return { ok: true, value: null }
  })
}

export const resetInput = z.object({ newPassword: password })

/** Sets a new password by a reset link; every session of the account ends. */
export async function resetPassword(context: Context, token: string, input: unknown): Promise<Outcome<{ userId: string }>> {
  const invalid = fieldErrors(resetInput, input)
  if (invalid) return invalid
  const { newPassword } = resetInput.parse(input)
  const weak = await strongPassword('newPassword', newPassword, [])
  if (weak) return weak
  const passwordHash = await hashPassword(newPassword)
  return commit(context, (tx, effects) => {
    const row = redeem(tx, context, 'reset', token)
    if (!row?.userId) return failure('token', 'account:errors.linkInvalid')
    const now = context.clock.now().toISOString()
    // Following the link proves the address: an unconfirmed account is confirmed by it.
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.userId)).run()
    tx.update(users).set({ confirmedAt: now }).where(and(eq(users.id, row.userId), isNull(users.confirmedAt))).run()
    deleteSessionsOf(tx, row.userId)
    const user = tx.select({ name: users.name, locale: users.locale, email: users.email }).from(users).where(eq(users.id, row.userId)).get()!
    effects.mail({ to: user.email, userId: row.userId, locale: user.locale, template: 'passwordChanged', params: { name: user.name, path: `/${user.locale}/reset` } })
    effects.audit({ action: 'account.resetPassword', subjectType: 'user', subjectId: row.userId })
    return { ok: true, value: { userId: row.userId } }
  })
}

/** The person, when `password` is their current one: what changing sensitive settings requires. */
async function withPassword(db: Db, userId: string, password: string) {
  const user = db.select({ passwordHash: users.passwordHash, name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId)).get()
  return user && (await verifyPassword(user.passwordHash, password)) ? user : null
}

export const profileInput = z.object({ name, locale })

export function updateProfile(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'account:update:own')
  const actor = context.actor
  const invalid = fieldErrors(profileInput, input)
  if (invalid) return invalid
  const data = profileInput.parse(input)
  return commit(context, (tx, effects) => {
    tx.update(users).set({ name: data.name, locale: data.locale, updatedAt: context.clock.now().toISOString() }).where(eq(users.id, actor.id)).run()
    effects.audit({ action: 'account.updateProfile', subjectType: 'user', subjectId: actor.id })
    return { ok: true, value: null }
  })
}

export const passwordChangeInput = z.object({ password, newPassword: password })

/** A new password, the current one required; every other session ends. */
export async function changePassword(context: Context, currentSession: string, input: unknown): Promise<Outcome<null>> {
  assertCan(context.actor, 'account:update:own')
  const actor = context.actor
  const invalid = fieldErrors(passwordChangeInput, input)
  if (invalid) return invalid
  const data = passwordChangeInput.parse(input)
  const user = await withPassword(context.db, actor.id, data.password)
  if (!user) return failure('password', 'account:errors.passwordWrong')
  const weak = await strongPassword('newPassword', data.newPassword, [user.name, user.email])
  if (weak) return weak
  const passwordHash = await hashPassword(data.newPassword)
  return commit(context, (tx, effects) => {
    tx.update(users).set({ passwordHash, updatedAt: context.clock.now().toISOString() }).where(eq(users.id, actor.id)).run()
    deleteSessionsOf(tx, actor.id, currentSession)
    effects.mail({ to: user.email, userId: actor.id, locale: user.locale, template: 'passwordChanged', params: { name: user.name, path: `/${user.locale}/reset` } })
    effects.audit({ action: 'account.changePassword', subjectType: 'user', subjectId: actor.id })
    return { ok: true, value: null }
  })
}

export const emailChangeInput = z.object({ email, password })

/** Sends a confirmation link to the new address and tells the old one; nothing changes until confirmed. */
export async function requestEmailChange(context: Context, input: unknown): Promise<Outcome<null>> {
  assertCan(context.actor, 'account:update:own')
  const actor = context.actor
  const invalid = fieldErrors(emailChangeInput, input)
  if (invalid) return invalid
  const data = emailChangeInput.parse(input)
  const user = await withPassword(context.db, actor.id, data.password)
  if (!user) return failure('password', 'account:errors.passwordWrong')
  if (data.email === user.email) return failure('email', 'account:errors.emailUnchanged')
  return commit(context, (tx, effects) => {
    const token = issueToken(tx, context, 'email-change', { userId: actor.id, email: data.email, validFor: confirmValidFor })
    effects.mail({ to: data.email, userId: actor.id, locale: user.locale, template: 'emailChange', params: { name: user.name, path: `/${user.locale}/confirm/${token}` } })
    effects.mail({ to: user.email, userId: actor.id, locale: user.locale, template: 'emailChangeNotice', params: { name: user.name, path: `/${user.locale}/account` } })
    effects.audit({ action: 'account.requestEmailChange', subjectType: 'user', subjectId: actor.id })
    return { ok: true, value: null }
  })
}

/** Confirms a new address by its link; other sessions end. A taken address is refused. */
export function confirmEmailChange(context: Context, token: string): Outcome<{ userId: string }> {
  return commit(context, (tx, effects) => {
    const row = redeem(tx, context, 'email-change', token)
    if (!row?.userId) return failure('token', 'account:errors.linkInvalid')
    if (findByEmail(tx, row.email)) return failure('token', 'account:errors.linkInvalid')
    tx.update(users).set({ email: row.email, updatedAt: context.clock.now().toISOString() }).where(eq(users.id, row.userId)).run()
    deleteSessionsOf(tx, row.userId)
    effects.audit({ action: 'account.changeEmail', subjectType: 'user', subjectId: row.userId })
    return { ok: true, value: { userId: row.userId } }
  })
}

/** The kind of a link's token, so `/confirm/{token}` serves sign-up and e-mail change alike. */
export function tokenKind(db: Db, token: string): TokenKind | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  return db.select({ kind: accountTokens.kind }).from(accountTokens).where(eq(accountTokens.id, hashToken(token))).get()?.kind ?? null
}

export const deleteInput = z.object({ password })

/**
 * Deletes the account: sessions, tokens, roles, memberships and queued mail go with it
 * (foreign keys cascade); audit entries keep the action but lose the person. The last
 * owner of an organisation must hand it over first.
 */
export async function deleteAccount(context: Context, input: unknown): Promise<Outcome<null>> {
  assertCan(context.actor, 'account:update:own')
  const actor = context.actor
  const invalid = fieldErrors(deleteInput, input)
  if (invalid) return invalid
  const data = deleteInput.parse(input)
  if (!(await withPassword(context.db, actor.id, data.password))) return failure('password', 'account:errors.passwordWrong')
  return commit(context, (tx, effects) => {
    const blocking = lastOwnerOf(tx, actor.id)
    if (blocking.length > 0) return failure('form', 'account:errors.lastOwner')
    tx.update(auditLog).set({ subjectId: null }).where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, actor.id))).run()
    // Answers they wrote while signed in hold their name and address: they go with the account.
    tx.delete(conversations).where(eq(conversations.visitorUserId, actor.id)).run()
    // Places they held in coming sessions pass to the next on each waiting list.
    // (Their entries keep no trace of them: the account is gone when the log is written.)
    releasePlaces(tx, { ...effects, audit: (entry) => effects.audit({ ...entry, withoutActor: true }) }, actor.id, context.clock.now())
    tx.delete(users).where(eq(users.id, actor.id)).run()
    effects.audit({ action: 'account.delete', subjectType: 'user', subjectId: null, withoutActor: true })
    return { ok: true, value: null }
  })
}

/** Organisations whose only owner this person is. */
export function lastOwnerOf(db: Db, userId: string): string[] {
  const owned = db.select({ organisationId: organisationMembers.organisationId }).from(organisationMembers).where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.role, 'owner'))).all()
  return owned
    .filter(({ organisationId }) => db.select({ userId: organisationMembers.userId }).from(organisationMembers).where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'owner'))).all().length === 1)
    .map((row) => row.organisationId)
}

/** Unconfirmed accounts older than `days` go, with everything cascading from them. */
export function deleteUnconfirmed(context: Context, days: number): number {
  const before = new Date(context.clock.now().getTime() - days * day).toISOString()
  return commit(context, (tx) => {
    const stale = tx.select({ id: users.id }).from(users).where(and(isNull(users.confirmedAt), lt(users.createdAt, before))).all()
    for (const { id } of stale) tx.delete(users).where(eq(users.id, id)).run()
    return stale.length
  })
}
