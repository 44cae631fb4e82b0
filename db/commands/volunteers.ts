import { and, asc, count, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { locales, type Locale } from '../../locales'
import type { Db } from '../client'
import { controlCharacter } from '../control-characters'
import { limits } from '../exchange/format'
import { assertCan, can, Forbidden, type Actor } from '../permissions'
import { districts, groupMembers, settings, users, volunteerProfiles, weekdays } from '../schema'
import { slugFor } from '../slug'
import { listOf } from './form-fields'
import { commit, failure, fieldErrors, type Context, type Outcome } from './run'

/**
 * What volunteers tell coordinators about themselves (skills, districts, when they have
 * time, how often e-mails come), the skills list coordinators keep, and finding
 * volunteers by all of it. Languages are set by `setLanguages` (translations.ts).
 */

const error = (name: string) => `volunteering:people.errors.${name}`

export const partsOfDay = ['morning', 'afternoon', 'evening'] as const
/** `mon-morning` … `sun-evening`. */
export const availabilitySlots = weekdays.flatMap((day) => partsOfDay.map((part) => `${day}-${part}`)) as [string, ...string[]]
export const mailFrequencies = ['each', 'daily', 'none'] as const
export type MailFrequency = (typeof mailFrequencies)[number]

export type Skill = { id: string; label: Record<string, string> }
export const skillsKey = 'volunteer.skills'

/** The list a new installation starts with, until coordinators change it. */
export const defaultSkills: Skill[] = [
  { id: 'driving', label: { de: 'Autofahren', en: 'Driving', ar: 'قيادة السيارة', fa: 'رانندگی', uk: 'Водіння авто', ru: 'Вождение автомобиля', tr: 'Araç kullanma' } },
  { id: 'tutoring', label: { de: 'Nachhilfe', en: 'Tutoring', ar: 'دروس التقوية', fa: 'تدریس خصوصی', uk: 'Репетиторство', ru: 'Репетиторство', tr: 'Özel ders' } },
  { id: 'interpreting', label: { de: 'Dolmetschen', en: 'Interpreting', ar: 'الترجمة الشفهية', fa: 'ترجمانی شفاهی', uk: 'Усний переклад', ru: 'Устный перевод', tr: 'Sözlü çeviri' } },
  { id: 'childcare', label: { de: 'Kinderbetreuung', en: 'Childcare', ar: 'رعاية الأطفال', fa: 'نگهداری از کودکان', uk: 'Догляд за дітьми', ru: 'Присмотр за детьми', tr: 'Çocuk bakımı' } },
  { id: 'crafts', label: { de: 'Handwerk', en: 'Crafts and repairs', ar: 'الأعمال اليدوية والتصليح', fa: 'کارهای دستی و ترمیم', uk: 'Ремесла й ремонт', ru: 'Ремесло и ремонт', tr: 'El işleri ve tamir' } },
  {
    id: 'accompaniment',
    label: { de: 'Begleitung zu Ämtern', en: 'Accompanying people to public offices', ar: 'المرافقة إلى الدوائر الحكومية', fa: 'همراهی به ادارات دولتی', uk: 'Супровід до установ', ru: 'Сопровождение в учреждения', tr: 'Resmi dairelere refakat' },
  },
]

const storedSkills = z.array(z.object({ id: z.string().min(1), label: z.record(z.string(), z.string()) }))

/** The skills coordinators keep; the default list while none is stored. */
export function skillList(db: Db): Skill[] {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, skillsKey)).get()
  const parsed = storedSkills.safeParse(row?.value)
  return row && parsed.success ? parsed.data : defaultSkills
}

function writeSkills(tx: Db, list: Skill[], now: string) {
  tx.insert(settings).values({ key: skillsKey, value: list, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: list, updatedAt: now } }).run()
}

/** A skill's label in one locale: one line, control characters refused. */
const term = z
  .string({ error: error('invalid') })
  .refine((value) => !controlCharacter.test(value), { error: 'editor:errors.controlCharacter' })
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(limits.name, { error: 'editor:errors.tooLong' }))
const labels = z.partialRecord(z.enum(locales), term, { error: error('invalid') }).refine((texts) => Boolean(texts.de), { path: ['de'], error: error('labelRequired') })
const skillId = z.string({ error: error('chooseSkill') }).min(1, { error: error('chooseSkill') }).max(limits.id, { error: error('chooseSkill') })

export const addSkillInput = z.object({ label: labels })
export const renameSkillInput = z.object({ skill: skillId, label: labels })
export const removeSkillInput = z.object({ skill: skillId })

/** Form fields (`skill`, `label.de`, `label.ar`, …) → a skill command's input (empty labels are absent). */
export function skillFromForm(values: Record<string, string>) {
  const label = Object.fromEntries(locales.filter((lng) => values[`label.${lng}`]?.trim()).map((lng) => [lng, values[`label.${lng}`]]))
  return { skill: values.skill, label }
}

/** Which skill is meant is no field of the form: a wrong one is said above the forms. */
function skillErrors(schema: z.ZodType, input: unknown): Outcome<never> | null {
  const invalid = fieldErrors(schema, input)
  if (!invalid || invalid.ok || !invalid.errors.skill) return invalid
  const { skill, ...rest } = invalid.errors
  return { ok: false, errors: { ...rest, form: skill } }
}

const labelTaken = (list: Skill[], de: string, except: string | null) => list.some((skill) => skill.id !== except && skill.label.de?.toLocaleLowerCase('de') === de.toLocaleLowerCase('de'))

export function addSkill(context: Context, input: unknown): Outcome<{ id: string }> {
  assertCan(context.actor, 'volunteer:find:any')
  const invalid = fieldErrors(addSkillInput, input)
  if (invalid) return invalid
  const data = addSkillInput.parse(input)
  return commit(context, (tx, effects) => {
    const list = skillList(tx)
    if (list.length >= limits.listItems) return failure('form', error('tooManySkills'))
    if (labelTaken(list, data.label.de!, null)) return failure('label.de', error('skillTaken'))
    const id = slugFor(data.label.de!, (candidate) => list.some((skill) => skill.id === candidate), 'skill')
    writeSkills(tx, [...list, { id, label: data.label }], context.clock.now().toISOString())
    effects.audit({ action: 'skill.create', subjectType: 'skill', subjectId: id })
    return { ok: true, value: { id } }
  })
}

/** New labels for a skill: the locales sent replace the stored ones, the others are removed. */
export function renameSkill(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'volunteer:find:any')
  const invalid = skillErrors(renameSkillInput, input)
  if (invalid) return invalid
  const data = renameSkillInput.parse(input)
  return commit(context, (tx, effects) => {
    const list = skillList(tx)
    if (!list.some((skill) => skill.id === data.skill)) return failure('form', error('chooseSkill'))
    if (labelTaken(list, data.label.de!, data.skill)) return failure('label.de', error('skillTaken'))
    writeSkills(
      tx,
      list.map((skill) => (skill.id === data.skill ? { id: skill.id, label: data.label } : skill)),
      context.clock.now().toISOString(),
    )
    effects.audit({ action: 'skill.update', subjectType: 'skill', subjectId: data.skill })
    return { ok: true, value: null }
  })
}

/** The skill leaves the list and every profile that named it. */
export function removeSkill(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'volunteer:find:any')
  const invalid = skillErrors(removeSkillInput, input)
  if (invalid) return invalid
  const data = removeSkillInput.parse(input)
  return commit(context, (tx, effects) => {
    const list = skillList(tx)
    if (!list.some((skill) => skill.id === data.skill)) return failure('form', error('chooseSkill'))
    writeSkills(
      tx,
      list.filter((skill) => skill.id !== data.skill),
      context.clock.now().toISOString(),
    )
    const holders = tx.select({ userId: volunteerProfiles.userId, skills: volunteerProfiles.skills }).from(volunteerProfiles).where(listHas(volunteerProfiles.skills, [data.skill])).all()
    for (const holder of holders) {
      tx.update(volunteerProfiles)
        .set({ skills: holder.skills.filter((id) => id !== data.skill) })
        .where(eq(volunteerProfiles.userId, holder.userId))
        .run()
    }
    effects.audit({ action: 'skill.delete', subjectType: 'skill', subjectId: data.skill })
    return { ok: true, value: null }
  })
}

/** A JSON list column holds one of `values`. */
function listHas(column: typeof volunteerProfiles.skills, values: string[]): SQL {
  return sql`exists (select 1 from json_each(${column}) where json_each.value in (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}))`
}

const profileSchema = (skills: string[], districtIds: string[]) =>
  z.object({
    skills: listOf(skills as [string, ...string[]]),
    districts: listOf(districtIds as [string, ...string[]]),
    availability: listOf(availabilitySlots),
    reminders: z.enum(['on', 'off'], { error: error('choose') }),
    mailFrequency: z.enum(mailFrequencies, { error: error('choose') }),
  })

/** A volunteer's skills, districts, availability and what e-mails they want. Languages stay as they are. */
export function setProfile(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'account:update:own')
  const schema = profileSchema(
    skillList(context.db).map((skill) => skill.id),
    context.db.select({ id: districts.id }).from(districts).all().map((row) => row.id),
  )
  const invalid = fieldErrors(schema, input)
  if (invalid) return invalid
  const data = schema.parse(input)
  const userId = context.actor.id
  const values = { skills: data.skills, districts: data.districts, availability: data.availability, reminders: data.reminders === 'on', mailFrequency: data.mailFrequency }
  return commit(context, (tx, effects) => {
    tx.insert(volunteerProfiles)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: volunteerProfiles.userId, set: values })
      .run()
    effects.audit({ action: 'volunteer.profile', subjectType: 'user', subjectId: userId })
    return { ok: true, value: null }
  })
}

const profileColumns = {
  speaks: volunteerProfiles.speaks,
  writes: volunteerProfiles.writes,
  skills: volunteerProfiles.skills,
  districts: volunteerProfiles.districts,
  availability: volunteerProfiles.availability,
  reminders: volunteerProfiles.reminders,
  mailFrequency: volunteerProfiles.mailFrequency,
}
export type VolunteerProfile = { speaks: string[]; writes: string[]; skills: string[]; districts: string[]; availability: string[]; reminders: boolean; mailFrequency: MailFrequency }
const emptyProfile: VolunteerProfile = { speaks: [], writes: [], skills: [], districts: [], availability: [], reminders: true, mailFrequency: 'each' }

/** The person's own profile (defaults when they have not saved one). */
export function ownProfile(db: Db, userId: string): VolunteerProfile {
  return db.select(profileColumns).from(volunteerProfiles).where(eq(volunteerProfiles.userId, userId)).get() ?? emptyProfile
}

/** Coordinators, and the leads of a group the person is an active member of. */
export function maySeeProfile(db: Db, actor: Actor | null, userId: string): boolean {
  if (!actor) return false
  if (actor.id === userId || can(actor, 'volunteer:find:any')) return true
  if (actor.leads.length === 0) return false
  const shared = db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(inArray(groupMembers.groupId, actor.leads), eq(groupMembers.userId, userId), eq(groupMembers.state, 'active')))
    .get()
  return Boolean(shared)
}

/** Someone else's profile, for those who may see it; Forbidden for everyone else. */
export function profileOf(db: Db, actor: Actor | null, userId: string): VolunteerProfile {
  if (!maySeeProfile(db, actor, userId)) throw new Forbidden('volunteer:find:any')
  return ownProfile(db, userId)
}

/** Dari is written in the Persian script and often tagged `fa`: the two find each other. */
const sameLanguage: Record<string, string[]> = { fa: ['fa', 'prs'], prs: ['fa', 'prs'] }

export type VolunteerFilters = { language?: string; skill?: string; district?: string; availability?: string }

/**
 * Volunteers are confirmed accounts with a profile or an active membership in a group.
 * Every filter given must match; none given lists them all.
 */
function volunteerWhere(filters: VolunteerFilters): SQL | undefined {
  const member = sql`exists (select 1 from ${groupMembers} where ${groupMembers.userId} = ${users.id} and ${groupMembers.state} = 'active')`
  return and(
    isNotNull(users.confirmedAt),
    or(isNotNull(volunteerProfiles.userId), member),
    filters.language ? listHas(volunteerProfiles.speaks, sameLanguage[filters.language] ?? [filters.language]) : undefined,
    filters.skill ? listHas(volunteerProfiles.skills, [filters.skill]) : undefined,
    filters.district ? listHas(volunteerProfiles.districts, [filters.district]) : undefined,
    filters.availability ? listHas(volunteerProfiles.availability, [filters.availability]) : undefined,
  )
}

export type FoundVolunteer = { id: string; name: string; speaks: string[]; skills: string[]; districts: string[]; availability: string[] }

/** Coordinators find volunteers: names and profile only, never an address. */
export function findVolunteers(db: Db, actor: Actor | null, filters: VolunteerFilters, page = { limit: 50, offset: 0 }): { total: number; rows: FoundVolunteer[] } {
  assertCan(actor, 'volunteer:find:any')
  const where = volunteerWhere(filters)
  const total = db.select({ n: count() }).from(users).leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id)).where(where).get()?.n ?? 0
  const rows = db
    .select({ id: users.id, name: users.name, speaks: volunteerProfiles.speaks, skills: volunteerProfiles.skills, districts: volunteerProfiles.districts, availability: volunteerProfiles.availability })
    .from(users)
    .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
    .where(where)
    .orderBy(asc(sql`${users.name} collate nocase`), asc(users.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((row) => ({ id: row.id, name: row.name, speaks: row.speaks ?? [], skills: row.skills ?? [], districts: row.districts ?? [], availability: row.availability ?? [] }))
  return { total, rows }
}

/** Everyone the filters find, for an announcement to exactly that list. */
export function foundVolunteerIds(db: Db, filters: VolunteerFilters): string[] {
  return db
    .select({ id: users.id })
    .from(users)
    .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, users.id))
    .where(volunteerWhere(filters))
    .all()
    .map((row) => row.id)
}

/** Skill labels in the reader's language (German, else any, when a label is missing). */
export function skillLabels(list: Skill[], lng: Locale): Map<string, string> {
  return new Map(list.map((skill) => [skill.id, skill.label[lng] ?? skill.label.de ?? Object.values(skill.label)[0] ?? skill.id]))
}
