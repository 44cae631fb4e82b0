import { RemixBrowser } from '@remix-run/react'
import i18next, { type Resource } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { defaultLocale, isLocale, namespaces } from './i18n'

// Only the current locale's messages are fetched, each namespace its own small chunk.
const files = import.meta.glob<Resource[string][string]>('../locales/*/*.json', { import: 'default' })

async function hydrate() {
  const lang = document.documentElement.lang
  const lng = isLocale(lang) ? lang : defaultLocale
  const resources: Resource = { [lng]: {} }
  await Promise.all(
    namespaces.map(async (ns) => {
      const load = files[`../locales/${lng}/${ns}.json`]
      if (load) resources[lng][ns] = await load()
    }),
  )
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
  })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
