import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../client'
import { addDays, addMonths, todayInBerlin } from '../dates'
import { assertCan, can, Forbidden, type Actor } from '../permissions'
import { childProtectionChecks, groupMembers, groupSessions, sessionSignups, users, workingGroups } from '../schema'
import { optionalDate } from './form-fields'
import { confirmedCoordinators } from '../queries/users'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

/**
 * Checks before work with children (§ 72a SGB VIII, § 44 Abs. 3 AsylG). Coordinators
 * record three facts about an extended police certificate they have seen (its date,
 * whether it shows a relevant conviction) and the date of the data-protection briefing;
 * nothing else, no document. Groups that work with children can require a valid check
 * for sign-up. Coordinators are reminded before a check lapses, and a record is deleted
 * three months after the person's last activity in such a group.
 */

const error = (name: string) => `volunteering:checks.errors.${name}`

/** How long a certificate counts, unless the installation says otherwise (`CHECK_VALIDITY_YEARS`). */
export const defaultValidityYears = 5
/** Coordinators hear this many days before a check lapses. */
export const lapseNoticeDays = 56
/** The law's limit: a record goes three months after the last activity in a group that requires it. */
export const retentionMonths = 3

export type CheckRecord = typeof childProtectionChecks.$inferSelect
export type CheckState = 'valid' | 'lapsing' | 'lapsed' | 'conviction' | 'noBriefing'

const checkInput = z
  .object({
    seen: z.literal('on', { error: error('seen') }),
    certificateDate: optionalDate.pipe(z.string({ error: error('certificateDate') })),
    conviction: z.enum(['yes', 'no'], { error: error('conviction') }),
    briefingDate: optionalDate,
  })
  .transform((value) => ({ certificateDate: value.certificateDate, conviction: value.conviction === 'yes', briefingDate: value.briefingDate }))

/** Whether a check allows work with children on `date`: seen, no relevant conviction, briefed, not lapsed. */
export function checkState(check: Pick<CheckRecord, 'conviction' | 'briefingDate' | 'validUntil'>, date: string): CheckState {
  if (check.conviction) return 'conviction'
  if (!check.briefingDate) return 'noBriefing'
  if (check.validUntil < date) return 'lapsed'
  return addDays(date, lapseNoticeDays) > check.validUntil ? 'lapsing' : 'valid'
}

const allows = (state: CheckState) => state === 'valid' || state === 'lapsing'

/** Checks whose validity ends within the notice period (or has ended). */
const lapsesBy = (today: string) => lte(childProtectionChecks.validUntil, addDays(today, lapseNoticeDays))

/** True when the person holds a check that is valid on `date` (a session's day). */
export function hasValidCheck(db: Db, userId: string, date: string): boolean {
  const check = db.select().from(childProtectionChecks).where(eq(childProtectionChecks.userId, userId)).get()
  return check !== undefined && allows(checkState(check, date))
}

/** The record, for the person it is about and for coordinators; Forbidden for everyone else. */
export function checkOf(db: Db, actor: Actor | null, userId: string): CheckRecord | null {
  if (!actor || (actor.id !== userId && !can(actor, 'check:record:any'))) throw new Forbidden('check:record:any')
  return db.select().from(childProtectionChecks).where(eq(childProtectionChecks.userId, userId)).get() ?? null
}

/**
 * Until when a group's members may work with children: the date, or null without a valid
 * check. Leads of the group see no more than this; the facts stay with the coordinators.
 */
export function validUntilFor(db: Db, userIds: string[], today: string): Map<string, string | null> {
  const rows = userIds.length === 0 ? [] : db.select().from(childProtectionChecks).where(inArray(childProtectionChecks.userId, userIds)).all()
  const byUser = new Map(rows.map((row) => [row.userId, row]))
  return new Map(userIds.map((id) => {
    const check = byUser.get(id)
    return [id, check && allows(checkState(check, today)) ? check.validUntil : null]
  }))
}

/**
 * Records (or corrects) what a coordinator saw. The certificate's date may not lie in the
 * future nor so far back that it has lapsed already; the briefing may not lie ahead.
 */
export function recordCheck(context: Context, userId: string, input: unknown, validityYears = defaultValidityYears): Outcome<{ validUntil: string }> {
  assertCan(context.actor, 'check:record:any')
  const invalid = fieldErrors(checkInput, input)
  if (invalid) return invalid
  const data = checkInput.parse(input)
  const today = todayInBerlin(context.clock.now())
  if (data.certificateDate > today) return failure('certificateDate', error('future'))
  const validUntil = addMonths(data.certificateDate, 12 * validityYears)
  if (validUntil < today) return failure('certificateDate', error('tooOld'))
  if (data.briefingDate && data.briefingDate > today) return failure('briefingDate', error('future'))
  return commit(context, (tx, effects) => {
    const person = tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isNotNull(users.confirmedAt))).get()
    if (!person) return failure('form', error('noPerson'))
    const before = tx.select({ lastActivity: childProtectionChecks.lastActivity }).from(childProtectionChecks).where(eq(childProtectionChecks.userId, userId)).get()
    const values = {
      ...data,
      validUntil,
      recordedBy: context.actor!.id,
      recordedAt: context.clock.now().toISOString(),
      lastActivity: before && before.lastActivity > today ? before.lastActivity : today,
      lapseNoticeFor: null,
    }
    tx.insert(childProtectionChecks)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: childProtectionChecks.userId, set: values })
      .run()
    // The audit says that a check was recorded, never what it showed.
    effects.audit({ action: before ? 'check.update' : 'check.record', subjectType: 'user', subjectId: userId })
    return { ok: true, value: { validUntil } }
  })
}

/** A coordinator deletes a record (a mistake, or the person asks). */
export function deleteCheck(context: Context, userId: string): Outcome<null> {
  assertCan(context.actor, 'check:record:any')
  return commit(context, (tx, effects) => {
    const deleted = tx.delete(childProtectionChecks).where(eq(childProtectionChecks.userId, userId)).run().changes
    if (deleted === 0) return failure('form', error('noRecord'))
    effects.audit({ action: 'check.delete', subjectType: 'user', subjectId: userId })
    return { ok: true, value: null }
  })
}

/** Checks that lapse within the notice period or have lapsed, soonest first (coordinators). */
export function lapsingChecks(db: Db, actor: Actor | null, today: string) {
  assertCan(actor, 'check:record:any')
  return db
    .select({ userId: users.id, name: users.name, validUntil: childProtectionChecks.validUntil })
    .from(childProtectionChecks)
    .innerJoin(users, eq(users.id, childProtectionChecks.userId))
    .where(lapsesBy(today))
    .orderBy(childProtectionChecks.validUntil, users.name)
    .all()
}

/**
 * The daily reminder: every coordinator hears, in their locale, how many checks lapse
 * within the notice period (names stay on the page behind the link). Each lapse date is
 * told once; a renewed check is told again when its own time comes.
 */
export function remindLapsingChecks(context: Context): { checks: number; sent: number } {
  const today = todayInBerlin(context.clock.now())
  return commit(context, (tx, effects) => {
    const due = tx
      .select({ userId: childProtectionChecks.userId, validUntil: childProtectionChecks.validUntil })
      .from(childProtectionChecks)
      .where(
        and(
          lapsesBy(today),
          gt(childProtectionChecks.validUntil, today),
          or(isNull(childProtectionChecks.lapseNoticeFor), ne(childProtectionChecks.lapseNoticeFor, childProtectionChecks.validUntil)),
        ),
      )
      .all()
    if (due.length === 0) return { checks: 0, sent: 0 }
    for (const check of due) {
      tx.update(childProtectionChecks).set({ lapseNoticeFor: check.validUntil }).where(eq(childProtectionChecks.userId, check.userId)).run()
    }
    const coordinators = confirmedCoordinators(tx)
    for (const person of coordinators) {
      effects.mail({ to: person.email, userId: person.id, locale: person.locale, template: 'checks.lapsing', params: { name: person.name, count: String(due.length), path: `/${person.locale}/manage/volunteers#checks` } })
    }
    effects.audit({ action: 'check.lapseNotice', subjectType: 'check', subjectId: today, reason: String(due.length) })
    return { checks: due.length, sent: coordinators.length }
  })
}

/**
 * The retention rule, daily: being an active member of a group that requires the check,
 * or a session of one that has taken place with the person signed up, counts as activity
 * that day; a record whose last activity lies more than three months back is deleted.
 */
export function expireChecks(context: Context): { deleted: number } {
  const today = todayInBerlin(context.clock.now())
  return commit(context, (tx, effects) => {
    const requiring = tx.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.requiresCheck, true))
    tx.update(childProtectionChecks)
      .set({ lastActivity: today })
      .where(
        inArray(
          childProtectionChecks.userId,
          tx
            .select({ userId: groupMembers.userId })
            .from(groupMembers)
            .where(and(eq(groupMembers.state, 'active'), inArray(groupMembers.groupId, requiring))),
        ),
      )
      .run()
    const lastSession = tx
      .select({ userId: sessionSignups.userId, date: sql<string>`max(${groupSessions.date})`.as('date') })
      .from(sessionSignups)
      .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
      .where(and(ne(sessionSignups.state, 'cancelled'), lte(groupSessions.date, today), inArray(groupSessions.groupId, requiring)))
      .groupBy(sessionSignups.userId)
      .all()
    for (const row of lastSession) {
      tx.update(childProtectionChecks)
        .set({ lastActivity: row.date })
        .where(and(eq(childProtectionChecks.userId, row.userId), lt(childProtectionChecks.lastActivity, row.date)))
        .run()
    }
    const deleted = tx.delete(childProtectionChecks).where(lt(childProtectionChecks.lastActivity, addMonths(today, -retentionMonths))).run().changes
    if (deleted > 0) effects.audit({ action: 'check.expire', subjectType: 'check', subjectId: today, reason: String(deleted) })
    return { deleted }
  })
}
