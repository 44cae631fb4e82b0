import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core'
import { organisations, postings, workingGroups } from './schema'

/**
 * The one visibility rule (docs/visibility.md, DESIGN "Visibility"): a posting is visible
 * when it is published, not hidden by moderation, its organisation is not suspended
 * ("listed"), and `today` (Europe/Berlin) lies within its validity, a missing bound being
 * open. Stated here once, in three forms that a test holds equal: as SQL for pages and
 * counts, as a predicate on a row for the search documents, and (search/meilisearch/
 * filters.ts) as the Meilisearch filter over the `listed` flag and the validity days the
 * documents carry. Evaluated at query time: a posting disappears the day after
 * `validUntil` with no job.
 */
export const listedWhen = { status: 'published', moderation: 'visible', organisationSuspended: false } as const

export type VisibilityFields = {
  status: string
  moderation: string
  organisationSuspended: boolean
  validFrom: string | null
  validUntil: string | null
}

/** The part of the rule that does not depend on the day. */
export function isListed(posting: Pick<VisibilityFields, 'status' | 'moderation' | 'organisationSuspended'>): boolean {
  return (
    posting.status === listedWhen.status &&
    posting.moderation === listedWhen.moderation &&
    posting.organisationSuspended === listedWhen.organisationSuspended
  )
}

export function isWithinValidity(posting: Pick<VisibilityFields, 'validFrom' | 'validUntil'>, today: string): boolean {
  return (posting.validFrom === null || posting.validFrom <= today) && (posting.validUntil === null || posting.validUntil >= today)
}

export function isVisible(posting: VisibilityFields, today: string): boolean {
  return isListed(posting) && isWithinValidity(posting, today)
}

/** The rule as SQL; callers join `organisations` on the posting's organisation (or use `selectVisiblePostings`). */
export function postingIsVisible(today: string): SQL {
  return and(
    eq(postings.status, listedWhen.status),
    eq(postings.moderation, listedWhen.moderation),
    eq(organisations.suspended, listedWhen.organisationSuspended),
    // An open bound as a value rather than an OR: with the OR, SQLite merged two scans of
    // the validity index and sorted every published posting instead of walking a list's
    // index (db/schema/postings.ts) newest first.
    sql`coalesce(${postings.validFrom}, '') <= ${today}`,
    sql`coalesce(${postings.validUntil}, '9999-12-31') >= ${today}`,
  )!
}

/**
 * Visible postings with their organisation joined, optionally narrowed by `condition`:
 * the JOIN … WHERE every list, count and the search catalog apply to
 * `db.select(…).from(postings).$dynamic()`.
 */
export function onlyVisible<T extends SQLiteSelect>(query: T, today: string, condition?: SQL) {
  return query.innerJoin(organisations, eq(organisations.id, postings.organisationId)).where(and(postingIsVisible(today), condition))
}

export function organisationIsVisible(): SQL {
  return eq(organisations.suspended, false)
}

/** Listed in lists and search; a closed group's page stays reachable by its URL. */
export function groupIsListed(): SQL {
  return eq(workingGroups.state, 'active')
}

export type Ending = 'fulfilled' | 'withdrawn' | 'expired'

/**
 * How a posting that was public has ended, or null when it never was or still is: a
 * draft, a hidden posting and a suspended organisation's stay unknown (404), one not yet
 * valid too. One past `validUntil` has expired even if nobody marked it so.
 */
export function endingOf(posting: VisibilityFields, today: string): Ending | null {
  if (posting.moderation !== listedWhen.moderation || posting.organisationSuspended) return null
  if (posting.status === 'fulfilled' || posting.status === 'withdrawn' || posting.status === 'expired') return posting.status
  if (posting.status === listedWhen.status && posting.validUntil !== null && posting.validUntil < today) return 'expired'
  return null
}
