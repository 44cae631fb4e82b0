import { asc, count, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { memoByContent } from '../memo'
import { categories, districts, postings, type PostingType } from '../schema'
import { onlyVisible } from '../visibility'

export type Category = { id: string; parentId: string | null; label: Record<string, string> }
export type District = { id: string; name: Record<string, string> }

export function listCategories(db: Db): Category[] {
  return db
    .select({ id: categories.id, parentId: categories.parentId, label: categories.label })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all()
}

export function listDistricts(db: Db): District[] {
  return db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.id)).all()
}

/** A category and all its descendants: a filter on a parent includes its sub-categories. */
export function categoryWithDescendants(all: Category[], id: string): string[] {
  const result = [id]
  for (let i = 0; i < result.length; i++) {
    for (const category of all) if (category.parentId === result[i]) result.push(category.id)
  }
  return result
}

/** Visible postings per category, each parent counting its sub-categories too. */
export function postingCountsByCategory(db: Db, today: string, type?: PostingType): Map<string, number> {
  return memoByContent(db, `postings.byCategory:${today}:${type ?? ''}`, () => countByCategory(db, today, type))
}

function countByCategory(db: Db, today: string, type?: PostingType): Map<string, number> {
  const rows = onlyVisible(db.select({ categoryId: postings.categoryId, n: count() }).from(postings).$dynamic(), today, type ? eq(postings.type, type) : undefined)
    .groupBy(postings.categoryId)
    .all()
  const parents = new Map(listCategories(db).map((c) => [c.id, c.parentId]))
  const counts = new Map<string, number>()
  for (const { categoryId, n } of rows) {
    for (let at: string | null | undefined = categoryId; at; at = parents.get(at)) {
      counts.set(at, (counts.get(at) ?? 0) + n)
    }
  }
  return counts
}

export function postingCountsByDistrict(db: Db, today: string): Map<string, number> {
  return memoByContent(db, `postings.byDistrict:${today}`, () => countByDistrict(db, today))
}

function countByDistrict(db: Db, today: string): Map<string, number> {
  const rows = onlyVisible(db.select({ districtId: postings.districtId, n: count() }).from(postings).$dynamic(), today)
    .groupBy(postings.districtId)
    .all()
  return new Map(rows.filter((row) => row.districtId).map((row) => [row.districtId as string, row.n]))
}

export type EditableCategory = Category & { synonyms: Record<string, string[]>; postings: number }

/** Every category with its synonyms and how many postings it holds itself (any status): what a coordinator edits and merges. */
export function categoriesForEditing(db: Db): EditableCategory[] {
  const counts = new Map(
    db
      .select({ categoryId: postings.categoryId, n: count() })
      .from(postings)
      .groupBy(postings.categoryId)
      .all()
      .map((row) => [row.categoryId, row.n]),
  )
  return db
    .select({ id: categories.id, parentId: categories.parentId, label: categories.label, synonyms: categories.synonyms })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all()
    .map((row) => ({ ...row, postings: counts.get(row.id) ?? 0 }))
}
