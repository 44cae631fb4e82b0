/**
 * Dates, times and language names by Intl, in the reader's locale. Gregorian calendar in
 * every locale (appointments in Germany are Gregorian; fa would default to the Persian
 * one), Europe/Berlin wall-clock times. Run on the server so the HTML is final.
 */
const calendar = (lng: string) => `${lng}-u-ca-gregory`

export function formatDate(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(calendar(lng), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`))
}

/** A moment (ISO timestamp) as Berlin wall-clock date and time. */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(calendar(lng), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso))
}

export function formatMeetingDay(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(calendar(lng), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`))
}

export function formatTime(hhmm: string, lng: string): string {
  return new Intl.DateTimeFormat(calendar(lng), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(`2026-01-05T${hhmm}:00Z`),
  )
}

const weekdayDates = { mon: '05', tue: '06', wed: '07', thu: '08', fri: '09', sat: '10', sun: '11' } as const

export function weekdayName(weekday: keyof typeof weekdayDates, lng: string): string {
  return new Intl.DateTimeFormat(calendar(lng), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`2026-01-${weekdayDates[weekday]}T12:00:00Z`),
  )
}

export function formatNumber(value: number, lng: string): string {
  return new Intl.NumberFormat(lng).format(value)
}

/** "Arabisch" in German, "الألمانية" in Arabic; the tag itself when Intl does not know it. */
export function languageName(tag: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'language', fallback: 'code' }).of(tag) ?? tag
  } catch {
    return tag
  }
}
