import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { categories, districts, organisations, postings, settings, workingGroups } from '../schema'
import { FORMAT, type ExchangeInput } from './format'

/**
 * Everything the importer accepts, in `treffpunkt/v1`. Defaults chosen at import time
 * (source locale, a schedule's anchor) are written out, so that export → import → export
 * gives the same file.
 */
export function exportExchange(db: Db): ExchangeInput {
  const locales = db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'locales')).get()
  return {
    format: FORMAT,
    ...(locales ? { locales: locales.value as string[] } : {}),
    districts: db
      .select()
      .from(districts)
      .orderBy(asc(districts.id))
      .all()
      .map((row) => ({ id: row.id, name: row.name })),
    categories: db
      .select()
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.id))
      .all()
      .map((row) => ({
        id: row.id,
        parent: row.parentId,
        label: row.label,
        ...nonEmpty('synonyms', row.synonyms),
      })),
    organisations: db
      .select()
      .from(organisations)
      .orderBy(asc(organisations.id))
      .all()
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        ...present('district', row.districtId),
        ...present('address', row.address),
        ...nonEmpty('contact', row.contact),
        languages: row.languages,
        verified: row.verified,
        ...nonEmpty('openingHours', row.openingHours),
        ...nonEmpty('description', row.description),
      })),
    postings: db
      .select()
      .from(postings)
      .orderBy(asc(postings.id))
      .all()
      .map((row) => ({
        id: row.id,
        organisation: row.organisationId,
        type: row.type,
        category: row.categoryId,
        ...present('district', row.districtId),
        audiences: row.audiences,
        languages: row.languages,
        title: row.title,
        ...nonEmpty('body', row.body),
        ...present('validFrom', row.validFrom),
        ...present('validUntil', row.validUntil),
        status: row.status,
        sourceLocale: row.sourceLocale,
        contactMode: row.contactMode,
      })),
    workingGroups: db
      .select()
      .from(workingGroups)
      .orderBy(asc(workingGroups.id))
      .all()
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        ...nonEmpty('description', row.description),
        ...present('district', row.districtId),
        ...present('place', row.place),
        ...present('schedule', row.schedule),
        languages: row.languages,
        ...present('capacity', row.capacity),
        open: row.open,
      })),
  }
}

function present<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V }
}

function nonEmpty<K extends string, V extends object>(key: K, value: V): { [P in K]?: V } {
  return (Object.keys(value).length === 0 ? {} : { [key]: value }) as { [P in K]?: V }
}
