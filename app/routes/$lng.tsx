import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, NavLink, Outlet, useLocation, useParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LocaleSwitcher } from '../components/locale-switcher'
import { isLocale } from '../i18n'

/** Every page lives under a locale prefix; an unknown prefix is a 404 offering the locales. */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response('Not found', { status: 404 })
  return null
}

export default function LocaleLayout() {
  const { t } = useTranslation(['common', 'search'])
  const lng = useParams().lng
  const onSearchPage = useLocation().pathname === `/${lng}/search`
  if (!isLocale(lng)) return null
  const sections = [
    ['offers', t('nav.offers')],
    ['needs', t('nav.needs')],
    ['organisations', t('nav.organisations')],
    ['groups', t('nav.groups')],
  ] as const
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="site-header">
        <Link to={`/${lng}`} className="site-name">
          {t('site.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="main-nav">
            {sections.map(([path, label]) => (
              <li key={path}>
                <NavLink to={`/${lng}/${path}`}>{label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {onSearchPage ? null : (
          <Form method="get" action={`/${lng}/search`} role="search" className="header-search">
            <label htmlFor="header-q" className="visually-hidden">
              {t('search:box')}
            </label>
            <input id="header-q" type="search" name="q" placeholder={t('search:box')} enterKeyHint="search" dir="auto" />
            <button type="submit">{t('search:submit')}</button>
          </Form>
        )}
        <nav aria-label={t('locale.label')}>
          <LocaleSwitcher current={lng} />
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.privacy')}</p>
      </footer>
    </>
  )
}
