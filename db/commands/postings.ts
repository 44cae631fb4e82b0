import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../client'
import { addDays, daysBetween, todayInBerlin } from '../dates'
import { limits } from '../exchange/format'
import { assertCan, type Actor } from '../permissions'
import { audiences, categories, contactModes, districts, organisationMembers, organisations, postings, postingTypes, users, type PostingStatus } from '../schema'
import { slugFor } from '../slug'
import type { Effects } from './run'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'
import { helpLanguages, listOf, localizedFrom, localizedSchema, optionalDate } from './form-fields'
import { locales } from '../../locales'

/** What an editor's form posts, in the import format's words; the organisation comes from the URL or the stored posting. */
const postingForm = z
  .object({
    type: z.enum(postingTypes, { error: 'editor:errors.type' }),
    category: z.string({ error: 'editor:errors.category' }).min(1, { error: 'editor:errors.category' }).max(limits.id, { error: 'editor:errors.category' }),
    district: z
      .string()
      .max(limits.id)
      .optional()
      .transform((value) => value || null),
    audiences: listOf(audiences),
    languages: listOf(helpLanguages),
    title: localizedSchema(limits.title).refine((title) => Object.keys(title).length > 0, { error: 'editor:errors.titleRequired' }),
    body: localizedSchema(limits.longText),
    validFrom: optionalDate,
    validUntil: optionalDate,
    contactMode: z.enum(contactModes, { error: 'editor:errors.invalid' }).default('organisation'),
    sourceLocale: z.enum(locales, { error: 'editor:errors.invalid' }).default('de'),
  })
  .superRefine((value, ctx) => {
    if (value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'editor:errors.untilBeforeFrom' })
    }
    if (Object.keys(value.title).length > 0 && !(value.sourceLocale in value.title)) {
      ctx.addIssue({ code: 'custom', path: [`title`, value.sourceLocale], message: 'editor:errors.sourceTitle' })
    }
  })

export type PostingForm = z.output<typeof postingForm>

/** The form's flat fields (`title.de`, `audiences` = "women,families") as the schema's shape. */
function shaped(values: Record<string, string>) {
  return { ...values, title: localizedFrom(values, 'title'), body: localizedFrom(values, 'body') }
}

/** Validates the form; zod paths `title.de` name the form's own fields. */
function parsePosting(values: Record<string, string>): Outcome<PostingForm> {
  const input = shaped(values)
  const invalid = fieldErrors(postingForm, input)
  if (invalid) return invalid
  return { ok: true, value: postingForm.parse(input) }
}

/** Category and district must exist; checked inside the transaction. */
function unknownReference(tx: Db, data: PostingForm): Outcome<never> | null {
  if (!tx.select({ id: categories.id }).from(categories).where(eq(categories.id, data.category)).get()) return failure('category', 'editor:errors.category')
  if (data.district && !tx.select({ id: districts.id }).from(districts).where(eq(districts.id, data.district)).get()) return failure('district', 'editor:errors.invalid')
  return null
}

const editIntents = ['save', 'publish', 'withdraw', 'fulfil', 'renew'] as const
export type EditIntent = (typeof editIntents)[number]

/** A posting of an unverified organisation waits in the moderation queue before it shows. */
function moderationOnPublish(tx: Db, organisationId: string): 'visible' | 'pending' {
  const org = tx.select({ verified: organisations.verified }).from(organisations).where(eq(organisations.id, organisationId)).get()
  return org?.verified ? 'visible' : 'pending'
}

const contentOf = (data: PostingForm) => ({
  type: data.type,
  categoryId: data.category,
  districtId: data.district,
  audiences: data.audiences,
  languages: data.languages,
  title: data.title as Record<string, string>,
  body: data.body as Record<string, string>,
  validFrom: data.validFrom,
  validUntil: data.validUntil,
  contactMode: data.contactMode,
  sourceLocale: data.sourceLocale,
})

/**
 * A new offer or need of an organisation the actor looks after: saved as a draft, or
 * published (then searchable at once; waiting for a coordinator while the organisation
 * is not verified).
 */
export function createPosting(context: Context, organisationId: string, intent: string, values: Record<string, string>): Outcome<{ id: string }> {
  assertCan(context.actor, 'posting:create:own-organisation', { organisationId })
  const parsed = parsePosting(values)
  if (!parsed.ok) return parsed
  const data = parsed.value
  const publish = intent === 'publish'
  return commit(context, (tx, effects) => {
    const unknown = unknownReference(tx, data)
    if (unknown) return unknown
    if (!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).get()) return failure('form', 'editor:errors.invalid')
    const name = data.title.de ?? data.title[data.sourceLocale] ?? ''
    const id = slugFor(name, (candidate) => tx.select({ id: postings.id }).from(postings).where(eq(postings.id, candidate)).get() !== undefined, data.type === 'offer' ? 'angebot' : 'gesuch')
    const now = context.clock.now().toISOString()
    tx.insert(postings)
      .values({ id, organisationId, ...contentOf(data), status: publish ? 'published' : 'draft', moderation: publish ? moderationOnPublish(tx, organisationId) : 'visible', createdAt: now, updatedAt: now })
      .run()
    effects.audit({ action: publish ? 'posting.publish' : 'posting.create', subjectType: 'posting', subjectId: id })
    effects.index({ postings: [id] })
    return { ok: true, value: { id } }
  })
}

/** A posting as its editors see it (drafts too), for members of its organisation only. */
export function postingForEditor(db: Db, actor: Actor | null, id: string) {
  const row = db.select().from(postings).where(eq(postings.id, id)).get()
  if (!row) return undefined
  assertCan(actor, 'posting:update:own-organisation', { organisationId: row.organisationId })
  return row
}

/**
 * Changes a posting: `save` keeps its status, `publish` publishes a draft (or a withdrawn
 * or fulfilled one again), `withdraw` and `fulfil` take it off the board, `renew` extends
 * the validity by its original duration from today or its end, whichever is later. The
 * organisation is the stored one: a form naming another changes nothing.
 */
export function updatePosting(context: Context, id: string, intent: string, values: Record<string, string>): Outcome<{ status: PostingStatus; validUntil: string | null }> {
  const current = context.db.select({ organisationId: postings.organisationId }).from(postings).where(eq(postings.id, id)).get()
  if (!current) return failure('form', 'editor:errors.notFound')
  assertCan(context.actor, 'posting:update:own-organisation', { organisationId: current.organisationId })
  if (!(editIntents as readonly string[]).includes(intent)) return failure('form', 'editor:errors.invalid')
  const withContent = intent === 'save' || intent === 'publish'
  const parsed = withContent ? parsePosting(values) : null
  if (parsed && !parsed.ok) return parsed
  const today = todayInBerlin(context.clock.now())
  return commit(context, (tx, effects) => {
    const row = tx.select().from(postings).where(eq(postings.id, id)).get()!
    const now = context.clock.now().toISOString()
    let change: Partial<typeof postings.$inferInsert> = { updatedAt: now }
    if (parsed?.ok) {
      const unknown = unknownReference(tx, parsed.value)
      if (unknown) return unknown
      change = { ...change, ...contentOf(parsed.value) }
    }
    const status = nextStatus(row.status, intent as EditIntent)
    change.status = status
    if (intent === 'publish' && row.moderation === 'visible' && row.status !== 'published') change.moderation = moderationOnPublish(tx, row.organisationId)
    if (intent === 'renew') {
      const renewed = renewedUntil(row.validFrom, row.validUntil, today)
      if (!renewed) return failure('form', 'editor:errors.nothingToRenew')
      Object.assign(change, { validUntil: renewed, expiryNoticeAt: null, expiredNoticeAt: null, ...(row.status === 'expired' ? { status: 'published' } : {}) })
    }
    tx.update(postings).set(change).where(eq(postings.id, id)).run()
    effects.audit({ action: `posting.${intent}`, subjectType: 'posting', subjectId: id })
    effects.index({ postings: [id] })
    const after = tx.select({ status: postings.status, validUntil: postings.validUntil }).from(postings).where(eq(postings.id, id)).get()!
    return { ok: true, value: after }
  })
}

function nextStatus(status: PostingStatus, intent: EditIntent): PostingStatus {
  switch (intent) {
    case 'publish':
      return 'published'
    case 'withdraw':
      return 'withdrawn'
    case 'fulfil':
      return 'fulfilled'
    case 'save':
    case 'renew':
      return status
  }
}

/** The new end of a renewed posting: as long again as it ran at first, from its end or from today. */
export function renewedUntil(validFrom: string | null, validUntil: string | null, today: string): string | null {
  if (!validUntil) return null
  const duration = validFrom ? Math.max(1, daysBetween(validFrom, validUntil)) : 30
  const from = validUntil > today ? validUntil : today
  return addDays(from, duration)
}

/** The editors (owners and editors) of an organisation, each with the locale their e-mails are in. */
export function editorsOf(tx: Db, organisationId: string) {
  return tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(users.email)
    .all()
}

/** Mails every editor of an organisation, each in their own locale. */
export function mailEditors(tx: Db, effects: Effects, organisationId: string, template: Parameters<Effects['mail']>[0]['template'], params: (locale: string) => Record<string, string>) {
  for (const editor of editorsOf(tx, organisationId)) {
    effects.mail({ to: editor.email, userId: editor.id, locale: editor.locale, template, params: { name: editor.name, ...params(editor.locale) } })
  }
}
