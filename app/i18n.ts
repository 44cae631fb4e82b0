/**
 * The UI locales. Adding one is adding `locales/<tag>/` and one entry here;
 * German is the source language every other locale is translated from.
 */
export const locales = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'de'
export const namespaces = ['common', 'home', 'postings', 'organisations', 'groups', 'search'] as const

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '')
}

/** The locale named by a path's first segment, if it is one of ours. */
export function localeOfPath(pathname: string): Locale | undefined {
  const first = pathname.split('/')[1]
  return isLocale(first) ? first : undefined
}

/** Same page in another locale: replaces the prefix, keeps path, query and hash. */
export function switchLocalePath(pathname: string, search: string, to: Locale): string {
  const rest = localeOfPath(pathname) ? pathname.split('/').slice(2).join('/') : ''
  return `/${to}${rest ? `/${rest}` : ''}${search}`
}

/** Each locale's name in its own language, the way a reader recognises her language. */
export const localeNames: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  uk: 'Українська',
  ru: 'Русский',
  tr: 'Türkçe',
}
