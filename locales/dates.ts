/**
 * Calendar dates in the reader's locale, shared by the site and the e-mails. Gregorian in
 * every locale; `fa-AF` month names for Afghan readers, Levantine Arabic months with Latin
 * digits (see app/lib/format.ts).
 */
const dateLocales: Partial<Record<string, string>> = {
  fa: 'fa-AF-u-ca-gregory',
  ar: 'ar-SY-u-ca-gregory-nu-latn',
}
export const calendar = (lng: string) => dateLocales[lng] ?? `${lng}-u-ca-gregory`

const formatters = new Map<string, unknown>()

/**
 * One Intl formatter per locale and options for the whole process: making one costs far
 * more than formatting with it, and a page formats hundreds of dates and names.
 */
export function memoFormatter<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined
  if (formatter === undefined) {
    formatter = make()
    formatters.set(key, formatter)
  }
  return formatter
}

export function formatDate(iso: string, lng: string): string {
  return memoFormatter(`date:${lng}`, () => new Intl.DateTimeFormat(calendar(lng), { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${iso}T12:00:00Z`))
}

