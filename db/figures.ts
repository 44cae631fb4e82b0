import { count } from 'drizzle-orm'
import type { Db } from './client'
import { organisations, postings, workingGroups } from './schema'
import { groupIsListed, organisationIsVisible, onlyVisible } from './visibility'

/** What the board shows right now, counted by the visibility rule. */
export function boardFigures(db: Db, today: string) {
  const visiblePostings = onlyVisible(db.select({ n: count() }).from(postings).$dynamic(), today).get()
  return {
    postings: visiblePostings?.n ?? 0,
    organisations: db.select({ n: count() }).from(organisations).where(organisationIsVisible()).get()?.n ?? 0,
    groups: db.select({ n: count() }).from(workingGroups).where(groupIsListed()).get()?.n ?? 0,
  }
}
