/**
 * Dates, times, lists and language names by Intl, in the reader's locale. Gregorian
 * calendar in every locale (appointments in Germany are Gregorian; fa would default to the
 * Persian one), Europe/Berlin wall-clock times. Run on the server so the HTML is final.
 *
 * Most Farsi readers here are Afghans: `fa-AF` names the months as they do (جنوری،
 * فبروری، …). Arabic uses the Levantine month names Syrians and Iraqis read (كانون الثاني،
 * آذار، تموز، آب) with Latin digits, as on German papers and letters.
 */
import { calendar, formatDate, memoFormatter } from '../../locales/dates'

export { formatDate }

/** A moment (ISO timestamp) as Berlin wall-clock date and time. */
export function formatDateTime(iso: string, lng: string): string {
  return memoFormatter(`dateTime:${lng}`, () => new Intl.DateTimeFormat(calendar(lng), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' })).format(new Date(iso))
}

export function formatMeetingDay(iso: string, lng: string): string {
  const format = memoFormatter(`meetingDay:${lng}`, () => new Intl.DateTimeFormat(calendar(lng), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
  return format.format(new Date(`${iso}T12:00:00Z`))
}

export function formatTime(hhmm: string, lng: string): string {
  return memoFormatter(`time:${lng}`, () => new Intl.DateTimeFormat(calendar(lng), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })).format(new Date(`2026-01-05T${hhmm}:00Z`))
}

const weekdayDates = { mon: '05', tue: '06', wed: '07', thu: '08', fri: '09', sat: '10', sun: '11' } as const

export function weekdayName(weekday: keyof typeof weekdayDates, lng: string): string {
  return memoFormatter(`weekday:${lng}`, () => new Intl.DateTimeFormat(calendar(lng), { weekday: 'long', timeZone: 'UTC' })).format(new Date(`2026-01-${weekdayDates[weekday]}T12:00:00Z`))
}

export function formatNumber(value: number, lng: string): string {
  return memoFormatter(`number:${lng}`, () => new Intl.NumberFormat(lng)).format(value)
}

/**
 * "Deutsch, Englisch und Arabisch", "الألمانية والإنجليزية والعربية": a list in the reader's
 * language, with its own comma and "and" (or "or" for `disjunction`), never a hard-coded ", ".
 */
export function formatList(items: readonly string[], lng: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  try {
    return memoFormatter(`list:${lng}:${type}`, () => new Intl.ListFormat(lng, { style: 'long', type })).format(items)
  } catch {
    return items.join(', ')
  }
}

/** Farsi as Afghan readers name it on our pages: the fa locale serves Dari and Farsi readers. */
const ownNames: Partial<Record<string, Record<string, string>>> = { fa: { fa: 'فارسی (دری)' } }

/** "Arabisch" in German, "الألمانية" in Arabic; the tag itself when Intl does not know it. */
export function languageName(tag: string, lng: string): string {
  return ownNames[lng]?.[tag] ?? intlLanguageName(tag, lng)
}

/** The language's name as Intl gives it (source notes say "Persisch" as the browser would). */
export function intlLanguageName(tag: string, lng: string): string {
  try {
    return memoFormatter(`language:${lng}`, () => new Intl.DisplayNames([lng], { type: 'language', fallback: 'code' })).of(tag) ?? tag
  } catch {
    return tag
  }
}

/** Unicode isolates (FSI … PDI): a Latin value keeps its order inside right-to-left text, also where no `<bdi>` can go (labels, options). */
export const isolate = (text: string) => `\u2068${text}\u2069`

/** The laws the check before work with children rests on, cited as German law in every language. */
export const checkLaws = { sgb: isolate('§ 72a SGB VIII'), sgbConviction: isolate('§ 72a Abs. 1 SGB VIII'), asylg: isolate('§ 44 Abs. 3 AsylG') }
