/**
 * The UI locales, read by every layer (the site, search, e-mail). Adding one is adding
 * `locales/<tag>/` and one entry here; German is the source language.
 */
export const locales = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'de'

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '')
}

/** Locales written right to left. */
export const rtlLocales: readonly Locale[] = ['ar', 'fa']
