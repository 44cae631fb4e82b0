import { and, asc, count, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../client'
import { instantInBerlin } from '../schedule'
import { assertCan, type Actor } from '../permissions'
import { attendanceValues, groupMembers, groupSessions, sessionSignups, users, volunteerProfiles, workingGroups } from '../schema'
import { dayInput } from './group-form'
import { groupNameIn } from './groups'
import { releasePlaces } from './sessions'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

/** After this many no-shows the leads are asked to talk with the person; nobody is blocked. */
export const noShowPrompt = 3

const userId = z.string().min(1).max(100)

function groupExists(tx: Db, groupId: string) {
  return tx.select({ name: workingGroups.name, state: workingGroups.state }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
}

function membership(tx: Db, groupId: string, user: string) {
  return tx
    .select({ role: groupMembers.role, state: groupMembers.state })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, user)))
    .get()
}

/**
 * Makes a person a lead of the group, or takes the lead back (the person stays a member).
 * Coordinators only; the person needs a confirmed account.
 */
export function setLead(context: Context, groupId: string, user: string, lead: boolean): Outcome<null> {
  assertCan(context.actor, 'group:create:any')
  if (!userId.safeParse(user).success) return failure('user', 'editor:errors.invalid')
  return commit(context, (tx, effects) => {
    if (!groupExists(tx, groupId)) return failure('form', 'editor:errors.notFound')
    const account = tx.select({ confirmedAt: users.confirmedAt }).from(users).where(eq(users.id, user)).get()
    if (!account?.confirmedAt) return failure('user', 'volunteering:lead.errors.noAccount')
    const current = membership(tx, groupId, user)
    if (lead) {
      if (current?.role === 'lead' && current.state === 'active') return failure('email', 'volunteering:lead.errors.alreadyLead')
      tx.insert(groupMembers)
        .values({ groupId, userId: user, role: 'lead', state: 'active', createdAt: context.clock.now().toISOString() })
        .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: { role: 'lead', state: 'active' } })
        .run()
    } else {
      if (current?.role !== 'lead') return failure('user', 'volunteering:lead.errors.notLead')
      tx.update(groupMembers).set({ role: 'member' }).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, user))).run()
    }
    effects.audit({ action: lead ? 'group.addLead' : 'group.removeLead', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: null }
  })
}

const emailInput = z.object({
  email: z.string({ error: 'account:errors.emailRequired' }).trim().toLowerCase().max(254, { error: 'account:errors.emailInvalid' }).pipe(z.email({ error: 'account:errors.emailInvalid' })),
})

/** The lead form's "add by e-mail": an existing, confirmed account becomes a lead. */
export function addLead(context: Context, groupId: string, email: string): Outcome<null> {
  assertCan(context.actor, 'group:create:any')
  const invalid = fieldErrors(emailInput, { email })
  if (invalid) return invalid
  const address = emailInput.parse({ email }).email
  const account = context.db.select({ id: users.id, confirmedAt: users.confirmedAt }).from(users).where(eq(users.email, address)).get()
  // Coordinators only see this answer: naming a missing account here tells no stranger anything.
  if (!account?.confirmedAt) return failure('email', 'volunteering:lead.errors.noAccount')
  const outcome = setLead(context, groupId, account.id, true)
  return outcome.ok || !outcome.errors.user ? outcome : failure('email', outcome.errors.user)
}

/** The leads of a group, for its leads and coordinators. */
export function leadsOf(db: Db, actor: Actor | null, groupId: string) {
  assertCan(actor, 'group:lead:led', { groupId })
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'lead'), eq(groupMembers.state, 'active')))
    .orderBy(asc(users.name))
    .all()
}

/** Approves or declines a request to join a group that needs approval; the person is told in their locale. */
export function decideJoinRequest(context: Context, groupId: string, user: string, decision: 'approve' | 'decline'): Outcome<null> {
  assertCan(context.actor, 'group:lead:led', { groupId })
  if (!userId.safeParse(user).success || !['approve', 'decline'].includes(decision)) return failure('form', 'editor:errors.invalid')
  return commit(context, (tx, effects) => {
    const group = groupExists(tx, groupId)
    if (!group) return failure('form', 'editor:errors.notFound')
    if (group.state === 'closed') return failure('form', 'volunteering:lead.errors.closed')
    if (membership(tx, groupId, user)?.state !== 'requested') return failure('form', 'volunteering:lead.errors.noRequest')
    const where = and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, user))
    if (decision === 'approve') tx.update(groupMembers).set({ state: 'active' }).where(where).run()
    else tx.delete(groupMembers).where(where).run()
    const person = tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, user)).get()!
    effects.mail({
      to: person.email,
      userId: user,
      locale: person.locale,
      template: decision === 'approve' ? 'lead.joinApproved' : 'lead.joinDeclined',
      params: { name: person.name, group: groupNameIn(group.name, person.locale), path: decision === 'approve' ? `/${person.locale}/groups/${groupId}` : `/${person.locale}/groups` },
    })
    effects.audit({ action: decision === 'approve' ? 'group.approveJoin' : 'group.declineJoin', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: null }
  })
}

/** Takes a member out of the group (leads are taken back as leads first, by a coordinator). */
export function removeMember(context: Context, groupId: string, user: string): Outcome<null> {
  assertCan(context.actor, 'group:lead:led', { groupId })
  if (!userId.safeParse(user).success) return failure('form', 'editor:errors.invalid')
  return commit(context, (tx, effects) => {
    const current = membership(tx, groupId, user)
    if (!current || current.state !== 'active') return failure('form', 'volunteering:lead.errors.notMember')
    if (current.role === 'lead') return failure('form', 'volunteering:lead.errors.isLead')
    releasePlaces(tx, effects, user, context.clock.now(), groupId)
    tx.delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, user)))
      .run()
    effects.audit({ action: 'group.removeMember', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: null }
  })
}

export type MemberView = {
  userId: string
  name: string
  email: string
  role: 'lead' | 'member'
  state: 'requested' | 'active'
  speaks: string[]
  writes: string[]
  skills: string[]
  noShows: number
}

/** Members, leads and open requests with what their profiles say, for the group's leads and coordinators only. */
export function membersOf(db: Db, actor: Actor | null, groupId: string): MemberView[] {
  assertCan(actor, 'group:lead:led', { groupId })
  const rows = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: groupMembers.role,
      state: groupMembers.state,
      speaks: volunteerProfiles.speaks,
      writes: volunteerProfiles.writes,
      skills: volunteerProfiles.skills,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, groupMembers.userId))
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(asc(groupMembers.role), asc(users.name), asc(users.email))
    .all()
  const noShows = noShowsIn(db, groupId)
  return rows.map((row) => ({ ...row, speaks: row.speaks ?? [], writes: row.writes ?? [], skills: row.skills ?? [], noShows: noShows.get(row.userId) ?? 0 }))
}

function noShowsIn(db: Db, groupId: string): Map<string, number> {
  const rows = db
    .select({ userId: sessionSignups.userId, n: count() })
    .from(sessionSignups)
    .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
    .where(and(eq(groupSessions.groupId, groupId), eq(sessionSignups.attendance, 'no_show')))
    .groupBy(sessionSignups.userId)
    .all()
  return new Map(rows.map((row) => [row.userId, row.n]))
}

/** How often a person did not come (nor said so) to sessions of this group. */
export function noShowCount(db: Db, groupId: string, user: string): number {
  return noShowsIn(db, groupId).get(user) ?? 0
}

/** Column headings of the CSV export; the page passes them in the reader's language. */
export type CsvHeader = Record<'name' | 'email' | 'role' | 'speaks' | 'writes' | 'skills' | 'noShows', string>
const defaultHeader: CsvHeader = { name: 'name', email: 'email', role: 'role', speaks: 'speaks', writes: 'writes', skills: 'skills', noShows: 'noShows' }

/**
 * A cell as spreadsheets read it safely: quoted, quotes doubled, and a leading = + - @
 * (or tab, carriage return) defused with `'` so no cell runs as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The active members as CSV, for the group's own use; the export is written to the audit log. */
export function exportMembersCsv(context: Context, groupId: string, header: CsvHeader = defaultHeader, roleLabel: (role: 'lead' | 'member') => string = (role) => role): string {
  const members = membersOf(context.db, context.actor, groupId).filter((m) => m.state === 'active')
  return commit(context, (_tx, effects) => {
    effects.audit({ action: 'group.exportMembers', subjectType: 'group', subjectId: groupId })
    const columns = Object.keys(defaultHeader) as Array<keyof CsvHeader>
    return toCsv([
      columns.map((column) => header[column]),
      ...members.map((m) => [m.name, m.email, roleLabel(m.role), m.speaks.join(' '), m.writes.join(' '), m.skills.join(' '), String(m.noShows)]),
    ])
  })
}

const attendanceInput = z.object({ date: dayInput, attendance: z.enum(attendanceValues, { error: 'volunteering:lead.errors.attendance' }) })

/** Marks whether a person confirmed for a session that has begun came, was excused, or did not come. */
export function markAttendance(context: Context, groupId: string, date: string, user: string, attendance: string): Outcome<null> {
  assertCan(context.actor, 'group:lead:led', { groupId })
  const invalid = fieldErrors(attendanceInput, { date, attendance })
  if (invalid) return invalid
  const data = attendanceInput.parse({ date, attendance })
  if (!userId.safeParse(user).success) return failure('form', 'editor:errors.invalid')
  return commit(context, (tx, effects) => {
    const session = tx
      .select({ id: groupSessions.id, start: groupSessions.start, cancelledAt: groupSessions.cancelledAt })
      .from(groupSessions)
      .where(and(eq(groupSessions.groupId, groupId), eq(groupSessions.date, data.date)))
      .get()
    if (!session || session.cancelledAt) return failure('form', 'volunteering:lead.errors.noSession')
    if (instantInBerlin(data.date, session.start) > context.clock.now()) return failure('form', 'volunteering:lead.errors.notYet')
    const signup = tx
      .select({ id: sessionSignups.id })
      .from(sessionSignups)
      .where(and(eq(sessionSignups.sessionId, session.id), eq(sessionSignups.userId, user), eq(sessionSignups.state, 'confirmed')))
      .get()
    if (!signup) return failure('form', 'volunteering:lead.errors.notSignedUp')
    tx.update(sessionSignups).set({ attendance: data.attendance }).where(eq(sessionSignups.id, signup.id)).run()
    effects.audit({ action: 'group.attendance', subjectType: 'group', subjectId: groupId, reason: `${data.date}: ${data.attendance}` })
    return { ok: true, value: null }
  })
}
