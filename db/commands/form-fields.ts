import { z } from 'zod'
import { locales } from '../../locales'
import { controlCharacter } from '../control-characters'
import { isIsoDate } from '../dates'
import { limits } from '../exchange/format'

/**
 * The pieces that editors' forms share, in the import format's vocabulary (`title.de`,
 * `audiences`, `validFrom`), with errors as `editor:errors.…` keys. Values come as the
 * strings a form posts; a list is comma-separated (the form layer joins checkboxes).
 */
export const text = (max: number) =>
  z
    .string({ error: 'editor:errors.required' })
    .trim()
    .max(max, { error: 'editor:errors.tooLong' })
    .refine((value) => !controlCharacter.test(value), { error: 'editor:errors.controlCharacter' })

export const requiredText = (max: number) => text(max).pipe(z.string().min(1, { error: 'editor:errors.required' }))

/** Empty means absent. */
export const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => (value ? value : undefined))

/** `YYYY-MM-DD` as a date input posts it, or `TT.MM.JJJJ` as people type it where the browser shows a text field. */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value?.replace(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`))
  .refine((value) => !value || isIsoDate(value), { error: 'editor:errors.date' })
  .transform((value) => (value ? value : null))

export const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((value) => [...new Set((value ?? '').split(',').map((item) => item.trim()).filter(Boolean))] as Array<T[number]>)
    .refine((list) => list.length <= limits.listItems && list.every((item) => values.includes(item)), { error: 'editor:errors.invalid' })

/** Language tags: the UI locales and the languages of help that are common here. */
export const helpLanguages = [...locales, 'ps', 'ku', 'ckb', 'ti', 'so', 'fr', 'sq', 'prs'] as const

/** `{ de: "…", ar: "…" }` from the form's `title.de`, `title.ar`, … (empty fields are absent). */
export function localizedFrom(values: Record<string, unknown>, field: string): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const locale of locales) {
    const value = values[`${field}.${locale}`]
    if (typeof value === 'string' && value.trim() !== '') result[locale] = value
  }
  return result
}

/** A localized text object whose values each pass `value`; errors land on `field.locale`. */
export const localizedSchema = (max: number) => z.partialRecord(z.enum(locales), requiredText(max))
