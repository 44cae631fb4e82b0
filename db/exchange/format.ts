import { z } from 'zod'
import { controlCharacter, firstControlCharacter } from '../control-characters'
import { isIsoDate, weekdayIndex } from '../dates'
import { organisationKinds } from '../schema/organisations'
import { audiences, contactModes, postingStatuses, postingTypes } from '../schema/postings'
import { frequencies, groupKinds, weekdays } from '../schema/groups'

/** The interchange format `treffpunkt/v1` (docs/import-format.md), validated strictly. */
export const FORMAT = 'treffpunkt/v1'

export const limits = {
  id: 100,
  name: 200,
  title: 200,
  shortText: 1_000,
  longText: 20_000,
  synonymsPerLocale: 50,
  listItems: 50,
  records: 200_000,
} as const

const oneOf = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ')

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `is too long (at most ${max.toLocaleString('en')} characters)` })
    .refine((value) => !controlCharacter.test(value), {
      error: (issue) => `contains the control character ${firstControlCharacter(String(issue.input))}, which no text may hold`,
    })

const closed = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `unknown ${what} "${issue.input}" (one of ${oneOf(values)})`
        : `must be one of ${oneOf(values)}`,
  })

const id = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'must be letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  .max(limits.id, { error: `is too long (at most ${limits.id} characters)` })

const reference = id.nullish()

/** A BCP 47 tag, stored in its canonical form (`de-de` becomes `de-DE`). */
export const languageTag = z.string({ error: 'must be a string' }).transform((value, ctx) => {
  try {
    const [canonical] = Intl.getCanonicalLocales(value)
    if (canonical) return canonical
  } catch {
    // fall through to the issue below
  }
  ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not a BCP 47 language tag` })
  return z.NEVER
})

const languages = z
  .array(languageTag, { error: 'must be a list of language tags' })
  .max(limits.listItems, { error: `has too many entries (at most ${limits.listItems})` })
  .superRefine(noDuplicates)

function noDuplicates(values: string[], ctx: z.RefinementCtx) {
  const seen = new Set<string>()
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" appears twice` })
    seen.add(value)
  })
}

/** `{ "<tag>": value }` with BCP 47 keys; keys are canonicalised and must stay unique. */
function localizedOf<T extends z.ZodType>(value: T) {
  return z
    .record(z.string(), value, { error: 'must be an object of texts by language tag' })
    .transform((record, ctx) => {
      const result: Record<string, z.output<T>> = {}
      for (const [key, entry] of Object.entries(record)) {
        const parsed = languageTag.safeParse(key)
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', path: [key], message: `"${key.slice(0, 40)}" is not a BCP 47 language tag` })
          continue
        }
        if (parsed.data in result) {
          ctx.addIssue({ code: 'custom', path: [key], message: `language "${parsed.data}" appears twice` })
          continue
        }
        result[parsed.data] = entry as z.output<T>
      }
      return result
    })
}

const localized = (max: number) => localizedOf(text(max))

const date = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .refine(isIsoDate, { error: (issue) => `"${String(issue.input).slice(0, 40)}" is not a date (YYYY-MM-DD)` })

const validTime = /^([01]\d|2[0-3]):[0-5]\d$/
const time = z
  .string({ error: 'must be a time (HH:MM)' })
  .regex(validTime, { error: 'must be a time (HH:MM, 00:00–23:59)' })

const isDate = (value: unknown): value is string => typeof value === 'string' && isIsoDate(value)
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null

const district = z.strictObject({ id, name: localized(limits.name) })

const category = z.strictObject({
  id,
  parent: reference,
  label: localized(limits.name).refine((label) => isObject(label) && 'de' in label, {
    error: 'needs a German label ("de")',
  }),
  synonyms: localizedOf(
    z
      .array(text(limits.name), { error: 'must be a list of strings' })
      .max(limits.synonymsPerLocale, { error: `has too many entries (at most ${limits.synonymsPerLocale})` }),
  ).optional(),
})

const organisation = z.strictObject({
  id,
  kind: closed(organisationKinds, 'organisation kind'),
  name: text(limits.name),
  district: reference,
  address: text(limits.shortText).nullish(),
  contact: z
    .strictObject({
      email: z.email({ error: 'must be an e-mail address' }).max(limits.name).optional(),
      phone: z
        .string({ error: 'must be a string' })
        .regex(/^\+?[0-9 ()/.-]{3,40}$/, { error: 'must be a phone number (digits, spaces, + ( ) / - .)' })
        .optional(),
      website: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(limits.shortText).optional(),
    })
    .optional(),
  languages: languages.optional(),
  verified: z.boolean({ error: 'must be true or false' }).optional(),
  openingHours: localized(limits.shortText).optional(),
  description: localized(limits.longText).optional(),
})

const posting = z
  .strictObject({
    id,
    organisation: id,
    type: closed(postingTypes, 'posting type'),
    category: id,
    district: reference,
    audiences: z
      .array(closed(audiences, 'audience'), { error: 'must be a list of audiences' })
      .superRefine(noDuplicates)
      .optional(),
    languages: languages.optional(),
    title: localized(limits.title).refine((title) => isObject(title) && Object.keys(title).length > 0, {
      error: 'needs a title in one language at least',
    }),
    body: localized(limits.longText).optional(),
    validFrom: date.nullish(),
    validUntil: date.nullish(),
    status: closed(postingStatuses, 'status'),
    sourceLocale: languageTag.optional(),
    contactMode: closed(contactModes, 'contact mode').optional(),
  })
  .superRefine((value, ctx) => {
    // Refinements also run when a field failed: compare only values that are what they claim.
    const { validFrom, validUntil } = value
    if (isDate(validFrom) && isDate(validUntil) && validUntil < validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `is before validFrom (${value.validFrom})` })
    }
    if (typeof value.sourceLocale === 'string' && isObject(value.title) && !(value.sourceLocale in value.title)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceLocale'],
        message: `"${value.sourceLocale}" has no title (titles in ${Object.keys(value.title).join(', ')})`,
      })
    }
  })

const schedule = z
  .strictObject({
    frequency: closed(frequencies, 'frequency'),
    weekday: closed(weekdays, 'weekday'),
    week: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
        error: 'must be 1, 2, 3, 4 or -1 (the last)',
      })
      .optional(),
    start: time,
    end: time,
    from: date.optional(),
    except: z.array(date, { error: 'must be a list of dates' }).max(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (validTime.test(value.start) && validTime.test(value.end) && value.end <= value.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after start (${value.start})` })
    }
    if (value.frequency === 'monthly' && value.week === undefined) {
      ctx.addIssue({ code: 'custom', path: ['week'], message: 'is required for a monthly schedule (1-4 or -1)' })
    }
    if (value.frequency !== 'monthly' && value.week !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['week'], message: 'is only allowed for a monthly schedule' })
    }
    if (isDate(value.from) && weekdays[weekdayIndex(value.from)] !== value.weekday) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `${value.from} is a ${weekdays[weekdayIndex(value.from)]}, not a ${value.weekday}`,
      })
    }
  })

const workingGroup = z.strictObject({
  id,
  kind: closed(groupKinds, 'group kind'),
  name: localized(limits.name).refine((name) => isObject(name) && Object.keys(name).length > 0, {
    error: 'needs a name in one language at least',
  }),
  description: localized(limits.longText).optional(),
  district: reference,
  place: text(limits.shortText).nullish(),
  schedule: schedule.nullish(),
  languages: languages.optional(),
  capacity: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(100_000, { error: 'must be at most 100000' })
    .nullish(),
  open: z.boolean({ error: 'must be true or false' }).optional(),
})

const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'must be a list' }).max(limits.records, { error: `has too many entries` })

export const exchangeFile = z.strictObject({
  format: z.literal(FORMAT, { error: `must be "${FORMAT}"` }),
  locales: languages.optional(),
  districts: list(district).optional(),
  categories: list(category).optional(),
  organisations: list(organisation).optional(),
  postings: list(posting).optional(),
  workingGroups: list(workingGroup).optional(),
})

export type ExchangeFile = z.output<typeof exchangeFile>
export type ExchangeInput = z.input<typeof exchangeFile>
export type DistrictRecord = z.output<typeof district>
export type CategoryRecord = z.output<typeof category>
export type OrganisationRecord = z.output<typeof organisation>
export type PostingRecord = z.output<typeof posting>
export type WorkingGroupRecord = z.output<typeof workingGroup>
