import { isLocale, type Locale } from '../locales'

export { defaultLocale, isLocale, locales, type Locale } from '../locales'

export const namespaces = ['common', 'home', 'postings', 'organisations', 'groups', 'search', 'account', 'manage', 'legal', 'editor', 'conversations', 'moderation', 'taxonomy', 'volunteering'] as const

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
  fa: 'فارسی (دری)',
  uk: 'Українська',
  ru: 'Русский',
  tr: 'Türkçe',
}
