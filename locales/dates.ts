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

export function formatDate(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(calendar(lng), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`))
}

