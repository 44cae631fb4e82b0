import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { locales } from '../../locales'
import type { Db } from '../client'
import { limits } from '../exchange/format'
import { assertCan, type Actor } from '../permissions'
import { contactChannels, districts, organisationKinds, organisationMembers, organisations, postings, weekdays, type OpeningHour } from '../schema'
import { slugFor } from '../slug'
import { helpLanguages, listOf, localizedFrom, localizedSchema, optionalText } from './form-fields'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

/** Rows of the opening-hours table in the form (`hours.0.weekday`, `hours.0.from`, `hours.0.to`, …). */
export const hourRows = 8

const time = /^([01]\d|2[0-3]):[0-5]\d$/

const hourRow = z
  .object({ weekday: z.enum(weekdays, { error: 'editor:errors.invalid' }), from: z.string().regex(time, { error: 'editor:errors.time' }), to: z.string().regex(time, { error: 'editor:errors.time' }) })
  .refine((row) => row.to > row.from, { path: ['to'], error: 'editor:errors.toBeforeFrom' })

const organisationForm = z.object({
  kind: z.enum(organisationKinds, { error: 'editor:errors.kind' }),
  name: optionalText(limits.name).pipe(z.string({ error: 'editor:errors.required' })),
  district: z
    .string()
    .max(limits.id)
    .optional()
    .transform((value) => value || null),
  address: optionalText(limits.shortText),
  contact: z.object({
    email: z
      .string()
      .trim()
      .max(limits.name, { error: 'editor:errors.email' })
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.email({ error: 'editor:errors.email' }).optional()),
    phone: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().regex(/^\+?[0-9 ()/.-]{3,40}$/, { error: 'editor:errors.phone' }).optional()),
    website: z
      .string()
      .trim()
      .max(limits.shortText, { error: 'editor:errors.website' })
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.url({ protocol: /^https?$/, error: 'editor:errors.website' }).optional()),
  }),
  hiddenContact: listOf(contactChannels),
  languages: listOf(helpLanguages),
  hours: z.array(hourRow).max(hourRows),
  openingHours: localizedSchema(limits.shortText),
  description: localizedSchema(limits.longText),
  sourceLocale: z.enum(locales, { error: 'editor:errors.invalid' }).default('de'),
})

export type OrganisationForm = z.output<typeof organisationForm>

/** The form's flat fields as the schema's shape; empty opening-hour rows are left out. */
function shaped(values: Record<string, string>) {
  const hours: Array<Record<string, string>> = []
  const rowErrors: Record<number, number> = {}
  for (let i = 0; i < hourRows; i++) {
    const row = { weekday: values[`hours.${i}.weekday`] ?? '', from: values[`hours.${i}.from`] ?? '', to: values[`hours.${i}.to`] ?? '' }
    if (row.weekday || row.from || row.to) {
      rowErrors[hours.length] = i
      hours.push(row)
    }
  }
  return {
    input: {
      ...values,
      contact: { email: values['contact.email'], phone: values['contact.phone'], website: values['contact.website'] },
      hours,
      openingHours: localizedFrom(values, 'openingHours'),
      description: localizedFrom(values, 'description'),
    },
    // zod paths count filled rows; the form counts all rows.
    rowOf: (index: number) => rowErrors[index] ?? index,
  }
}

function parseOrganisation(values: Record<string, string>): Outcome<OrganisationForm> {
  const { input, rowOf } = shaped(values)
  const invalid = fieldErrors(organisationForm, input)
  if (invalid && !invalid.ok) {
    const errors: Record<string, string> = {}
    for (const [field, key] of Object.entries(invalid.errors)) errors[field.replace(/^hours\.(\d+)/, (_, n) => `hours.${rowOf(Number(n))}`)] = key
    return { ok: false, errors }
  }
  return { ok: true, value: organisationForm.parse(input) }
}

const contentOf = (data: OrganisationForm) => ({
  kind: data.kind,
  name: data.name,
  districtId: data.district,
  address: data.address ?? null,
  contact: data.contact,
  hiddenContact: data.hiddenContact,
  languages: data.languages,
  hours: data.hours as OpeningHour[],
  openingHours: data.openingHours as Record<string, string>,
  description: data.description as Record<string, string>,
  sourceLocale: data.sourceLocale,
})

const unknownDistrict = (tx: Db, data: OrganisationForm) =>
  data.district && !tx.select({ id: districts.id }).from(districts).where(eq(districts.id, data.district)).get() ? failure('district', 'editor:errors.invalid') : null

/**
 * Anyone signed in registers an organisation and becomes its owner. It is public at once,
 * marked as not yet verified, and its postings wait for a coordinator until it is.
 */
export function registerOrganisation(context: Context, values: Record<string, string>): Outcome<{ id: string }> {
  assertCan(context.actor, 'organisation:create:own')
  const parsed = parseOrganisation(values)
  if (!parsed.ok) return parsed
  const data = parsed.value
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const unknown = unknownDistrict(tx, data)
    if (unknown) return unknown
    const id = slugFor(data.name, (candidate) => tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, candidate)).get() !== undefined, 'organisation')
    const now = context.clock.now().toISOString()
    tx.insert(organisations).values({ id, ...contentOf(data), verified: false, createdAt: now, updatedAt: now }).run()
    tx.insert(organisationMembers).values({ organisationId: id, userId: actor.id, role: 'owner' }).run()
    effects.audit({ action: 'organisation.register', subjectType: 'organisation', subjectId: id })
    effects.index({ organisations: [id] })
    return { ok: true, value: { id } }
  })
}

/** The organisation's whole profile, for its owners and editors. */
export function organisationForEditor(db: Db, actor: Actor | null, id: string) {
  const row = db.select().from(organisations).where(eq(organisations.id, id)).get()
  if (!row) return undefined
  assertCan(actor, 'organisation:update:own-organisation', { organisationId: id })
  return row
}

/** Owners and editors change the profile; its postings are re-indexed (they carry its name and kind). */
export function updateOrganisation(context: Context, id: string, values: Record<string, string>): Outcome<null> {
  if (!context.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).get()) return failure('form', 'editor:errors.notFound')
  assertCan(context.actor, 'organisation:update:own-organisation', { organisationId: id })
  const parsed = parseOrganisation(values)
  if (!parsed.ok) return parsed
  const data = parsed.value
  return commit(context, (tx, effects) => {
    const unknown = unknownDistrict(tx, data)
    if (unknown) return unknown
    tx.update(organisations).set({ ...contentOf(data), updatedAt: context.clock.now().toISOString() }).where(eq(organisations.id, id)).run()
    effects.audit({ action: 'organisation.update', subjectType: 'organisation', subjectId: id })
    const own = tx.select({ id: postings.id }).from(postings).where(eq(postings.organisationId, id)).all()
    effects.index({ organisations: [id], postings: own.map((p) => p.id) })
    return { ok: true, value: null }
  })
}

/** An organisation's postings for its editors, drafts and ended ones included. */
export function postingsOfOrganisation(db: Db, actor: Actor | null, id: string) {
  assertCan(actor, 'organisation:update:own-organisation', { organisationId: id })
  return db
    .select({ id: postings.id, title: postings.title, sourceLocale: postings.sourceLocale, status: postings.status, moderation: postings.moderation, validUntil: postings.validUntil, type: postings.type })
    .from(postings)
    .where(eq(postings.organisationId, id))
    .orderBy(postings.status, postings.updatedAt)
    .all()
}
