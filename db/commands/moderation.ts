import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../client'
import { controlCharacter } from '../control-characters'
import { todayInBerlin } from '../dates'
import { assertCan, Forbidden } from '../permissions'
import { queueCounts, organisationOfItem } from '../queries/moderation'
import {
  auditLog,
  moderationActions,
  moderationDecisions,
  organisations,
  postings,
  reportReasons,
  reports,
  type ModerationAction,
  type ModerationSubject,
} from '../schema'
import { isVisible } from '../visibility'
import { editorsOf } from './postings'
import { confirmedCoordinators } from '../queries/users'
import { commit, failure, fieldErrors, type Context, type Effects, type Outcome } from './run'

export const maxText = 2000

const text = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .max(maxText, { error: 'moderation:errors.tooLong' })
    .refine((value) => !controlCharacter.test(value), { error: 'moderation:errors.controlCharacter' })

const requiredText = (required: string) => text(required).pipe(z.string().min(1, { error: required }))

const item = z
  .string({ error: 'moderation:errors.item' })
  .regex(/^(posting|organisation):[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { error: 'moderation:errors.item' })
  .transform((value) => {
    const colon = value.indexOf(':')
    return { subjectType: value.slice(0, colon) as ModerationSubject, subjectId: value.slice(colon + 1) }
  })

const intent = z.enum(moderationActions, { error: 'moderation:errors.intent' })
/** The statement of reasons the authors receive (DSA Art. 17): always required. */
const reason = requiredText('moderation:errors.reasonRequired')

export const reportInput = z.object({
  subjectType: z.enum(['posting', 'organisation']),
  subjectId: z.string().min(1).max(100),
  reason: z.enum(reportReasons, { error: 'moderation:errors.reportReason' }),
  note: text('moderation:errors.invalid')
    .optional()
    .transform((value) => value || null),
})
export const decideInput = z.object({ intent, reason, item })
export const decideManyInput = z.object({
  intent,
  reason,
  items: z.array(item).min(1, { error: 'moderation:errors.noItems' }).max(100, { error: 'moderation:errors.tooMany' }),
})
export const appealInput = z.object({ appeal: requiredText('moderation:errors.appealRequired') })

/** Which intents an item of each kind can take; `dismiss` (the reports were unfounded) fits both. */
const intentsFor: Record<ModerationSubject, readonly ModerationAction[]> = {
  posting: ['hide', 'restore', 'approve', 'dismiss'],
  organisation: ['verify', 'reject', 'suspend', 'unsuspend', 'dismiss'],
}

/**
 * Anyone (no account needed) tells coordinators about a visible posting or organisation.
 * Nothing about the person is kept: not in the report, not in the audit entry. A hidden
 * or unknown item is not found (`subject`), as its page is.
 */
export function report(context: Context, input: unknown): Outcome<null> {
  const invalid = fieldErrors(reportInput, input)
  if (invalid) return invalid
  const data = reportInput.parse(input)
  return commit(context, (tx, effects) => {
    if (!isPublic(tx, data.subjectType, data.subjectId, todayInBerlin(context.clock.now()))) return failure('subject', 'moderation:errors.notFound')
    tx.insert(reports).values({ subjectType: data.subjectType, subjectId: data.subjectId, reason: data.reason, note: data.note, createdAt: context.clock.now().toISOString() }).run()
    effects.audit({ action: 'moderation.report', subjectType: data.subjectType, subjectId: data.subjectId, reason: data.reason, withoutActor: true })
    return { ok: true, value: null }
  })
}

function isPublic(tx: Db, subjectType: ModerationSubject, subjectId: string, today: string): boolean {
  if (subjectType === 'organisation') {
    return Boolean(tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, subjectId), eq(organisations.suspended, false))).get())
  }
  const row = tx
    .select({ status: postings.status, moderation: postings.moderation, organisationSuspended: organisations.suspended, validFrom: postings.validFrom, validUntil: postings.validUntil })
    .from(postings)
    .innerJoin(organisations, eq(organisations.id, postings.organisationId))
    .where(eq(postings.id, subjectId))
    .get()
  return row !== undefined && isVisible(row, today)
}

type Item = { subjectType: ModerationSubject; subjectId: string }
type Subject = Item & { organisationId: string; organisationName: string; title: Record<string, string> | null; sourceLocale: string }

function subjectOf(tx: Db, item: Item): Subject | undefined {
  if (item.subjectType === 'organisation') {
    const org = tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, item.subjectId)).get()
    return org && { ...item, organisationId: org.id, organisationName: org.name, title: null, sourceLocale: 'de' }
  }
  const row = tx
    .select({ organisationId: postings.organisationId, organisationName: organisations.name, title: postings.title, sourceLocale: postings.sourceLocale })
    .from(postings)
    .innerJoin(organisations, eq(organisations.id, postings.organisationId))
    .where(eq(postings.id, item.subjectId))
    .get()
  return row && { ...item, ...row }
}

/** Every item exists and takes the intent; else the field that says why, and nothing is written. */
function checkItems(tx: Db, action: ModerationAction, items: Item[]): { subjects: Subject[] } | { field: string; key: string } {
  const subjects: Subject[] = []
  for (const one of items) {
    const subject = subjectOf(tx, one)
    if (!subject) return { field: 'item', key: 'moderation:errors.unknownItem' }
    if (!intentsFor[one.subjectType].includes(action)) return { field: 'intent', key: 'moderation:errors.intentNotForItem' }
    subjects.push(subject)
  }
  return { subjects }
}

/** What a decision does to its item; `reject` takes an organisation off the board, like `suspend`. */
function applyTo(tx: Db, action: ModerationAction, subject: Subject, now: string): void {
  const setPosting = (moderation: 'visible' | 'hidden') =>
    tx.update(postings).set({ moderation, updatedAt: now }).where(eq(postings.id, subject.subjectId)).run()
  const setOrganisation = (change: { verified?: boolean; suspended?: boolean }) =>
    tx.update(organisations).set({ ...change, updatedAt: now }).where(eq(organisations.id, subject.subjectId)).run()
  switch (action) {
    case 'hide':
      return void setPosting('hidden')
    case 'restore':
    case 'approve':
      return void setPosting('visible')
    case 'verify':
      // A verified organisation is on the board, and what it published while it waited shows now.
      setOrganisation({ verified: true, suspended: false })
      tx.update(postings).set({ moderation: 'visible', updatedAt: now }).where(and(eq(postings.organisationId, subject.subjectId), eq(postings.moderation, 'pending'))).run()
      return
    case 'reject':
      return void setOrganisation({ verified: false, suspended: true })
    case 'suspend':
      return void setOrganisation({ suspended: true })
    case 'unsuspend':
      return void setOrganisation({ suspended: false })
    case 'dismiss':
      return
  }
}

function titleIn(subject: Subject, locale: string): string {
  if (!subject.title) return subject.organisationName
  return subject.title[locale] ?? subject.title[subject.sourceLocale] ?? subject.title.de ?? Object.values(subject.title)[0] ?? subject.subjectId
}

/**
 * One decision on one item, inside the caller's transaction: the decision with its reasons,
 * the item's new state, its open reports and a pending appeal resolved, the search index,
 * the audit entry and an e-mail to every member of the organisation in their own locale.
 */
function record(tx: Db, effects: Effects, context: Context, action: ModerationAction, why: string, subject: Subject): number {
  const now = context.clock.now().toISOString()
  tx.update(reports)
    .set({ resolvedAt: now })
    .where(and(eq(reports.subjectType, subject.subjectType), eq(reports.subjectId, subject.subjectId), isNull(reports.resolvedAt)))
    .run()
  const answered = tx
    .update(moderationDecisions)
    .set({ appealResolvedAt: now })
    .where(
      and(
        eq(moderationDecisions.subjectType, subject.subjectType),
        eq(moderationDecisions.subjectId, subject.subjectId),
        isNotNull(moderationDecisions.appealedAt),
        isNull(moderationDecisions.appealResolvedAt),
      ),
    )
    .run().changes
  const { id } = tx
    .insert(moderationDecisions)
    .values({ subjectType: subject.subjectType, subjectId: subject.subjectId, action, reason: why, decidedBy: context.actor?.id ?? null, decidedAt: now })
    .returning({ id: moderationDecisions.id })
    .get()
  applyTo(tx, action, subject, now)
  if (subject.subjectType === 'posting') effects.index({ postings: [subject.subjectId] })
  else {
    const own = tx.select({ id: postings.id }).from(postings).where(eq(postings.organisationId, subject.subjectId)).all()
    effects.index({ organisations: [subject.subjectId], postings: own.map((row) => row.id) })
  }
  effects.audit({ action: `moderation.${action}`, subjectType: subject.subjectType, subjectId: subject.subjectId, reason: why })
  // Unfounded reports change nothing for the authors, who never heard of them; but whoever
  // answered a decision hears that it stands.
  if (action !== 'dismiss' || answered > 0) {
    for (const member of editorsOf(tx, subject.organisationId)) {
      effects.mail({
        to: member.email,
        userId: member.id,
        locale: member.locale,
        template: `decision.${action}` as const,
        params: { name: member.name, item: titleIn(subject, member.locale), organisation: subject.organisationName, reason: why, path: `/${member.locale}/manage/decisions/${id}` },
      })
    }
  }
  return id
}

/** A coordinator decides on one item (`item`: `posting:ID` or `organisation:ID`). */
export function decide(context: Context, input: unknown): Outcome<{ decision: number }> {
  assertCan(context.actor, 'moderation:decide:any')
  const invalid = fieldErrors(decideInput, input)
  if (invalid) return invalid
  const data = decideInput.parse(input)
  return commit(context, (tx, effects) => {
    const checked = checkItems(tx, data.intent, [data.item])
    if ('field' in checked) return failure(checked.field, checked.key)
    return { ok: true, value: { decision: record(tx, effects, context, data.intent, data.reason, checked.subjects[0]) } }
  })
}

/** One intent and one reason for several items, all in one transaction: all of them or none. */
export function decideMany(context: Context, input: unknown): Outcome<{ decisions: number[] }> {
  assertCan(context.actor, 'moderation:decide:any')
  const invalid = fieldErrors(decideManyInput, input)
  if (invalid && !invalid.ok) {
    // `items.3` is one of the form's `item` checkboxes.
    const errors: Record<string, string> = {}
    for (const [field, key] of Object.entries(invalid.errors)) errors[field.startsWith('items') ? 'item' : field] ??= key
    return { ok: false, errors }
  }
  const data = decideManyInput.parse(input)
  const unique = [...new Map(data.items.map((i) => [`${i.subjectType}:${i.subjectId}`, i])).values()]
  return commit(context, (tx, effects) => {
    const checked = checkItems(tx, data.intent, unique)
    if ('field' in checked) return failure(checked.field, checked.key)
    return { ok: true, value: { decisions: checked.subjects.map((subject) => record(tx, effects, context, data.intent, data.reason, subject)) } }
  })
}

/**
 * A member of the item's organisation answers a decision, once: the item goes back to the
 * queue until a coordinator decides again. Anyone else, whatever the id, is refused alike.
 */
export function appeal(context: Context, decisionId: string, input: unknown): Outcome<null> {
  const id = /^[1-9][0-9]{0,15}$/.test(decisionId) ? Number(decisionId) : NaN
  const decision = Number.isSafeInteger(id)
    ? context.db.select({ subjectType: moderationDecisions.subjectType, subjectId: moderationDecisions.subjectId }).from(moderationDecisions).where(eq(moderationDecisions.id, id)).get()
    : undefined
  const organisationId = decision && organisationOfItem(context.db, decision.subjectType, decision.subjectId)
  if (!decision || !organisationId) throw new Forbidden('moderation:appeal:own-organisation')
  assertCan(context.actor, 'moderation:appeal:own-organisation', { organisationId })
  const actor = context.actor
  const invalid = fieldErrors(appealInput, input)
  if (invalid) return invalid
  const data = appealInput.parse(input)
  return commit(context, (tx, effects) => {
    const current = tx.select({ appealedAt: moderationDecisions.appealedAt }).from(moderationDecisions).where(eq(moderationDecisions.id, id)).get()
    if (!current || current.appealedAt) return failure('appeal', 'moderation:errors.alreadyAppealed')
    tx.update(moderationDecisions).set({ appeal: data.appeal, appealedBy: actor.id, appealedAt: context.clock.now().toISOString() }).where(eq(moderationDecisions.id, id)).run()
    // The appeal's text stays with the decision; the log says only that there is one.
    effects.audit({ action: 'moderation.appeal', subjectType: decision.subjectType, subjectId: decision.subjectId })
    return { ok: true, value: null }
  })
}

/** Not before this hour (Europe/Berlin), so `npm run jobs:once` at night sends nothing early. */
export const digestHour = 7

const berlinHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' })

/**
 * The coordinators' morning e-mail: how many items wait, in each coordinator's locale;
 * nothing when nothing waits, and at most one a day (the audit entry marks the day, so
 * the scheduler and `jobs:once` never send it twice).
 */
export function moderationDigest(context: Context): { sent: number } {
  const now = context.clock.now()
  if (Number(berlinHour.format(now)) < digestHour) return { sent: 0 }
  const today = todayInBerlin(now)
  const done = context.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, 'moderation.digest'), eq(auditLog.subjectId, today))).get()
  if (done) return { sent: 0 }
  const counts = queueCounts(context.db)
  if (counts.total === 0) return { sent: 0 }
  return commit(context, (tx, effects) => {
    const coordinators = confirmedCoordinators(tx)
    for (const person of coordinators) {
      effects.mail({
        to: person.email,
        userId: person.id,
        locale: person.locale,
        template: 'moderationDigest',
        params: { name: person.name, total: String(counts.total), reports: String(counts.reports), pending: String(counts.pending), unverified: String(counts.unverified), appeals: String(counts.appeals), path: `/${person.locale}/moderation` },
      })
    }
    effects.audit({ action: 'moderation.digest', subjectType: 'moderation', subjectId: today, reason: String(coordinators.length) })
    return { sent: coordinators.length }
  })
}
