import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, Outlet, useParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LocaleSwitcher } from '../components/locale-switcher'
import { isLocale } from '../i18n'

/** Every page lives under a locale prefix; an unknown prefix is a 404 offering the locales. */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response('Not found', { status: 404 })
  return null
}

export default function LocaleLayout() {
  const { t } = useTranslation()
  const lng = useParams().lng
  if (!isLocale(lng)) return null
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <Link to={`/${lng}`} className="site-name">
          {t('site.name')}
        </Link>
        <nav aria-label={t('locale.label')}>
          <LocaleSwitcher current={lng} />
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  )
}
