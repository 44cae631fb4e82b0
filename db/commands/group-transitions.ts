import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../client'
import { todayInBerlin } from '../dates'
import { limits } from '../exchange/format'
import { assertCan, Forbidden, type Actor } from '../permissions'
import { auditLog, groupMembers, groupSessions, users, workingGroups } from '../schema'
import { requiredText } from './form-fields'
import { cancelWithNotice, groupNameIn } from './groups'
import { commit, failure, fieldErrors, type Context, type Effects, type Outcome } from './run'

/**
 * When a place closes: a coordinator closes its group, names successor groups and writes
 * a message; every member is told in their locale and moves with one click, or declines.
 * Each answer is an audit entry on the closed group (`group.move`, `group.declineMove`,
 * by the member), so who moved, who left and who has not answered follows from the log
 * and the remaining members, without a table of its own.
 */
const closeInput = z.object({
  successors: z
    .string()
    .optional()
    .transform((value) => [...new Set((value ?? '').split(',').map((id) => id.trim()).filter(Boolean))])
    .refine((ids) => ids.length >= 1, { error: 'volunteering:lead.errors.successors' })
    .refine((ids) => ids.length <= 20 && ids.every((id) => id.length <= limits.id), { error: 'editor:errors.invalid' }),
  message: requiredText(5_000),
})

function activeMembers(tx: Db, groupId: string) {
  return tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.state, 'active')))
    .orderBy(asc(users.name), asc(users.email))
    .all()
}

function successorNames(tx: Db, ids: string[]) {
  if (ids.length === 0) return []
  const rows = tx.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).where(inArray(workingGroups.id, ids)).all()
  return ids.flatMap((id) => rows.filter((row) => row.id === id))
}

function inviteToMove(effects: Effects, group: { id: string; name: Record<string, string> }, successors: Array<{ name: Record<string, string> }>, message: string, people: ReturnType<typeof activeMembers>, template: 'lead.groupClosed' | 'lead.moveReminder') {
  for (const person of people) {
    const names = successors.map((s) => groupNameIn(s.name, person.locale))
    effects.mail({
      to: person.email,
      userId: person.id,
      locale: person.locale,
      template,
      params: { name: person.name, group: groupNameIn(group.name, person.locale), message, successors: listIn(names, person.locale), path: `/${person.locale}/groups/${group.id}/move` },
    })
  }
}

function listIn(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
  } catch {
    return items.join(', ')
  }
}

/**
 * Closes a group (coordinators): it keeps its page as history and leaves search; open
 * requests to join lapse; coming sessions are cancelled (people who are not members and
 * signed up are told); every member is invited to a successor.
 */
export function closeGroup(context: Context, groupId: string, values: Record<string, string>): Outcome<{ told: number }> {
  assertCan(context.actor, 'group:create:any')
  const invalid = fieldErrors(closeInput, values)
  if (invalid) return invalid
  const data = closeInput.parse(values)
  const today = todayInBerlin(context.clock.now())
  return commit(context, (tx, effects) => {
    const group = tx.select({ id: workingGroups.id, name: workingGroups.name, state: workingGroups.state }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
    if (!group) return failure('form', 'editor:errors.notFound')
    if (group.state === 'closed') return failure('form', 'volunteering:lead.errors.closed')
    const successors = tx.select({ id: workingGroups.id }).from(workingGroups).where(and(inArray(workingGroups.id, data.successors), eq(workingGroups.state, 'active'))).all()
    if (data.successors.includes(groupId) || successors.length !== data.successors.length) return failure('successors', 'editor:errors.invalid')
    const now = context.clock.now().toISOString()
    tx.update(workingGroups).set({ state: 'closed', successors: data.successors, updatedAt: now }).where(eq(workingGroups.id, groupId)).run()
    tx.delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.state, 'requested')))
      .run()
    const members = activeMembers(tx, groupId)
    const skip = new Set(members.map((m) => m.id))
    const coming = tx
      .select({ id: groupSessions.id, date: groupSessions.date, start: groupSessions.start, end: groupSessions.end })
      .from(groupSessions)
      .where(and(eq(groupSessions.groupId, groupId), gte(groupSessions.date, today), isNull(groupSessions.cancelledAt)))
      .all()
    for (const session of coming) cancelWithNotice(tx, effects, now, group, session, data.message, skip)
    inviteToMove(effects, group, successorNames(tx, data.successors), data.message, members, 'lead.groupClosed')
    effects.audit({ action: 'group.close', subjectType: 'group', subjectId: groupId, reason: data.message })
    effects.index({ groups: [groupId] })
    return { ok: true, value: { told: members.length } }
  })
}

/** The coordinator's message when the group closed (the latest, should it have closed twice). */
function closingMessage(db: Db, groupId: string): string {
  const row = db
    .select({ reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'group'), eq(auditLog.subjectId, groupId), eq(auditLog.action, 'group.close')))
    .orderBy(desc(auditLog.id))
    .get()
  return row?.reason ?? ''
}

type Answer = { action: 'group.move' | 'group.declineMove'; userId: string; successor: string | null }

function answers(db: Db, groupId: string, userId?: string): Answer[] {
  return db
    .select({ action: auditLog.action, userId: auditLog.actorId, successor: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'group'), eq(auditLog.subjectId, groupId), inArray(auditLog.action, ['group.move', 'group.declineMove']), userId ? eq(auditLog.actorId, userId) : undefined))
    .orderBy(asc(auditLog.id))
    .all()
    .filter((row): row is Answer => row.userId !== null)
}

function isActiveMember(db: Db, groupId: string, userId: string): boolean {
  return db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId), eq(groupMembers.state, 'active')))
    .get() !== undefined
}

/**
 * What the move page shows a member of a closed group: the message, the successors, and
 * their answer so far. Undefined when the group is not closed; 403 for people who never
 * belonged to it.
 */
export function moveOffer(db: Db, actor: Actor | null, groupId: string) {
  assertCan(actor, 'group:join:own')
  const group = db.select().from(workingGroups).where(eq(workingGroups.id, groupId)).get()
  if (!group || group.state !== 'closed') return undefined
  const member = isActiveMember(db, groupId, actor.id)
  const answer = answers(db, groupId, actor.id).at(-1)
  if (!member && !answer) throw new Forbidden('group:join:own')
  const successors = db
    .select({ id: workingGroups.id, name: workingGroups.name, open: workingGroups.open })
    .from(workingGroups)
    .where(and(inArray(workingGroups.id, group.successors), eq(workingGroups.state, 'active')))
    .all()
  return {
    group: { id: group.id, name: group.name },
    message: closingMessage(db, groupId),
    successors: group.successors.flatMap((id) => successors.filter((s) => s.id === id)),
    answer: member ? ('open' as const) : answer!.action === 'group.move' ? ('moved' as const) : ('declined' as const),
    movedTo: member ? null : (answer!.successor ?? null),
  }
}

/** Checks for both answers: the group is closed and the person is still in it. */
function answering(tx: Db, actor: Actor, groupId: string): Outcome<never> | { successors: string[] } {
  const group = tx.select({ state: workingGroups.state, successors: workingGroups.successors }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
  if (!group || group.state !== 'closed') return failure('form', 'editor:errors.notFound')
  if (!isActiveMember(tx, groupId, actor.id)) {
    if (answers(tx, groupId, actor.id).length > 0) return failure('form', 'volunteering:lead.errors.answered')
    throw new Forbidden('group:join:own')
  }
  return { successors: group.successors }
}

const leave = (tx: Db, groupId: string, userId: string) =>
  tx
    .delete(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .run()

/**
 * A member of a closed group moves to one of its successors: joins it at once (or asks to,
 * where the group needs approval) and leaves the closed group.
 */
export function moveToSuccessor(context: Context, groupId: string, successorId: string): Outcome<{ joined: 'active' | 'requested' }> {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const checked = answering(tx, actor, groupId)
    if ('ok' in checked) return checked
    const successor = tx.select({ name: workingGroups.name, open: workingGroups.open, state: workingGroups.state }).from(workingGroups).where(eq(workingGroups.id, successorId)).get()
    if (!checked.successors.includes(successorId) || successor?.state !== 'active') return failure('successor', 'volunteering:lead.errors.successor')
    const existing = tx
      .select({ state: groupMembers.state })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, successorId), eq(groupMembers.userId, actor.id)))
      .get()
    const joined = existing?.state === 'active' || successor.open ? 'active' : 'requested'
    tx.insert(groupMembers)
      .values({ groupId: successorId, userId: actor.id, role: 'member', state: joined, createdAt: context.clock.now().toISOString() })
      .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: { state: joined } })
      .run()
    if (joined === 'requested' && existing?.state !== 'requested') askLeads(tx, effects, actor.id, successorId, successor.name)
    leave(tx, groupId, actor.id)
    effects.audit({ action: 'group.move', subjectType: 'group', subjectId: groupId, reason: successorId })
    return { ok: true, value: { joined } }
  })
}

/** A request to join, as joining asks it (db/commands/sessions.ts): every lead of the group is e-mailed in their locale. */
function askLeads(tx: Db, effects: Effects, userId: string, groupId: string, name: Record<string, string>) {
  const person = tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? ''
  const leads = tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'lead'), eq(groupMembers.state, 'active')))
    .all()
  for (const lead of leads) {
    effects.mail({ to: lead.email, userId: lead.id, locale: lead.locale, template: 'sessions.joinRequest', params: { name: lead.name, person, group: groupNameIn(name, lead.locale), path: `/${lead.locale}/manage/groups/${groupId}` } })
  }
}

/** A member of a closed group declines every successor and leaves. */
export function declineMove(context: Context, groupId: string): Outcome<null> {
  assertCan(context.actor, 'group:join:own')
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const checked = answering(tx, actor, groupId)
    if ('ok' in checked) return checked
    leave(tx, groupId, actor.id)
    effects.audit({ action: 'group.declineMove', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: null }
  })
}

/** Who moved (and where), who declined, who has not answered; for the group's leads and coordinators. */
export function transitionStatus(db: Db, actor: Actor | null, groupId: string) {
  assertCan(actor, 'group:lead:led', { groupId })
  const group = db.select({ state: workingGroups.state }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
  if (group?.state !== 'closed') return null
  const all = answers(db, groupId)
  const people = all.length === 0 ? [] : db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(all.map((a) => a.userId))])).all()
  const nameOf = new Map(people.map((p) => [p.id, p.name]))
  // A person's last answer counts (someone added back and moving again answers twice).
  const last = new Map(all.map((a) => [a.userId, a]))
  const open = activeMembers(db, groupId).map((m) => ({ userId: m.id, name: m.name, email: m.email }))
  const waiting = new Set(open.map((m) => m.userId))
  const answered = [...last.values()].filter((a) => !waiting.has(a.userId) && nameOf.has(a.userId))
  return {
    moved: answered.filter((a) => a.action === 'group.move').map((a) => ({ userId: a.userId, name: nameOf.get(a.userId)!, successor: a.successor ?? '' })),
    declined: answered.filter((a) => a.action === 'group.declineMove').map((a) => ({ userId: a.userId, name: nameOf.get(a.userId)! })),
    open,
  }
}

/** E-mails the members who have not answered yet, with the coordinator's message again. */
export function remindUnanswered(context: Context, groupId: string): Outcome<{ reminded: number }> {
  assertCan(context.actor, 'group:lead:led', { groupId })
  return commit(context, (tx, effects) => {
    const group = tx.select({ id: workingGroups.id, name: workingGroups.name, state: workingGroups.state, successors: workingGroups.successors }).from(workingGroups).where(eq(workingGroups.id, groupId)).get()
    if (!group || group.state !== 'closed') return failure('form', 'volunteering:lead.errors.notClosed')
    const people = activeMembers(tx, groupId)
    if (people.length === 0) return failure('form', 'volunteering:lead.errors.nobodyToRemind')
    inviteToMove(effects, group, successorNames(tx, group.successors), closingMessage(tx, groupId), people, 'lead.moveReminder')
    effects.audit({ action: 'group.remindMove', subjectType: 'group', subjectId: groupId })
    return { ok: true, value: { reminded: people.length } }
  })
}
