import type { Params } from '@remix-run/react'
import { z } from 'zod'
import { todayInBerlin } from '../../db/dates'
import { listCategories, listDistricts, type Category } from '../../db/queries/taxonomy'
import type { PostingSummary } from '../../db/queries/postings'
import { isLocale, type Locale } from '../i18n'
import { getDb } from './db.server'
import { serverT } from './i18n.server'
import { excerpt, pickText, type Picked } from './text'
import { memoByContent } from '../../db/memo'
import type { Db } from '../../db/client'

export function notFound(): never {
  throw new Response('Not found', { status: 404 })
}

export function badRequest(): never {
  throw new Response('Bad request', { status: 400 })
}

/** What every public loader starts from: the page's locale, the database, today in Berlin. */
export async function site(params: Params) {
  const lng = params.lng
  if (!isLocale(lng)) notFound()
  return { lng, db: getDb(), today: todayInBerlin(), t: await serverT(lng) }
}

/**
 * Query parameters of an HTML page through a zod object schema. Shared links carry
 * parameters we do not know (`utm_*`, `fbclid`, `ref`): they are ignored. A known
 * parameter with a value that is not valid (`page=-1`, `sort=bogus`) falls back to its
 * default and `ignored` says so, for a notice instead of an error page.
 */
export function queryParams<T extends z.ZodObject>(request: Request, schema: T): z.output<T> & { ignored: boolean } {
  const url = new URL(request.url)
  const values: Record<string, string> = {}
  let ignored = false
  for (const [key, value] of url.searchParams) {
    if (value === '' || !(key in schema.shape) || key in values) continue
    if ((schema.shape[key] as z.ZodType).safeParse(value).success) values[key] = value
    else ignored = true
  }
  return { ...(schema.parse(values) as z.output<T>), ignored }
}

export const pageParam = z.coerce.number().int().min(1).max(100_000).default(1)
export const perPage = 20

export type Labels = ReturnType<typeof labels>

/**
 * A district as readers look for it: its name in their script, and the German name as it
 * stands on street signs and bus stops («أوستشتات (Oststadt)», «Остштадт (Oststadt)»).
 */
export function districtLabel(names: Record<string, string> | null | undefined, lng: Locale, id: string): string {
  const shown = pickText(names, lng, 'de')?.text ?? id
  const german = names?.de
  return german && lng !== 'de' && shown !== german ? `${shown} (${german})` : shown
}

/** Category and district names in the reader's language, for cards and filters. */
/** The taxonomy with its labels in the reader's language; computed once per content version. */
export function labels(lng: Locale) {
  const db = getDb()
  return memoByContent(db, `labels:${lng}`, () => computeLabels(db, lng))
}

function computeLabels(db: Db, lng: Locale) {
  const categories = listCategories(db)
  const districts = listDistricts(db).map((d) => ({ id: d.id, name: districtLabel(d.name, lng, d.id) }))
  return {
    categories,
    category: new Map(categories.map((c) => [c.id, pickText(c.label, lng, 'de')?.text ?? c.id])),
    districts,
    district: new Map(districts.map((d) => [d.id, d.name])),
  }
}

export type CategoryOption = { id: string; label: string; children: { id: string; label: string }[] }

export function categoryOptions(all: Category[], label: Map<string, string>): CategoryOption[] {
  return all
    .filter((c) => !c.parentId)
    .map((c) => ({
      id: c.id,
      label: label.get(c.id) ?? c.id,
      children: all.filter((child) => child.parentId === c.id).map((child) => ({ id: child.id, label: label.get(child.id) ?? child.id })),
    }))
}

export type PostingCard = {
  id: string
  type: 'offer' | 'need'
  title: Picked
  excerpt: Picked | null
  organisation: { id: string; name: string; verified: boolean }
  category: { id: string; label: string }
  district: { id: string; name: string } | null
}

export function postingCard(row: PostingSummary, lng: Locale, names: Labels): PostingCard {
  const title = pickText(row.title, lng, row.sourceLocale)!
  // The excerpt follows the title's language, so a card never mixes two.
  const body = pickText(row.body, title.lang, row.sourceLocale)
  return {
    id: row.id,
    type: row.type,
    title,
    excerpt: body ? { ...body, text: excerpt(body.text), fallback: body.lang !== lng } : null,
    organisation: { id: row.organisationId, name: row.organisationName, verified: row.organisationVerified },
    category: { id: row.categoryId, label: names.category.get(row.categoryId) ?? row.categoryId },
    district: row.districtId ? { id: row.districtId, name: names.district.get(row.districtId) ?? row.districtId } : null,
  }
}
