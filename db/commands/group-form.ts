import { z } from 'zod'
import { addDays, isIsoDate, weekdayIndex } from '../dates'
import { limits } from '../exchange/format'
import { groupKinds, weekdays, type Schedule } from '../schema'
import { fieldErrors, type Outcome } from './run'
import { helpLanguages, listOf, localizedFrom, localizedSchema, optionalText } from './form-fields'

/**
 * What the group form posts (`name.de`, `schedule.weekday`, `languages` = "de,ar"), in the
 * import format's words, with errors as i18n keys next to the field they belong to.
 */
export const scheduleFrequencies = ['none', 'weekly', 'biweekly', 'monthly'] as const
export const monthWeeks = ['1', '2', '3', '4', '-1'] as const

/** `15:00`, also `9:30` or `15.00` as people type where the browser shows a text field. */
export const clockTime = z
  .string({ error: 'editor:errors.time' })
  .trim()
  .transform((value) => value.replace(/^(\d{1,2})[:.](\d{2})(:\d{2})?$/, (_, h: string, m: string) => `${h.padStart(2, '0')}:${m}`))
  .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { error: 'editor:errors.time' })

/** `YYYY-MM-DD`, or `TT.MM.JJJJ` as people type it. */
export const dayInput = z
  .string({ error: 'editor:errors.date' })
  .trim()
  .transform((value) => value.replace(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`))
  .refine(isIsoDate, { error: 'editor:errors.date' })

/** Dates without a meeting: one a line or separated by commas; each must be a date. */
const exceptList = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(/[\s,;]+/).filter(Boolean))
  .transform((items, ctx) => {
    const days: string[] = []
    for (const item of items) {
      const parsed = dayInput.safeParse(item)
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'volunteering:lead.errors.except' })
        return z.NEVER
      }
      days.push(parsed.data)
    }
    return [...new Set(days)].sort()
  })
  .refine((days) => days.length <= 500, { error: 'volunteering:lead.errors.except' })

const optionalCount = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || (/^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 10_000), { error: 'volunteering:lead.errors.count' })
  .transform((value) => (value ? Number(value) : null))

const scheduleInput = z
  .object({
    frequency: z.enum(scheduleFrequencies, { error: 'editor:errors.invalid' }).default('none'),
    weekday: z.string().optional(),
    week: z.string().optional(),
    start: z.string().optional(),
    end: z.string().optional(),
    from: z.string().optional(),
    except: exceptList,
  })
  .transform((value, ctx) => {
    if (value.frequency === 'none') return null
    const fail = (field: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message })
      return z.NEVER
    }
    const weekday = weekdays.find((w) => w === value.weekday)
    if (!weekday) return fail('weekday', 'volunteering:lead.errors.weekday')
    const week = monthWeeks.find((w) => w === value.week)
    if (value.frequency === 'monthly' && !week) return fail('week', 'volunteering:lead.errors.week')
    const start = clockTime.safeParse(value.start ?? '')
    if (!start.success) return fail('start', 'editor:errors.time')
    const end = clockTime.safeParse(value.end ?? '')
    if (!end.success) return fail('end', 'editor:errors.time')
    if (end.data <= start.data) return fail('end', 'editor:errors.toBeforeFrom')
    const from = value.from?.trim() ? dayInput.safeParse(value.from) : null
    if (from && !from.success) return fail('from', 'editor:errors.date')
    return {
      frequency: value.frequency,
      weekday,
      ...(value.frequency === 'monthly' ? { week: Number(week) as Schedule['week'] } : {}),
      start: start.data,
      end: end.data,
      from: from?.data ?? null,
      except: value.except,
    }
  })

const groupForm = z
  .object({
    kind: z.enum(groupKinds, { error: 'volunteering:lead.errors.kind' }),
    name: localizedSchema(limits.name).refine((name) => 'de' in name, { path: ['de'], error: 'volunteering:lead.errors.nameDe' }),
    description: localizedSchema(limits.longText),
    place: optionalText(limits.name),
    district: z
      .string()
      .max(limits.id)
      .optional()
      .transform((value) => value || null),
    languages: listOf(helpLanguages),
    open: z.enum(['true', 'false'], { error: 'volunteering:lead.errors.open' }).transform((value) => value === 'true'),
    /** A checkbox: absent is no. */
    requiresCheck: z
      .enum(['on'], { error: 'editor:errors.invalid' })
      .optional()
      .transform((value) => value === 'on'),
    capacity: optionalCount,
    minimum: optionalCount,
    schedule: scheduleInput,
    /** Told to those signed up for dates the new schedule drops. */
    reason: optionalText(limits.shortText),
  })
  .superRefine((value, ctx) => {
    if (value.capacity !== null && value.minimum !== null && value.minimum > value.capacity) {
      ctx.addIssue({ code: 'custom', path: ['minimum'], message: 'volunteering:lead.errors.minimum' })
    }
  })

export type GroupForm = z.output<typeof groupForm>
/** A schedule as the form gives it: the anchor (`from`) may still be open. */
export type ScheduleDraft = NonNullable<GroupForm['schedule']>

/** The form's flat fields (`name.de`, `schedule.start`) as the schema's shape. */
function shaped(values: Record<string, string>) {
  const schedule: Record<string, string> = {}
  for (const key of ['frequency', 'weekday', 'week', 'start', 'end', 'from', 'except']) {
    const value = values[`schedule.${key}`]
    if (value !== undefined) schedule[key] = value
  }
  return { ...values, name: localizedFrom(values, 'name'), description: localizedFrom(values, 'description'), schedule }
}

export function parseGroup(values: Record<string, string>): Outcome<GroupForm> {
  const input = shaped(values)
  const invalid = fieldErrors(groupForm, input)
  if (invalid) return invalid
  return { ok: true, value: groupForm.parse(input) }
}

/**
 * The stored schedule: without an anchor, the one kept from before (same frequency and
 * weekday: a fortnightly group keeps its weeks), else today. Weekly and fortnightly
 * anchors move to the first meeting weekday on or after the given day.
 */
export function completeSchedule(draft: ScheduleDraft | null, previous: Schedule | null, today: string): Schedule | null {
  if (!draft) return null
  const keep = previous && previous.frequency === draft.frequency && previous.weekday === draft.weekday
  let from = draft.from ?? (keep ? previous.from : today)
  if (draft.frequency !== 'monthly') from = addDays(from, (weekdays.indexOf(draft.weekday) - weekdayIndex(from) + 7) % 7)
  return { frequency: draft.frequency, weekday: draft.weekday, ...(draft.week === undefined ? {} : { week: draft.week }), start: draft.start, end: draft.end, from, except: draft.except }
}
