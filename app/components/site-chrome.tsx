import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../i18n'
import { LocaleMenu } from './locale-switcher'

/** The header of every page, error pages included: the way to every section and to search. */
export function SiteHeader({ lng, signedIn }: { lng: Locale; signedIn: { name: string; moderation?: number | null } | null | undefined }) {
  const { t } = useTranslation(['common', 'search', 'account', 'moderation'])
  const onSearchPage = useLocation().pathname === `/${lng}/search`
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
        <nav aria-label={t('account:nav.label')} className="account-nav">
          {signedIn ? (
            <>
              {signedIn.moderation != null ? <Link to={`/${lng}/moderation`}>{t('moderation:nav', { n: signedIn.moderation })}</Link> : null}
              <Link to={`/${lng}/manage`}>{t('account:nav.manage')}</Link>
              <Form method="post" action={`/${lng}/logout`}>
                <button type="submit" className="link-button">
                  {t('account:nav.logout')}
                </button>
              </Form>
            </>
          ) : (
            <Link to={`/${lng}/login`}>{t('account:nav.login')}</Link>
          )}
        </nav>
        <nav aria-label={t('locale.label')} className="locale-nav">
          <LocaleMenu current={lng} />
        </nav>
      </header>
    </>
  )
}

export function SiteFooter({ lng }: { lng: Locale }) {
  const { t } = useTranslation(['common', 'legal'])
  return (
    <footer className="site-footer">
        <p>{t('footer.privacy')}</p>
        <nav aria-label={t('legal:footer.label')}>
          <ul className="link-list footer-links">
            <li>
              <Link to={`/${lng}/privacy`}>{t('legal:footer.privacy')}</Link>
            </li>
            <li>
              <Link to={`/${lng}/accessibility`}>{t('legal:footer.accessibility')}</Link>
            </li>
            <li>
              <Link to={`/${lng}/imprint`}>{t('legal:footer.imprint')}</Link>
            </li>
          </ul>
        </nav>
    </footer>
  )
}
