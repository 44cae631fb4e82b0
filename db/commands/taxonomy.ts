import { eq, inArray, max } from 'drizzle-orm'
import { z } from 'zod'
import { locales, type Locale } from '../../locales'
import type { Db } from '../client'
import { controlCharacter } from '../control-characters'
import { limits } from '../exchange/format'
import { assertCan } from '../permissions'
import { categories, districts, postings } from '../schema'
import type { LocalizedList, LocalizedText } from '../schema/columns'
import { slugFor } from '../slug'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

/**
 * Coordinators keep the category taxonomy and the districts. Labels and synonyms live in
 * every posting's search document, so a change re-indexes the postings it reaches in the
 * same transaction; district names are read at query time and re-index nothing.
 */

const error = (name: string) => `taxonomy:errors.${name}`

/** A label, a name or one synonym: one line, control characters refused, like the import. */
const term = z
  .string({ error: error('invalid') })
  .refine((value) => !controlCharacter.test(value), { error: error('controlCharacter') })
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(limits.name, { error: error('tooLong') }))

/** Per UI locale; an empty text means none in that locale. German is required, and stays so. */
const localizedTerms = (required: string, mode: 'new' | 'edit' = 'new') =>
  z
    .partialRecord(z.enum(locales), term, { error: error('invalid') })
    .refine((texts) => (mode === 'edit' && texts.de === undefined) || Boolean(texts.de), { path: ['de'], error: error(required) })

/** A form's synonyms field: terms separated by commas (Latin or Arabic) or line breaks. */
const synonymList = z
  .string({ error: error('invalid') })
  .refine((value) => !controlCharacter.test(value), { error: error('controlCharacter') })
  .transform((value) => [...new Set(value.split(/[,،\n\r]+/).map((item) => item.replace(/\s+/g, ' ').trim()).filter(Boolean))])
  .refine((list) => list.length <= limits.synonymsPerLocale, { error: error('tooManySynonyms') })
  .refine((list) => list.every((item) => item.length <= limits.name), { error: error('synonymTooLong') })

/** A record chosen in a form: none chosen, or one that is not there (too long to be an id). */
const recordId = (unknown: string) => z.string({ error: error('choose') }).min(1, { error: error('choose') }).max(limits.id, { error: error(unknown) })

export const addCategoryInput = z.object({
  label: localizedTerms('labelRequired'),
  /** Empty: a top-level category. */
  parent: z.string({ error: error('unknownParent') }).max(limits.id, { error: error('unknownParent') }).optional(),
})

/** Each part is optional (absent: unchanged), and so is each locale within labels and synonyms. */
export const editCategoryInput = z.object({
  category: recordId('unknownCategory'),
  label: localizedTerms('labelRequired', 'edit').optional(),
  synonyms: z.partialRecord(z.enum(locales), synonymList, { error: error('invalid') }).optional(),
  parent: addCategoryInput.shape.parent,
})

export const mergeInput = z.object({ category: recordId('unknownCategory'), into: recordId('unknownCategory') })
export const addDistrictInput = z.object({ name: localizedTerms('nameRequired') })
export const renameDistrictInput = z.object({ district: recordId('unknownDistrict'), name: localizedTerms('nameRequired', 'edit') })

/** The posted locales only: a field the form did not send leaves that locale as it is. */
const perLocale = (values: Record<string, string>, field: string) =>
  Object.fromEntries(locales.filter((lng) => `${field}.${lng}` in values).map((lng) => [lng, values[`${field}.${lng}`]]))
const posted = (values: Record<string, string>, field: string) => locales.some((lng) => `${field}.${lng}` in values)

/** Form fields (`label.de`, `parent`) → a new category. */
export function newCategoryFromForm(values: Record<string, string>) {
  return { label: perLocale(values, 'label'), parent: values.parent }
}

/** Form fields (`category`, `label.de`, `synonyms.ar`, `parent`) → an edit; parts the form did not send stay as they are. */
export function categoryFromForm(values: Record<string, string>) {
  return {
    category: values.category,
    label: posted(values, 'label') ? perLocale(values, 'label') : undefined,
    synonyms: posted(values, 'synonyms') ? perLocale(values, 'synonyms') : undefined,
    parent: values.parent,
  }
}

export function districtFromForm(values: Record<string, string>) {
  return { district: values.district, name: perLocale(values, 'name') }
}

/**
 * Texts per locale after an edit: a given locale is set, or removed when empty; the others
 * stay, among them texts in languages the form does not show (an imported `ps` label).
 */
function edited<T>(stored: Record<string, T>, changes: Partial<Record<Locale, T>>, empty: (value: T) => boolean): Record<string, T> {
  const result = { ...stored }
  for (const [lng, value] of Object.entries(changes) as Array<[Locale, T]>) {
    if (empty(value)) delete result[lng]
    else result[lng] = value
  }
  return result
}

const categoryColumns = { id: categories.id, parentId: categories.parentId, label: categories.label, synonyms: categories.synonyms }
const findCategory = (tx: Db, id: string) => tx.select(categoryColumns).from(categories).where(eq(categories.id, id)).get()
const childrenOf = (tx: Db, id: string) => tx.select({ id: categories.id }).from(categories).where(eq(categories.parentId, id)).all().map((row) => row.id)

/** Postings whose documents carry this category's terms: its own and its sub-categories'. */
function postingsUnder(tx: Db, id: string): string[] {
  const ids = [id, ...childrenOf(tx, id)]
  return tx.select({ id: postings.id }).from(postings).where(inArray(postings.categoryId, ids)).all().map((row) => row.id)
}

/** Why `parentId` cannot hold `categoryId` (null for a new category), or null when it can. Two levels only. */
function parentProblem(tx: Db, parentId: string, categoryId: string | null): string | null {
  if (parentId === categoryId) return error('parentSelf')
  const parent = findCategory(tx, parentId)
  if (!parent) return error('unknownParent')
  if (parent.parentId !== null) return error('parentNotTopLevel')
  if (categoryId && childrenOf(tx, categoryId).length > 0) return error('hasChildren')
  return null
}

/** Two categories under one parent with the same German label would be one too many. */
function labelTaken(tx: Db, label: string, parentId: string | null, except: string | null): boolean {
  const wanted = label.toLocaleLowerCase('de')
  return tx
    .select(categoryColumns)
    .from(categories)
    .all()
    .some((row) => row.id !== except && row.parentId === parentId && row.label.de?.toLocaleLowerCase('de') === wanted)
}

const now = (context: Context) => context.clock.now().toISOString()
/** Same texts by language, whatever the order of the keys. */
const same = (a: object, b: object) => JSON.stringify(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))) === JSON.stringify(Object.entries(b).sort(([x], [y]) => (x < y ? -1 : 1)))

export function addCategory(context: Context, input: unknown): Outcome<{ id: string }> {
  assertCan(context.actor, 'taxonomy:update:any')
  const invalid = fieldErrors(addCategoryInput, input)
  if (invalid) return invalid
  const data = addCategoryInput.parse(input)
  const parentId = data.parent || null
  return commit(context, (tx, effects) => {
    const problem = parentId ? parentProblem(tx, parentId, null) : null
    if (problem) return failure('parent', problem)
    const de = data.label.de!
    if (labelTaken(tx, de, parentId, null)) return failure('label.de', error('labelTaken'))
    const id = slugFor(de, (candidate) => findCategory(tx, candidate) !== undefined, 'kategorie')
    const last = tx.select({ position: max(categories.position) }).from(categories).get()?.position ?? -1
    const label = edited({}, data.label, (text) => text === '')
    tx.insert(categories).values({ id, parentId, label, synonyms: {}, position: last + 1, createdAt: now(context), updatedAt: now(context) }).run()
    effects.audit({ action: 'category.create', subjectType: 'category', subjectId: id })
    // No posting is in it yet: no search document changes.
    return { ok: true, value: { id } }
  })
}

/** Renames (labels per locale), edits synonyms and moves (a new parent) a category: one change, one audit entry. */
export function editCategory(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'taxonomy:update:any')
  const invalid = fieldErrors(editCategoryInput, input)
  if (invalid) return invalid
  const data = editCategoryInput.parse(input)
  return commit(context, (tx, effects) => {
    const row = findCategory(tx, data.category)
    if (!row) return failure('category', error('unknownCategory'))
    const parentId = data.parent === undefined ? row.parentId : data.parent || null
    if (parentId !== row.parentId && parentId !== null) {
      const problem = parentProblem(tx, parentId, row.id)
      if (problem) return failure('parent', problem)
    }
    const label = data.label ? edited(row.label, data.label, (text) => text === '') : row.label
    const synonyms = data.synonyms ? edited(row.synonyms, data.synonyms, (list) => list.length === 0) : row.synonyms
    const changed = [!same(label, row.label) ? 'label' : null, !same(synonyms, row.synonyms) ? 'synonyms' : null, parentId !== row.parentId ? 'parent' : null].filter(
      (part) => part !== null,
    )
    if (changed.length === 0) return { ok: true, value: null }
    const placed = changed.includes('label') || changed.includes('parent')
    if (placed && labelTaken(tx, label.de, parentId, row.id)) return failure('label.de', error('labelTaken'))
    tx.update(categories).set({ label, synonyms, parentId, updatedAt: now(context) }).where(eq(categories.id, row.id)).run()
    effects.audit({ action: 'category.update', subjectType: 'category', subjectId: row.id, reason: changed.join(', ') })
    effects.index({ postings: postingsUnder(tx, row.id) })
    return { ok: true, value: null }
  })
}

/** `into`'s synonyms joined by `source`'s labels and synonyms, so the old words still find the postings. */
function joinedSynonyms(into: { label: LocalizedText; synonyms: LocalizedList }, source: { label: LocalizedText; synonyms: LocalizedList }): LocalizedList {
  const joined: LocalizedList = { ...into.synonyms }
  for (const lng of new Set([...Object.keys(source.label), ...Object.keys(source.synonyms)])) {
    const terms = [...(into.synonyms[lng] ?? []), source.label[lng], ...(source.synonyms[lng] ?? [])]
    joined[lng] = [...new Set(terms.filter((item): item is string => Boolean(item) && item !== into.label[lng]))]
    if (joined[lng].length === 0) delete joined[lng]
  }
  return joined
}

/**
 * Merges `category` into `into`: its postings and sub-categories move to `into`, its labels
 * and synonyms become synonyms of `into`, and it is deleted. Sub-categories can only move
 * under a top-level category (two levels).
 */
export function mergeCategories(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'taxonomy:update:any')
  const invalid = fieldErrors(mergeInput, input)
  if (invalid) return invalid
  const data = mergeInput.parse(input)
  return commit(context, (tx, effects) => {
    const source = findCategory(tx, data.category)
    if (!source) return failure('category', error('unknownCategory'))
    const into = findCategory(tx, data.into)
    if (!into) return failure('into', error('unknownCategory'))
    if (source.id === into.id) return failure('into', error('mergeSelf'))
    const children = childrenOf(tx, source.id)
    if (children.length > 0 && into.parentId !== null) return failure('into', error('mergeNeedsTopLevel'))
    const synonyms = joinedSynonyms(into, source)
    if (Object.values(synonyms).some((list) => list.length > limits.synonymsPerLocale)) return failure('into', error('mergeTooManySynonyms'))
    const at = now(context)
    tx.update(postings).set({ categoryId: into.id, updatedAt: at }).where(eq(postings.categoryId, source.id)).run()
    tx.update(categories).set({ parentId: into.id, updatedAt: at }).where(eq(categories.parentId, source.id)).run()
    tx.update(categories).set({ synonyms, updatedAt: at }).where(eq(categories.id, into.id)).run()
    tx.delete(categories).where(eq(categories.id, source.id)).run()
    effects.audit({ action: 'category.merge', subjectType: 'category', subjectId: source.id, reason: into.id })
    effects.index({ postings: postingsUnder(tx, into.id) })
    return { ok: true, value: null }
  })
}

const findDistrict = (tx: Db, id: string) => tx.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, id)).get()

function nameTaken(tx: Db, name: string, except: string | null): boolean {
  const wanted = name.toLocaleLowerCase('de')
  return tx
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .all()
    .some((row) => row.id !== except && row.name.de?.toLocaleLowerCase('de') === wanted)
}

export function addDistrict(context: Context, input: unknown): Outcome<{ id: string }> {
  assertCan(context.actor, 'taxonomy:update:any')
  const invalid = fieldErrors(addDistrictInput, input)
  if (invalid) return invalid
  const data = addDistrictInput.parse(input)
  return commit(context, (tx, effects) => {
    const de = data.name.de!
    if (nameTaken(tx, de, null)) return failure('name.de', error('nameTaken'))
    const id = slugFor(de, (candidate) => findDistrict(tx, candidate) !== undefined, 'stadtteil')
    tx.insert(districts).values({ id, name: edited({}, data.name, (text) => text === ''), createdAt: now(context), updatedAt: now(context) }).run()
    effects.audit({ action: 'district.create', subjectType: 'district', subjectId: id })
    return { ok: true, value: { id } }
  })
}

/** District names are not in search documents (only their ids): pages and facets read them when asked. */
export function renameDistrict(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'taxonomy:update:any')
  const invalid = fieldErrors(renameDistrictInput, input)
  if (invalid) return invalid
  const data = renameDistrictInput.parse(input)
  return commit(context, (tx, effects) => {
    const row = findDistrict(tx, data.district)
    if (!row) return failure('district', error('unknownDistrict'))
    const name = edited(row.name, data.name, (text) => text === '')
    if (same(name, row.name)) return { ok: true, value: null }
    if (nameTaken(tx, name.de, row.id)) return failure('name.de', error('nameTaken'))
    tx.update(districts).set({ name, updatedAt: now(context) }).where(eq(districts.id, row.id)).run()
    effects.audit({ action: 'district.update', subjectType: 'district', subjectId: row.id })
    return { ok: true, value: null }
  })
}
