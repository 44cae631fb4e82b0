import { and, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { locales } from '../../locales'
import type { Db } from '../client'
import { limits } from '../exchange/format'
import { assertCan, Forbidden, type Actor } from '../permissions'
import { postings, translationRequests, volunteerProfiles } from '../schema'
import { listOf, requiredText, optionalText, helpLanguages } from './form-fields'
import { mailEditors } from './postings'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

/** A posting's title in `locale`, else in its source language. */
export function pickTitle(title: Record<string, string>, locale: string, source: string): string {
  return title[locale] ?? title[source] ?? Object.values(title)[0] ?? ''
}

/** The UI locales a posting has no title in: what its editors could still add or ask for. */
export function missingLocales(title: Record<string, string>): string[] {
  return locales.filter((locale) => !(locale in title))
}

const localeInput = z.enum(locales, { error: 'editor:errors.invalid' })

/** An editor asks volunteers who write `locale` for a translation; one open request per posting and locale. */
export function requestTranslation(context: Context, postingId: string, locale: unknown): Outcome<null> {
  const posting = context.db.select({ organisationId: postings.organisationId, title: postings.title }).from(postings).where(eq(postings.id, postingId)).get()
  if (!posting) return failure('form', 'editor:errors.notFound')
  assertCan(context.actor, 'posting:update:own-organisation', { organisationId: posting.organisationId })
  const parsed = localeInput.safeParse(locale)
  if (!parsed.success || parsed.data in posting.title) return failure('locale', 'editor:errors.invalid')
  return commit(context, (tx, effects) => {
    const pending = tx
      .select({ id: translationRequests.id })
      .from(translationRequests)
      .where(and(eq(translationRequests.postingId, postingId), eq(translationRequests.locale, parsed.data), inArray(translationRequests.state, ['open', 'submitted'])))
      .get()
    if (pending) return failure('locale', 'editor:errors.alreadyRequested')
    tx.insert(translationRequests).values({ postingId, locale: parsed.data, requestedBy: context.actor!.id, requestedAt: context.clock.now().toISOString() }).run()
    effects.audit({ action: 'posting.requestTranslation', subjectType: 'posting', subjectId: postingId, reason: parsed.data })
    return { ok: true, value: null }
  })
}

/** The translation requests of a posting, for its editors. */
export function translationsOf(db: Db, postingId: string) {
  return db.select().from(translationRequests).where(eq(translationRequests.postingId, postingId)).orderBy(desc(translationRequests.requestedAt)).all()
}

/** The languages a volunteer said they write. */
export function writtenLanguages(db: Db, userId: string): string[] {
  return db.select({ writes: volunteerProfiles.writes }).from(volunteerProfiles).where(eq(volunteerProfiles.userId, userId)).get()?.writes ?? []
}

/** Open requests in the languages the volunteer writes, with the source text to translate. */
export function translationQueue(db: Db, actor: Actor) {
  const writes = writtenLanguages(db, actor.id)
  if (writes.length === 0) return []
  return db
    .select({ id: translationRequests.id, locale: translationRequests.locale, postingId: postings.id, title: postings.title, body: postings.body, sourceLocale: postings.sourceLocale })
    .from(translationRequests)
    .innerJoin(postings, eq(postings.id, translationRequests.postingId))
    .where(and(eq(translationRequests.state, 'open'), inArray(translationRequests.locale, writes)))
    .orderBy(translationRequests.requestedAt)
    .all()
}

const profileInput = z.object({ writes: listOf(helpLanguages), speaks: listOf(helpLanguages) })

/** A volunteer says which languages they speak and write (translation requests follow the written ones). */
export function setLanguages(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'account:update:own')
  const invalid = fieldErrors(profileInput, input)
  if (invalid) return invalid
  const data = profileInput.parse(input)
  const userId = context.actor.id
  return commit(context, (tx, effects) => {
    tx.insert(volunteerProfiles)
      .values({ userId, writes: data.writes, speaks: data.speaks })
      .onConflictDoUpdate({ target: volunteerProfiles.userId, set: { writes: data.writes, speaks: data.speaks } })
      .run()
    effects.audit({ action: 'volunteer.languages', subjectType: 'user', subjectId: userId })
    return { ok: true, value: null }
  })
}

const translationInput = z.object({ title: requiredText(limits.title), body: optionalText(limits.longText) })

/** A volunteer who writes the language submits a translation; the editors are told and review it. */
export function submitTranslation(context: Context, requestId: number, input: unknown): Outcome<null> {
  assertCan(context.actor, 'translation:submit:own')
  const invalid = fieldErrors(translationInput, input)
  if (invalid) return invalid
  const data = translationInput.parse(input)
  const actor = context.actor
  return commit(context, (tx, effects) => {
    const request = tx.select().from(translationRequests).where(eq(translationRequests.id, requestId)).get()
    if (!request || request.state !== 'open') return failure('form', 'editor:errors.requestClosed')
    if (!writtenLanguages(tx, actor.id).includes(request.locale)) throw new Forbidden('translation:submit:own')
    const posting = tx.select().from(postings).where(eq(postings.id, request.postingId)).get()!
    tx.update(translationRequests)
      .set({ state: 'submitted', translatorId: actor.id, title: data.title, body: data.body ?? null, submittedAt: context.clock.now().toISOString() })
      .where(eq(translationRequests.id, requestId))
      .run()
    mailEditors(tx, effects, posting.organisationId, 'translationSubmitted', (locale) => ({
      title: pickTitle(posting.title, locale, posting.sourceLocale),
      path: `/${locale}/manage/postings/${posting.id}#translations`,
    }))
    effects.audit({ action: 'posting.submitTranslation', subjectType: 'posting', subjectId: posting.id, reason: request.locale })
    return { ok: true, value: null }
  })
}

/**
 * The editor approves a submitted translation, as submitted or as they edited it: it is
 * published on the posting and marked as a community translation. Declining reopens the request.
 */
export function reviewTranslation(context: Context, requestId: number, intent: string, input: unknown): Outcome<null> {
  const request = context.db.select().from(translationRequests).where(eq(translationRequests.id, requestId)).get()
  if (!request) return failure('form', 'editor:errors.notFound')
  const posting = context.db.select().from(postings).where(eq(postings.id, request.postingId)).get()!
  assertCan(context.actor, 'posting:update:own-organisation', { organisationId: posting.organisationId })
  if (request.state !== 'submitted') return failure('form', 'editor:errors.requestClosed')
  if (intent === 'decline') {
    return commit(context, (tx, effects) => {
      tx.update(translationRequests).set({ state: 'open', translatorId: null, title: null, body: null, submittedAt: null }).where(eq(translationRequests.id, requestId)).run()
      effects.audit({ action: 'posting.declineTranslation', subjectType: 'posting', subjectId: posting.id, reason: request.locale })
      return { ok: true, value: null }
    })
  }
  if (intent !== 'approve') return failure('form', 'editor:errors.invalid')
  const invalid = fieldErrors(translationInput, input)
  if (invalid) return invalid
  const data = translationInput.parse(input)
  return commit(context, (tx, effects) => {
    const title = { ...posting.title, [request.locale]: data.title }
    const body = { ...posting.body }
    if (data.body) body[request.locale] = data.body
    const community = [...new Set([...posting.communityLocales, request.locale])]
    tx.update(postings).set({ title, body, communityLocales: community, updatedAt: context.clock.now().toISOString() }).where(eq(postings.id, posting.id)).run()
    tx.update(translationRequests).set({ state: 'approved' }).where(eq(translationRequests.id, requestId)).run()
    effects.audit({ action: 'posting.approveTranslation', subjectType: 'posting', subjectId: posting.id, reason: request.locale })
    effects.index({ postings: [posting.id] })
    return { ok: true, value: null }
  })
}
