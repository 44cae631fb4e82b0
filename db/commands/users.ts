import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { hashPassword, passwordProblem } from '../accounts/passwords'
import { newId } from '../accounts/secrets'
import { deleteSessionsOf } from '../accounts/sessions'
import { locales } from '../../locales'
import { assertCan } from '../permissions'
import { memberRoles, organisationMembers, organisations, staffRoles, userRoles, users } from '../schema'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'account:errors.emailInvalid' })),
  name: z.string().trim().min(1, { error: 'account:errors.nameRequired' }).max(100, { error: 'account:errors.nameTooLong' }),
  password: z.string().max(200, { error: 'account:errors.passwordTooLong' }),
  locale: z.enum(locales, { error: 'account:errors.localeInvalid' }).default('de'),
  role: z.enum(['admin', 'coordinator', 'volunteer'], { error: 'account:errors.invalid' }),
  organisation: z.string().optional(),
  as: z.enum(memberRoles, { error: 'account:errors.invalid' }).default('owner'),
})

/**
 * A confirmed account made by an operator (`npm run user:create`, the demo seed): no
 * e-mail, no link. The password must pass the same rules as a sign-up.
 */
export async function createConfirmedUser(context: Context, input: z.input<typeof createUserInput>): Promise<Outcome<{ userId: string }>> {
  const invalid = fieldErrors(createUserInput, input)
  if (invalid) return invalid
  const data = createUserInput.parse(input)
  const problem = await passwordProblem(data.password, [data.name, data.email])
  if (problem) return failure('password', `account:errors.password.${problem}`)
  const passwordHash = await hashPassword(data.password)
  return commit(context, (tx, effects) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) return failure('email', 'account:errors.emailTaken')
    if (data.organisation && !tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, data.organisation)).get()) {
      return failure('organisation', 'account:errors.unknownOrganisation')
    }
    const id = newId()
    const now = context.clock.now().toISOString()
    tx.insert(users).values({ id, email: data.email, name: data.name, passwordHash, locale: data.locale, confirmedAt: now, createdAt: now, updatedAt: now }).run()
    if (data.role !== 'volunteer') tx.insert(userRoles).values({ userId: id, role: data.role }).run()
    if (data.organisation) tx.insert(organisationMembers).values({ organisationId: data.organisation, userId: id, role: data.as }).run()
    effects.audit({ action: 'user.create', subjectType: 'user', subjectId: id })
    return { ok: true, value: { userId: id } }
  })
}

/** Adds a person to an organisation (an operator's shortcut; people join by invitation). */
export function addMember(context: Context, input: { organisation: string; userId: string; as: 'owner' | 'editor' }): Outcome<null> {
  return commit(context, (tx, effects) => {
    tx.insert(organisationMembers)
      .values({ organisationId: input.organisation, userId: input.userId, role: input.as })
      .onConflictDoUpdate({ target: [organisationMembers.organisationId, organisationMembers.userId], set: { role: input.as } })
      .run()
    effects.audit({ action: 'organisation.addMember', subjectType: 'organisation', subjectId: input.organisation })
    return { ok: true, value: null }
  })
}

export const roleInput = z.object({
  user: z.string().min(1).max(100),
  role: z.enum(staffRoles, { error: 'account:errors.invalid' }),
})

/** An administrator gives or takes the admin or coordinator role. Nobody takes their own last admin role. */
export function setRole(context: Context, input: unknown, give: boolean): Outcome<null> {
  assertCan(context.actor, 'role:grant:any')
  const actor = context.actor
  const invalid = fieldErrors(roleInput, input)
  if (invalid) return invalid
  const data = roleInput.parse(input)
  return commit(context, (tx, effects) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, data.user)).get()) return failure('user', 'account:errors.invalid')
    if (give) {
      tx.insert(userRoles).values({ userId: data.user, role: data.role }).onConflictDoNothing().run()
    } else {
      const admins = tx.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin')).all()
      if (data.role === 'admin' && data.user === actor.id && admins.length <= 1) return failure('form', 'account:errors.lastAdmin')
      tx.delete(userRoles).where(and(eq(userRoles.userId, data.user), eq(userRoles.role, data.role))).run()
    }
    // Roles change the session's idle time: the person signs in again under the new rules.
    if (data.user !== actor.id) deleteSessionsOf(tx, data.user)
    effects.audit({ action: give ? 'role.grant' : 'role.revoke', subjectType: 'user', subjectId: data.user, reason: data.role })
    return { ok: true, value: null }
  })
}
