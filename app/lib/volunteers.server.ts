import { z } from 'zod'
import { helpLanguages } from '../../db/commands/form-fields'
import { validUntilFor } from '../../db/commands/checks'
import { availabilitySlots, findVolunteers, ownProfile, partsOfDay, skillLabels, skillList, type VolunteerFilters, type VolunteerProfile } from '../../db/commands/volunteers'
import { todayInBerlin } from '../../db/dates'
import type { Db } from '../../db/client'
import type { Actor } from '../../db/permissions'
import { weekdays } from '../../db/schema'
import type { Locale } from '../i18n'
import { formatDate, formatList, languageName, weekdayName } from './format'
import { labels, pageParam, queryParams } from './site.server'

/** Options of the profile and search forms, in the reader's language. */
export function volunteerOptions(db: Db, lng: Locale) {
  const skills = skillList(db)
  const names = labels(lng)
  return {
    languages: helpLanguages.map((tag) => ({ value: tag, label: languageName(tag, lng) })),
    skills: [...skillLabels(skills, lng)].map(([value, label]) => ({ value, label })),
    districts: names.districts.map((d) => ({ value: d.id, label: d.name })),
    weekdays: weekdays.map((day) => ({ value: day, label: weekdayName(day, lng) })),
    parts: [...partsOfDay],
  }
}
export type VolunteerOptions = ReturnType<typeof volunteerOptions>

/** The volunteer's own profile with the choices the form offers. */
export function profileSection(db: Db, userId: string, lng: Locale) {
  const profile = ownProfile(db, userId)
  return {
    values: { skills: profile.skills, districts: profile.districts, availability: profile.availability, reminders: profile.reminders ? 'on' : 'off', mailFrequency: profile.mailFrequency },
    options: volunteerOptions(db, lng),
  }
}

const filterSchema = z.object({
  language: z.enum(helpLanguages).optional(),
  skill: z.string().max(100).optional(),
  district: z.string().max(100).optional(),
  availability: z.enum(availabilitySlots).optional(),
  page: pageParam,
})

export const volunteersPerPage = 50

/** The filters of `/manage/volunteers` from the URL; values that are not options are dropped. */
export function volunteerFilters(request: Request, options: VolunteerOptions): VolunteerFilters & { page: number; ignored: boolean } {
  const query = queryParams(request, filterSchema)
  const known = (value: string | undefined, list: Array<{ value: string }>) => (value && list.some((o) => o.value === value) ? value : undefined)
  return {
    language: query.language,
    skill: known(query.skill, options.skills),
    district: known(query.district, options.districts),
    availability: query.availability,
    page: query.page,
    ignored: query.ignored || Boolean(query.skill && !known(query.skill, options.skills)) || Boolean(query.district && !known(query.district, options.districts)),
  }
}

/** Those found, as the page lists them: names and what they said about themselves, nothing more. */
export function volunteerResults(db: Db, actor: Actor, filters: VolunteerFilters & { page: number }, options: VolunteerOptions, lng: Locale) {
  const { total, rows } = findVolunteers(db, actor, filters, { limit: volunteersPerPage, offset: (filters.page - 1) * volunteersPerPage })
  const checks = validUntilFor(db, rows.map((row) => row.id), todayInBerlin())
  return {
    total,
    pages: Math.max(1, Math.ceil(total / volunteersPerPage)),
    rows: rows.map((row) => {
      const validUntil = checks.get(row.id)
      return { ...profileLines(row, options, lng), id: row.id, name: row.name, checkValidUntil: validUntil ? formatDate(validUntil, lng) : null }
    }),
  }
}

/** What a volunteer said about themselves, as lines in the reader's language. */
export function profileLines(profile: Pick<VolunteerProfile, 'speaks' | 'skills' | 'districts' | 'availability'>, options: VolunteerOptions, lng: Locale) {
  const label = (list: Array<{ value: string; label: string }>) => (value: string) => list.find((o) => o.value === value)?.label ?? value
  return {
    languages: formatList(profile.speaks.map((tag) => languageName(tag, lng)), lng),
    skills: formatList(profile.skills.map(label(options.skills)), lng),
    districts: formatList(profile.districts.map(label(options.districts)), lng),
    availability: profile.availability,
  }
}

/**
 * The filters an announcement to "the ones found" carries (hidden fields of the form).
 * A value that is not an option refuses the post: dropping it would write to more people
 * than the coordinator saw.
 */
export function postedFilters(values: Record<string, string>, options: VolunteerOptions): VolunteerFilters | null {
  const valid = {
    language: options.languages,
    skill: options.skills,
    district: options.districts,
    availability: availabilitySlots.map((value) => ({ value })),
  }
  const filters: VolunteerFilters = {}
  for (const key of Object.keys(valid) as Array<keyof typeof valid>) {
    const value = values[key]
    if (!value) continue
    if (!valid[key].some((option) => option.value === value)) return null
    filters[key] = value
  }
  return filters
}
