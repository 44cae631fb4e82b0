import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { assertCan, Forbidden, type Actor } from '../permissions'
import {
  auditLog,
  moderationDecisions,
  organisations,
  postings,
  reports,
  users,
  type ModerationAction,
  type ModerationSubject,
  type ReportReason,
} from '../schema'

/** `posting:p-001` or `organisation:drk`: how forms, the queue and the audit filter name an item. */
export type ItemKey = `${ModerationSubject}:${string}`
export const itemKey = (subjectType: ModerationSubject, subjectId: string): ItemKey => `${subjectType}:${subjectId}`

export type Waiting = {
  subjectType: ModerationSubject
  subjectId: string
  /** The oldest thing that waits on this item: the queue shows the longest-waiting first. */
  since: string
  reports: { count: number; reasons: Partial<Record<ReportReason, number>>; notes: string[] }
  /** A posting of an organisation not yet verified, waiting to be approved. */
  pending: boolean
  /** An organisation nobody has decided on yet. */
  unverified: boolean
  appeal: { decisionId: number; action: ModerationAction; reason: string; text: string; at: string } | null
}

/** The item still exists: a report on a posting that is gone waits for nobody. */
const exists = (subjectType: SQL, subjectId: SQL) =>
  or(
    and(sql`${subjectType} = 'posting'`, sql`exists (select 1 from postings p where p.id = ${subjectId})`),
    and(sql`${subjectType} = 'organisation'`, sql`exists (select 1 from organisations o where o.id = ${subjectId})`),
  )

/**
 * Everything that waits for a coordinator, one entry per item: open reports (grouped),
 * published postings waiting for approval, organisations without any decision yet that
 * are not verified, and appeals nobody has decided on. Oldest first.
 */
function waiting(db: Db): Waiting[] {
  const items = new Map<string, Waiting>()
  const entry = (subjectType: ModerationSubject, subjectId: string, at: string) => {
    const key = itemKey(subjectType, subjectId)
    let item = items.get(key)
    if (!item) {
      item = { subjectType, subjectId, since: at, reports: { count: 0, reasons: {}, notes: [] }, pending: false, unverified: false, appeal: null }
      items.set(key, item)
    }
    if (at < item.since) item.since = at
    return item
  }
  const open = db
    .select({ subjectType: reports.subjectType, subjectId: reports.subjectId, reason: reports.reason, note: reports.note, createdAt: reports.createdAt })
    .from(reports)
    .where(and(isNull(reports.resolvedAt), exists(sql`${reports.subjectType}`, sql`${reports.subjectId}`)))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .all()
  for (const report of open) {
    const item = entry(report.subjectType, report.subjectId, report.createdAt)
    item.reports.count++
    item.reports.reasons[report.reason] = (item.reports.reasons[report.reason] ?? 0) + 1
    if (report.note) item.reports.notes.push(report.note)
  }
  const pending = db
    .select({ id: postings.id, at: postings.updatedAt })
    .from(postings)
    .innerJoin(organisations, eq(organisations.id, postings.organisationId))
    .where(and(eq(postings.moderation, 'pending'), eq(postings.status, 'published'), eq(organisations.suspended, false)))
    .all()
  for (const posting of pending) entry('posting', posting.id, posting.at).pending = true
  const unverified = db
    .select({ id: organisations.id, at: organisations.createdAt })
    .from(organisations)
    .where(
      and(
        eq(organisations.verified, false),
        eq(organisations.suspended, false),
        sql`not exists (select 1 from moderation_decisions d where d.subject_type = 'organisation' and d.subject_id = ${organisations.id})`,
      ),
    )
    .all()
  for (const org of unverified) entry('organisation', org.id, org.at).unverified = true
  const appeals = db
    .select({
      id: moderationDecisions.id,
      subjectType: moderationDecisions.subjectType,
      subjectId: moderationDecisions.subjectId,
      action: moderationDecisions.action,
      reason: moderationDecisions.reason,
      appeal: moderationDecisions.appeal,
      appealedAt: moderationDecisions.appealedAt,
    })
    .from(moderationDecisions)
    .where(
      and(
        isNotNull(moderationDecisions.appealedAt),
        isNull(moderationDecisions.appealResolvedAt),
        exists(sql`${moderationDecisions.subjectType}`, sql`${moderationDecisions.subjectId}`),
      ),
    )
    .orderBy(asc(moderationDecisions.appealedAt))
    .all()
  for (const a of appeals) {
    const item = entry(a.subjectType, a.subjectId, a.appealedAt!)
    item.appeal ??= { decisionId: a.id, action: a.action, reason: a.reason, text: a.appeal ?? '', at: a.appealedAt! }
  }
  return [...items.values()].sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.subjectId < b.subjectId ? -1 : 1))
}

export type QueueCounts = { reports: number; pending: number; unverified: number; appeals: number; total: number }

function countsOf(items: Waiting[]): QueueCounts {
  return {
    reports: items.filter((i) => i.reports.count > 0).length,
    pending: items.filter((i) => i.pending).length,
    unverified: items.filter((i) => i.unverified).length,
    appeals: items.filter((i) => i.appeal).length,
    total: items.length,
  }
}

/** How many items wait, by kind: for the digest (a job, no actor) after its own check. */
export function queueCounts(db: Db): QueueCounts {
  return countsOf(waiting(db))
}

/** The number a coordinator sees in the navigation. */
export function queueCount(db: Db, actor: Actor | null): number {
  assertCan(actor, 'moderation:view:any')
  return waiting(db).length
}

export type QueueItem = Waiting & {
  posting: { title: Record<string, string>; body: Record<string, string>; sourceLocale: string; moderation: string; status: string } | null
  organisation: { id: string; name: string; verified: boolean; suspended: boolean }
}

/** The queue with what a coordinator needs to judge each item; coordinators only. */
export function moderationQueue(db: Db, actor: Actor | null, limit = 200): QueueItem[] {
  assertCan(actor, 'moderation:view:any')
  const items = waiting(db).slice(0, limit)
  const postingIds = items.filter((i) => i.subjectType === 'posting').map((i) => i.subjectId)
  const postingRows = postingIds.length
    ? db
        .select({
          id: postings.id,
          title: postings.title,
          body: postings.body,
          sourceLocale: postings.sourceLocale,
          moderation: postings.moderation,
          status: postings.status,
          organisationId: postings.organisationId,
        })
        .from(postings)
        .where(inArray(postings.id, postingIds))
        .all()
    : []
  const byPosting = new Map(postingRows.map((row) => [row.id, row]))
  const orgIds = [...new Set([...items.filter((i) => i.subjectType === 'organisation').map((i) => i.subjectId), ...postingRows.map((row) => row.organisationId)])]
  const orgRows = orgIds.length
    ? db
        .select({ id: organisations.id, name: organisations.name, verified: organisations.verified, suspended: organisations.suspended })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
        .all()
    : []
  const byOrg = new Map(orgRows.map((row) => [row.id, row]))
  return items.flatMap((item) => {
    const posting = item.subjectType === 'posting' ? byPosting.get(item.subjectId) : undefined
    const organisation = byOrg.get(posting ? posting.organisationId : item.subjectId)
    if (!organisation || (item.subjectType === 'posting' && !posting)) return []
    return [{ ...item, posting: posting ? { title: posting.title, body: posting.body, sourceLocale: posting.sourceLocale, moderation: posting.moderation, status: posting.status } : null, organisation }]
  })
}

/** The organisation an item belongs to: itself, or the posting's. */
export function organisationOfItem(db: Db, subjectType: ModerationSubject, subjectId: string): string | undefined {
  if (subjectType === 'organisation') return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, subjectId)).get()?.id
  return db.select({ id: postings.organisationId }).from(postings).where(eq(postings.id, subjectId)).get()?.id
}

/**
 * A decision as the members of its item's organisation see it. Anyone else, whatever id
 * they try (an unknown one too), is refused alike: nobody learns which decisions exist.
 */
export function decisionForMember(db: Db, actor: Actor | null, id: string) {
  const number = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : NaN
  const decision = Number.isSafeInteger(number)
    ? db
        .select({
          id: moderationDecisions.id,
          subjectType: moderationDecisions.subjectType,
          subjectId: moderationDecisions.subjectId,
          action: moderationDecisions.action,
          reason: moderationDecisions.reason,
          decidedAt: moderationDecisions.decidedAt,
          appeal: moderationDecisions.appeal,
          appealedAt: moderationDecisions.appealedAt,
          appealResolvedAt: moderationDecisions.appealResolvedAt,
        })
        .from(moderationDecisions)
        .where(eq(moderationDecisions.id, number))
        .get()
    : undefined
  const organisationId = decision ? organisationOfItem(db, decision.subjectType, decision.subjectId) : undefined
  if (!decision || !organisationId) throw new Forbidden('moderation:appeal:own-organisation')
  assertCan(actor, 'moderation:appeal:own-organisation', { organisationId })
  const organisation = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).get()!
  const posting =
    decision.subjectType === 'posting'
      ? db.select({ title: postings.title, sourceLocale: postings.sourceLocale }).from(postings).where(eq(postings.id, decision.subjectId)).get() ?? null
      : null
  return { ...decision, organisation, posting }
}

export type AuditFilters = { subject?: string; person?: string }

/** `posting:p-001` narrows to one item; a bare id to that id in any kind. */
function subjectCondition(subject: string | undefined): SQL | undefined {
  if (!subject) return undefined
  const colon = subject.indexOf(':')
  if (colon === -1) return eq(auditLog.subjectId, subject)
  return and(eq(auditLog.subjectType, subject.slice(0, colon)), eq(auditLog.subjectId, subject.slice(colon + 1)))
}

/** A person by account id or by e-mail address (as coordinators know them). */
function personCondition(person: string | undefined): SQL | undefined {
  if (!person) return undefined
  return or(eq(auditLog.actorId, person), eq(users.email, person.toLowerCase()))
}

/** The audit log, newest first, one page of it; coordinators only. Append-only: nothing here changes it. */
export function auditEntries(db: Db, actor: Actor | null, filters: AuditFilters, page: { offset: number; limit: number }) {
  assertCan(actor, 'audit:view:any')
  const where = and(subjectCondition(filters.subject), personCondition(filters.person))
  const total = db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where).get()?.n ?? 0
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      reason: auditLog.reason,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  return { rows, total }
}
