import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { organisations, type Contact, type ContactChannel, type OpeningHour, type OrganisationKind } from '../schema'
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
  contact: Contact
  openingHours: Record<string, string>
  hours: OpeningHour[]
  sourceLocale: string | null
}

/** The contact channels an organisation shows the public: all it has, but those it keeps off its page. */
export function publicContact(contact: Contact, hidden: ContactChannel[]): Contact {
  return Object.fromEntries(Object.entries(contact).filter(([channel]) => !hidden.includes(channel as ContactChannel)))
}

export function getVisibleOrganisation(db: Db, id: string): OrganisationDetail | undefined {
  const row = db
    .select({
      ...columns,
      address: organisations.address,
      contact: organisations.contact,
      hiddenContact: organisations.hiddenContact,
      openingHours: organisations.openingHours,
      hours: organisations.hours,
      sourceLocale: organisations.sourceLocale,
    })
    .from(organisations)
    .where(and(eq(organisations.id, id), organisationIsVisible()))
    .get()
  if (!row) return undefined
  const { hiddenContact, ...rest } = row
  return { ...rest, contact: publicContact(row.contact, hiddenContact) }
}
