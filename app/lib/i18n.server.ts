import { createInstance, type i18n as I18n, type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { defaultLocale, localeOfPath, namespaces, type Locale } from '../i18n'
import { negotiateLocale } from './negotiate'

const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { eager: true, import: 'default' })

/** Every locale's messages, bundled into the server build: no file reads per request. */
export const resources: Resource = {}
for (const [file, messages] of Object.entries(files)) {
  const [, lng, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? []
  if (!lng || !ns) continue
  resources[lng] ??= {}
  resources[lng][ns] = messages
}

/** The page's locale: its path prefix, else (for `/` and unknown prefixes) the browser's preference. */
export function requestLocale(request: Request): Locale {
  return localeOfPath(new URL(request.url).pathname) ?? negotiateLocale(request.headers.get('accept-language'))
}

/** A new i18next instance in one locale. */
export async function createI18n(lng: Locale): Promise<I18n> {
  const instance = createInstance()
  await instance.use(initReactI18next).init({
    lng,
    fallbackLng: defaultLocale,
    supportedLngs: Object.keys(resources),
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}

const fixed = new Map<Locale, Promise<I18n>>()

/**
 * One instance per locale for the whole process: its language never changes, and rendering
 * only reads it, so concurrent requests share it without mixing (a new instance per request
 * cost a measurable share of every page).
 */
export function i18nFor(lng: Locale): Promise<I18n> {
  if (!fixed.has(lng)) fixed.set(lng, createI18n(lng))
  return fixed.get(lng)!
}

/** A translation function for loaders and `meta` (page titles). */
export async function serverT(lng: Locale) {
  return (await i18nFor(lng)).t
}
