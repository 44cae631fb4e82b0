import { addCategory, addDistrict, categoryFromForm, districtFromForm, editCategory, mergeCategories, newCategoryFromForm, renameDistrict } from '../../db/commands/taxonomy'
import { failure, type Context, type FieldErrors, type Outcome } from '../../db/commands/run'
import { categoriesForEditing, listDistricts } from '../../db/queries/taxonomy'
import type { Locale } from '../i18n'
import { getDb } from './db.server'
import { districtLabel } from './site.server'
import { pickText } from './text'

/** The coordinators' taxonomy page: every category (parents first, each followed by its sub-categories) and every district. */
export function taxonomyPage(lng: Locale) {
  const db = getDb()
  const all = categoriesForEditing(db).map((c) => ({ ...c, shown: pickText(c.label, lng, 'de')?.text ?? c.id }))
  const tree = all.filter((c) => !c.parentId).map((c) => ({ ...c, children: all.filter((child) => child.parentId === c.id) }))
  // A sub-category whose parent is gone (an import allows it for a moment) still shows, at the top.
  const orphans = all.filter((c) => c.parentId && !all.some((parent) => parent.id === c.parentId)).map((c) => ({ ...c, children: [] }))
  const districts = listDistricts(db).map((d) => ({ ...d, shown: districtLabel(d.name, lng, d.id) }))
  return { tree: [...tree, ...orphans], count: all.length, districts }
}

export const intents = ['addCategory', 'editCategory', 'merge', 'addDistrict', 'renameDistrict'] as const
export type Intent = (typeof intents)[number]

export function isIntent(value: string | undefined): value is Intent {
  return (intents as readonly string[]).includes(value ?? '')
}

/** The form's `intent` → its command. */
export function changeTaxonomy(context: Context, values: Record<string, string>): Outcome<unknown> {
  switch (values.intent) {
    case 'addCategory':
      return addCategory(context, newCategoryFromForm(values))
    case 'editCategory':
      return hiddenToForm(editCategory(context, categoryFromForm(values)), 'category')
    case 'merge':
      return mergeCategories(context, { category: values.category, into: values.into })
    case 'addDistrict':
      return addDistrict(context, districtFromForm(values))
    case 'renameDistrict':
      return hiddenToForm(renameDistrict(context, districtFromForm(values)), 'district')
    default:
      return failure('form', 'taxonomy:errors.invalid')
  }
}

/** A record named by a hidden field that is gone: said above the forms, as no field shows it. */
function hiddenToForm<T>(outcome: Outcome<T>, hidden: string): Outcome<T> {
  if (outcome.ok || !outcome.errors[hidden]) return outcome
  const { [hidden]: message, ...rest }: FieldErrors = outcome.errors
  return { ok: false, errors: { ...rest, form: message } }
}
