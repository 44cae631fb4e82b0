import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { organisations, type OrganisationKind } from '../schema'
import { organisationIsVisible } from '../visibility'

const columns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  districtId: organisations.districtId,
  verified: organisations.verified,
  languages: organisations.languages,
  description: organisations.description,
}

export type OrganisationSummary = {
  id: string
  kind: OrganisationKind
  name: string
  districtId: string | null
  verified: boolean
  languages: string[]
  description: Record<string, string>
}

export type OrganisationFilters = { kind?: OrganisationKind; district?: string; language?: string }

export function listVisibleOrganisations(
  db: Db,
  filters: OrganisationFilters,
  page: { offset: number; limit: number },
): { rows: OrganisationSummary[]; total: number } {
  const condition = and(
    organisationIsVisible(),
    filters.kind ? eq(organisations.kind, filters.kind) : undefined,
    filters.district ? eq(organisations.districtId, filters.district) : undefined,
    filters.language
      ? sql`exists (select 1 from json_each(${organisations.languages}) where json_each.value = ${filters.language})`
      : undefined,
  )
  const total = db.select({ n: count() }).from(organisations).where(condition).get()?.n ?? 0
  const rows = db
    .select(columns)
    .from(organisations)
    .where(condition)
    .orderBy(sql`${organisations.name} collate nocase`, asc(organisations.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
  return { rows, total }
}

export type OrganisationDetail = OrganisationSummary & {
  address: string | null
  contact: { email?: string; phone?: string; website?: string }
  openingHours: Record<string, string>
}

export function getVisibleOrganisation(db: Db, id: string): OrganisationDetail | undefined {
  return db
    .select({
      ...columns,
      address: organisations.address,
      contact: organisations.contact,
      openingHours: organisations.openingHours,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationIsVisible()))
    .get()
}
