import { helpLanguages } from '../../db/commands/form-fields'
import { hourRows } from '../../db/commands/organisations'
import type { postings } from '../../db/schema'
import { audiences, organisationKinds, weekdays, type organisations } from '../../db/schema'
import type { OrganisationFormOptions, OrganisationValues } from '../components/organisation-form'
import type { PostingFormOptions, PostingValues } from '../components/posting-form'
import type { Locale } from '../i18n'
import { languageName, weekdayName } from './format'
import { serverT } from './i18n.server'
import { categoryOptions, labels } from './site.server'

/** The choices of the posting form, in the reader's language. */
export async function postingFormOptions(lng: Locale): Promise<PostingFormOptions> {
  const t = await serverT(lng)
  const names = labels(lng)
  return {
    categories: categoryOptions(names.categories, names.category).map((c) => ({ value: c.id, label: c.label, children: c.children.map((child) => ({ value: child.id, label: child.label })) })),
    districts: names.districts.map((d) => ({ value: d.id, label: d.name })),
    audiences: audiences.map((a) => ({ value: a, label: t(`common:audience.${a}`) })),
    languages: helpLanguages.map((tag) => ({ value: tag, label: languageName(tag, lng) })),
  }
}

export function postingValues(row: typeof postings.$inferSelect): PostingValues {
  return {
    type: row.type,
    category: row.categoryId,
    district: row.districtId,
    audiences: row.audiences,
    languages: row.languages,
    title: row.title,
    body: row.body,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    contactMode: row.contactMode,
    sourceLocale: row.sourceLocale,
    communityLocales: row.communityLocales,
  }
}

/** Checkbox groups of the posting form: every ticked value counts. */
export const postingLists = ['audiences', 'languages'] as const

/** The choices of the organisation form, in the reader's language. */
export async function organisationFormOptions(lng: Locale): Promise<OrganisationFormOptions> {
  const t = await serverT(lng)
  const names = labels(lng)
  return {
    kinds: organisationKinds.map((k) => ({ value: k, label: t(`common:orgKind.${k}`) })),
    districts: names.districts.map((d) => ({ value: d.id, label: d.name })),
    languages: helpLanguages.map((tag) => ({ value: tag, label: languageName(tag, lng) })),
    weekdays: weekdays.map((w) => ({ value: w, label: weekdayName(w, lng) })),
    hourRows,
  }
}

export function organisationValues(row: typeof organisations.$inferSelect): OrganisationValues {
  return {
    kind: row.kind,
    name: row.name,
    district: row.districtId,
    address: row.address,
    contact: row.contact,
    hiddenContact: row.hiddenContact,
    languages: row.languages,
    hours: row.hours,
    openingHours: row.openingHours,
    description: row.description,
    sourceLocale: row.sourceLocale,
  }
}

/** Checkbox groups of the organisation form. */
export const organisationLists = ['hiddenContact', 'languages'] as const
