import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, ne } from 'drizzle-orm'
import { z } from 'zod'
import { locales } from '../../locales'
import type { Db } from '../client'
import { todayInBerlin } from '../dates'
import { limits } from '../exchange/format'
import { assertCan, can, Forbidden, type Actor } from '../permissions'
import { announcementRecipients, announcements, auditLog, groupMembers, users, volunteerProfiles, workingGroups } from '../schema'
import { readerText, type Announcement } from '../queries/announcements'
import { localizedFrom, requiredText } from './form-fields'
import { commit, failure, fieldErrors, type Context, type Effects, type FieldErrors, type Outcome } from './run'
import { foundVolunteerIds, type VolunteerFilters } from './volunteers'

/**
 * Announcements from leads and coordinators: written in one locale, translations added by
 * the sender, delivered to each recipient's inbox and by e-mail as they chose (each one
 * now, a daily digest, or none).
 */

const error = (name: string) => `volunteering:people.errors.${name}`

const texts = (max: number) => z.partialRecord(z.enum(locales), requiredText(max), { error: error('invalid') })
const announceInput = z.object({
  sourceLocale: z.enum(locales, { error: error('sourceLocale') }),
  subject: texts(limits.title),
  body: texts(limits.longText),
})
type AnnounceInput = z.output<typeof announceInput>

/** Form fields (`sourceLocale`, `subject.de`, `body.ar`, …) → an announcement; empty fields are absent. */
export function announcementFromForm(values: Record<string, string>) {
  return { sourceLocale: values.sourceLocale, subject: localizedFrom(values, 'subject'), body: localizedFrom(values, 'body') }
}

/** Each locale has a subject and a body or neither; `required` locales must have both. */
function missingHalves(data: Pick<AnnounceInput, 'subject' | 'body'>, required: string[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const lng of locales) {
    const needed = required.includes(lng) || Boolean(data.subject[lng]) || Boolean(data.body[lng])
    if (!needed) continue
    if (!data.subject[lng]) errors[`subject.${lng}`] = error('subjectRequired')
    if (!data.body[lng]) errors[`body.${lng}`] = error('bodyRequired')
  }
  return errors
}

function validate(input: unknown): Outcome<AnnounceInput> {
  const invalid = fieldErrors(announceInput, input)
  if (invalid) return invalid
  const data = announceInput.parse(input)
  const missing = missingHalves(data, [data.sourceLocale])
  if (Object.keys(missing).length > 0) return { ok: false, errors: missing }
  return { ok: true, value: data }
}

const languageName = (tag: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(tag) ?? tag
  } catch {
    return tag
  }
}

const templates = { original: 'announcement', translated: 'announcementTranslated', untranslated: 'announcementOriginal' } as const

/** Stores the announcement and one inbox row per recipient; those who want each one by e-mail get it now, in their locale. */
function send(context: Context, tx: Db, effects: Effects, recipients: string[], groups: string[], data: AnnounceInput): number {
  const sender = context.actor!
  const sentAt = context.clock.now().toISOString()
  const { id } = tx.insert(announcements).values({ senderId: sender.id, groups, sourceLocale: data.sourceLocale, subject: data.subject, body: data.body, sentAt }).returning({ id: announcements.id }).get()
  const people = [...new Set(recipients)].filter((userId) => userId !== sender.id)
  const senderName = tx.select({ name: users.name }).from(users).where(eq(users.id, sender.id)).get()?.name ?? ''
  for (let start = 0; start < people.length; start += 500) {
    const chunk = people.slice(start, start + 500)
    tx.insert(announcementRecipients)
      .values(chunk.map((userId) => ({ announcementId: id, userId })))
      .run()
    const mailed = tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, frequency: volunteerProfiles.mailFrequency })
      .from(users)
      .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
      .where(inArray(users.id, chunk))
      .all()
    for (const person of mailed) {
      if ((person.frequency ?? 'each') !== 'each') continue
      const text = readerText(data, person.locale)
      effects.mail({
        to: person.email,
        userId: person.id,
        locale: person.locale,
        template: templates[text.state],
        params: { name: person.name, sender: senderName, subject: text.subject, body: text.body, language: languageName(data.sourceLocale, person.locale), path: `/${person.locale}/volunteer?announcement=${id}#announcement-${id}` },
      })
    }
  }
  effects.audit({ action: 'announcement.send', subjectType: 'announcement', subjectId: String(id), reason: groups.length > 0 ? groups.join(',') : `volunteers:${people.length}` })
  return id
}

const groupList = z
  .array(z.string().min(1).max(limits.id), { error: error('chooseGroup') })
  .min(1, { error: error('chooseGroup') })
  .max(limits.listItems, { error: error('chooseGroup') })

/**
 * To the active members of one or more groups at this moment. Each group must be one the
 * actor may announce to (a lead: the groups they lead; a coordinator: any).
 */
export function announceToGroups(context: Context, groupIds: unknown, input: unknown): Outcome<{ id: number; recipients: number }> {
  const parsed = groupList.safeParse(Array.isArray(groupIds) ? [...new Set(groupIds)] : groupIds)
  if (!parsed.success) {
    // Only someone who may announce to some group hears what is wrong with the choice.
    if (!can(context.actor, 'group:announce:led') && !context.actor?.leads.length) throw new Forbidden('group:announce:led')
    return failure('groups', error('chooseGroup'))
  }
  for (const groupId of parsed.data) assertCan(context.actor, 'group:announce:led', { groupId })
  const known = context.db.select({ id: workingGroups.id }).from(workingGroups).where(inArray(workingGroups.id, parsed.data)).all()
  if (known.length !== parsed.data.length) return failure('groups', error('chooseGroup'))
  const valid = validate(input)
  if (!valid.ok) return valid
  return commit(context, (tx, effects) => {
    const members = tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(and(inArray(groupMembers.groupId, parsed.data), eq(groupMembers.state, 'active'), isNotNull(users.confirmedAt)))
      .all()
      .map((row) => row.userId)
    const id = send(context, tx, effects, members, parsed.data, valid.value)
    return { ok: true, value: { id, recipients: new Set(members.filter((m) => m !== context.actor!.id)).size } }
  })
}

/** To exactly the volunteers a coordinator's search finds now. */
export function announceToVolunteers(context: Context, filters: VolunteerFilters, input: unknown): Outcome<{ id: number; recipients: number }> {
  assertCan(context.actor, 'volunteer:find:any')
  const valid = validate(input)
  if (!valid.ok) return valid
  return commit(context, (tx, effects) => {
    const found = foundVolunteerIds(tx, filters).filter((id) => id !== context.actor!.id)
    if (found.length === 0) return failure('form', error('nobodyFound'))
    const id = send(context, tx, effects, found, [], valid.value)
    return { ok: true, value: { id, recipients: found.length } }
  })
}

/** The sender, a coordinator, or a lead of every group it went to. */
export function mayEdit(actor: Actor | null, announcement: Pick<Announcement, 'senderId' | 'groups'>): boolean {
  if (!actor) return false
  if (announcement.senderId === actor.id || can(actor, 'volunteer:find:any')) return true
  return announcement.groups.length > 0 && announcement.groups.every((groupId) => can(actor, 'group:announce:led', { groupId }))
}

/**
 * Adds or replaces translations (`subject.ar` with `body.ar`); the original stays as it
 * was written. `groupId`: the page it is done from, which the announcement must belong to.
 */
export function translateAnnouncement(context: Context, announcementId: number, input: unknown, scope: { groupId?: string } = {}): Outcome<null> {
  const row = Number.isSafeInteger(announcementId) ? context.db.select().from(announcements).where(eq(announcements.id, announcementId)).get() : undefined
  if (!row || (scope.groupId !== undefined && !row.groups.includes(scope.groupId))) {
    assertCan(context.actor, 'group:announce:led', scope)
    return failure('form', error('notFound'))
  }
  if (!mayEdit(context.actor, row)) throw new Forbidden('group:announce:led')
  const parsed = z.object({ subject: texts(limits.title), body: texts(limits.longText) })
  const invalid = fieldErrors(parsed, input)
  if (invalid) return invalid
  const data = parsed.parse(input)
  delete data.subject[row.sourceLocale as keyof typeof data.subject]
  delete data.body[row.sourceLocale as keyof typeof data.body]
  const missing = missingHalves(data, [])
  if (Object.keys(missing).length > 0) return { ok: false, errors: missing }
  const added = Object.keys(data.subject)
  if (added.length === 0) return failure('form', error('nothingToTranslate'))
  return commit(context, (tx, effects) => {
    tx.update(announcements)
      .set({ subject: { ...row.subject, ...data.subject }, body: { ...row.body, ...data.body } })
      .where(eq(announcements.id, row.id))
      .run()
    effects.audit({ action: 'announcement.translate', subjectType: 'announcement', subjectId: String(row.id), reason: added.join(',') })
    return { ok: true, value: null }
  })
}

/** The recipient opened it. Anyone else: nothing happens. */
export function markAnnouncementRead(context: Context, announcementId: number): Outcome<null> {
  assertCan(context.actor, 'account:update:own')
  const userId = context.actor.id
  if (!Number.isSafeInteger(announcementId)) return failure('form', error('notFound'))
  return commit(context, (tx) => {
    const changed = tx
      .update(announcementRecipients)
      .set({ readAt: context.clock.now().toISOString() })
      .where(and(eq(announcementRecipients.announcementId, announcementId), eq(announcementRecipients.userId, userId), isNull(announcementRecipients.readAt)))
      .run().changes
    return changed > 0 ? { ok: true, value: null } : failure('form', error('notFound'))
  })
}

const berlinHour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Berlin' })
/** The digest leaves in the evening (Europe/Berlin), once a day. */
export const digestHour = 18

/**
 * The daily digest: each person who chose `daily` gets one e-mail listing what arrived
 * since the last digest and is still unread. Nothing waits: no e-mail. The audit entry of
 * each run marks what has been mailed (everything sent before it).
 */
export function announcementDigest(context: Context): { sent: number } {
  const now = context.clock.now()
  if (Number(berlinHour.format(now)) < digestHour) return { sent: 0 }
  const today = todayInBerlin(now)
  const runs = context.db.select({ at: auditLog.at, subjectId: auditLog.subjectId }).from(auditLog).where(eq(auditLog.action, 'announcement.digest')).orderBy(desc(auditLog.at)).limit(1).get()
  if (runs?.subjectId === today) return { sent: 0 }
  const since = runs?.at ?? ''
  const until = now.toISOString()
  const waiting = context.db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale, announcement: announcements })
    .from(announcementRecipients)
    .innerJoin(announcements, eq(announcements.id, announcementRecipients.announcementId))
    .innerJoin(users, eq(users.id, announcementRecipients.userId))
    .innerJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
    .where(and(eq(volunteerProfiles.mailFrequency, 'daily'), isNull(announcementRecipients.readAt), gt(announcements.sentAt, since), lte(announcements.sentAt, until), ne(users.email, '')))
    .orderBy(users.id, announcements.sentAt)
    .all()
  if (waiting.length === 0) return { sent: 0 }
  const people = new Map<string, { email: string; name: string; locale: string; subjects: string[] }>()
  for (const row of waiting) {
    const person = people.get(row.userId) ?? { email: row.email, name: row.name, locale: row.locale, subjects: [] }
    person.subjects.push(readerText(row.announcement, row.locale).subject)
    people.set(row.userId, person)
  }
  return commit(context, (tx, effects) => {
    for (const [userId, person] of people) {
      effects.mail({
        to: person.email,
        userId,
        locale: person.locale,
        template: 'announcementDigest',
        params: { name: person.name, number: String(person.subjects.length), list: person.subjects.map((subject) => `• ${subject}`).join('\n'), path: `/${person.locale}/volunteer#announcements` },
      })
    }
    effects.audit({ action: 'announcement.digest', subjectType: 'announcement', subjectId: today, reason: String(people.size) })
    return { sent: people.size }
  })
}
