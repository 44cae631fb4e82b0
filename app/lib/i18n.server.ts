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
  if (!fixed.has(lng)) fixed.set(lng, createI18n(lng).then(rememberingPlainKeys))
  return fixed.get(lng)!
}

/** What `getFixedT` (and so `useTranslation`) adds to every call: which language, namespace and key prefix. */
const fixedOptions = new Set(['lng', 'lngs', 'ns', 'keyPrefix'])

/**
 * Keeps each translation asked without values (no count, no interpolation), which is most
 * of a page's: every page asks the same few hundred keys, and the messages are bundled,
 * so a key's text never changes while the process runs. Calls with values go to i18next.
 */
function rememberingPlainKeys(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as (key: unknown, options?: Record<string, unknown>) => unknown
  const known = new Map<string, unknown>()
  const t = (key: unknown, options?: Record<string, unknown>) => {
    if (typeof key !== 'string') return translate(key, options)
    for (const name in options) if (!fixedOptions.has(name) && options[name] !== undefined) return translate(key, options)
    const id = `${String(options?.lng)}\u0000${String(options?.ns)}\u0000${String(options?.keyPrefix)}\u0000${key}`
    let text = known.get(id)
    if (text === undefined) known.set(id, (text = translate(key, options)))
    return text
  }
  return Object.assign(instance, { t: t as I18n['t'] })
}

/** A translation function for loaders and `meta` (page titles). */
export async function serverT(lng: Locale) {
  return (await i18nFor(lng)).t
}
