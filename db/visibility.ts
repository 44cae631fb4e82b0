import { and, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm'
import { organisations, postings, workingGroups } from './schema'

/**
 * The one visibility rule (docs/visibility.md): published, inside its validity on
 * `today` in Europe/Berlin, not hidden by moderation, organisation not suspended.
 * Evaluated at query time, so a posting disappears the day after `validUntil` with no job.
 * Callers join `organisations` on the posting's organisation.
 */
export function postingIsVisible(today: string): SQL {
  return and(
    eq(postings.status, 'published'),
    or(isNull(postings.validFrom), lte(postings.validFrom, today)),
    or(isNull(postings.validUntil), gte(postings.validUntil, today)),
    eq(postings.moderation, 'visible'),
    eq(organisations.suspended, false),
  )!
}

export function organisationIsVisible(): SQL {
  return eq(organisations.suspended, false)
}

/** Listed in lists and search; a closed group's page stays reachable by its URL. */
export function groupIsListed(): SQL {
  return eq(workingGroups.state, 'active')
}
