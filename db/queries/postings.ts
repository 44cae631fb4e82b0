import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { memoByContent } from '../memo'
import { publicContact } from './organisations'
import { organisations, postings, type Audience, type PostingType } from '../schema'
import { endingOf, onlyVisible } from '../visibility'

export type PostingFilters = {
  type?: PostingType
  /** Category ids, already expanded to their sub-categories. */
  categories?: string[]
  district?: string
  audience?: Audience
  organisation?: string
}

const summary = {
  id: postings.id,
  type: postings.type,
  title: postings.title,
  body: postings.body,
  sourceLocale: postings.sourceLocale,
  categoryId: postings.categoryId,
  districtId: postings.districtId,
  audiences: postings.audiences,
  languages: postings.languages,
  validUntil: postings.validUntil,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationVerified: organisations.verified,
}

export type PostingSummary = {
  id: string
  organisationVerified: boolean
  type: PostingType
  title: Record<string, string>
  body: Record<string, string>
  sourceLocale: string
  categoryId: string
  districtId: string | null
  audiences: Audience[]
  languages: string[]
  validUntil: string | null
  organisationId: string
  organisationName: string
}

function narrowedBy(filters: PostingFilters): SQL | undefined {
  return and(
    filters.type ? eq(postings.type, filters.type) : undefined,
    filters.categories ? inArray(postings.categoryId, filters.categories) : undefined,
    filters.district ? eq(postings.districtId, filters.district) : undefined,
    filters.organisation ? eq(postings.organisationId, filters.organisation) : undefined,
    filters.audience
      ? sql`exists (select 1 from json_each(${postings.audiences}) where json_each.value = ${filters.audience})`
      : undefined,
  )
}

/** Visible postings, newest first, one page of them and how many there are in all. */
export function listVisiblePostings(
  db: Db,
  today: string,
  filters: PostingFilters,
  page: { offset: number; limit: number },
): { rows: PostingSummary[]; total: number } {
  const condition = narrowedBy(filters)
  // Every page of a list shares its count: kept until the content changes.
  const total = memoByContent(db, `postings.count:${today}:${JSON.stringify(filters)}`, () => onlyVisible(db.select({ n: count() }).from(postings).$dynamic(), today, condition).get()?.n ?? 0)
  const rows = onlyVisible(db.select(summary).from(postings).$dynamic(), today, condition)
    .orderBy(desc(postings.createdAt), asc(postings.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  return { rows, total }
}

export type PostingDetail = PostingSummary & {
  validFrom: string | null
  communityLocales: string[]
  contactMode: 'organisation' | 'form'
  organisation: {
    id: string
    kind: string
    verified: boolean
    contact: { email?: string; phone?: string; website?: string }
    address: string | null
  }
}

/** One visible posting; an invisible one (draft, expired, hidden…) is not found. */
export function getVisiblePosting(db: Db, id: string, today: string): PostingDetail | undefined {
  const columns = {
    ...summary,
    validFrom: postings.validFrom,
    contactMode: postings.contactMode,
    communityLocales: postings.communityLocales,
    organisationKind: organisations.kind,
    verified: organisations.verified,
    contact: organisations.contact,
    hiddenContact: organisations.hiddenContact,
    address: organisations.address,
  }
  const row = onlyVisible(db.select(columns).from(postings).$dynamic(), today, eq(postings.id, id)).get()
  if (!row) return undefined
  const { organisationKind, verified, contact, hiddenContact, address, ...rest } = row
  return {
    ...rest,
    organisation: { id: row.organisationId, kind: organisationKind, verified, contact: publicContact(contact, hiddenContact), address },
  }
}

/** A posting that has ended (db/visibility.ts `endingOf`), with what a page says about it. */
export function getEndedPosting(db: Db, id: string, today: string) {
  const row = db
    .select({
      id: postings.id,
      type: postings.type,
      title: postings.title,
      sourceLocale: postings.sourceLocale,
      categoryId: postings.categoryId,
      status: postings.status,
      moderation: postings.moderation,
      organisationSuspended: organisations.suspended,
      validFrom: postings.validFrom,
      validUntil: postings.validUntil,
      organisationName: organisations.name,
    })
    .from(postings)
    .innerJoin(organisations, eq(organisations.id, postings.organisationId))
    .where(eq(postings.id, id))
    .get()
  const ending = row ? endingOf(row, today) : null
  return row && ending ? { ...row, ending } : undefined
}
