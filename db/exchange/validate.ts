import type { Db } from '../client'
import { categories, districts, organisations } from '../schema'
import { fromZodIssues, jsonPath, type ExchangeError } from './errors'
import { exchangeFile, type ExchangeFile } from './format'

/**
 * Validates a whole file before anything is written: shape first (every error at once),
 * then ids and references, which may point at records already in the database.
 */
export function validateExchange(
  db: Db,
  value: unknown,
): { ok: true; file: ExchangeFile } | { ok: false; errors: ExchangeError[] } {
  const parsed = exchangeFile.safeParse(value, { reportInput: true })
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) }
  const errors = checkReferences(db, parsed.data)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: parsed.data }
}

function checkReferences(db: Db, file: ExchangeFile): ExchangeError[] {
  const errors: ExchangeError[] = []
  const error = (path: PropertyKey[], message: string) => errors.push({ path: jsonPath(path), message })

  const idsOf = <T extends { id: string }>(kind: string, records: T[] | undefined, existing: string[]) => {
    const firstAt = new Map<string, number>()
    records?.forEach((record, index) => {
      const first = firstAt.get(record.id)
      if (first === undefined) firstAt.set(record.id, index)
      else error([kind, index, 'id'], `duplicate id "${record.id}" (first at ${jsonPath([kind, first])})`)
    })
    return new Set([...existing, ...firstAt.keys()])
  }
  const existing = (table: typeof districts | typeof categories | typeof organisations) =>
    db.select({ id: table.id }).from(table).all().map((row) => row.id)

  const districtIds = idsOf('districts', file.districts, existing(districts))
  const categoryIds = idsOf('categories', file.categories, existing(categories))
  const organisationIds = idsOf('organisations', file.organisations, existing(organisations))
  idsOf('postings', file.postings, [])
  idsOf('workingGroups', file.workingGroups, [])

  const district = (path: PropertyKey[], id: string | null | undefined) => {
    if (id && !districtIds.has(id)) error(path, `unknown district "${id}"`)
  }

  checkCategoryTree(db, file, categoryIds, error)
  file.organisations?.forEach((org, index) => district(['organisations', index, 'district'], org.district))
  file.postings?.forEach((posting, index) => {
    if (!organisationIds.has(posting.organisation)) {
      error(['postings', index, 'organisation'], `unknown organisation "${posting.organisation}"`)
    }
    if (!categoryIds.has(posting.category)) {
      error(['postings', index, 'category'], `unknown category "${posting.category}"`)
    }
    district(['postings', index, 'district'], posting.district)
  })
  file.workingGroups?.forEach((group, index) => district(['workingGroups', index, 'district'], group.district))
  return errors
}

function checkCategoryTree(
  db: Db,
  file: ExchangeFile,
  categoryIds: Set<string>,
  error: (path: PropertyKey[], message: string) => void,
) {
  const parentOf = new Map<string, string | null>()
  for (const row of db.select({ id: categories.id, parentId: categories.parentId }).from(categories).all()) {
    parentOf.set(row.id, row.parentId)
  }
  file.categories?.forEach((category) => parentOf.set(category.id, category.parent ?? null))
  file.categories?.forEach((category, index) => {
    if (!category.parent) return
    if (!categoryIds.has(category.parent)) {
      error(['categories', index, 'parent'], `unknown category "${category.parent}"`)
      return
    }
    const seen = new Set([category.id])
    for (let at = parentOf.get(category.id); at; at = parentOf.get(at)) {
      if (seen.has(at)) {
        error(['categories', index, 'parent'], `makes a cycle (${[...seen, at].join(' → ')})`)
        return
      }
      seen.add(at)
    }
  })
}
