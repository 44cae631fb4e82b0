import { Link, useLocation } from '@remix-run/react'
import { localeNames, locales, switchLocalePath, type Locale } from '../i18n'

/**
 * Links to the same page in every locale, each named in its own language. A switch loads
 * the whole document, rendered by the server in the new language, so nothing of the old
 * language stays behind. The search page's script keeps the links in step with its URL.
 */
export function LocaleSwitcher({ current }: { current: Locale }) {
  const location = useLocation()
  return (
    <ul className="locale-switcher" data-swap="locales">
      {locales.map((lng) => (
        <li key={lng}>
          {lng === current ? (
            <span aria-current="page" lang={lng}>
              {localeNames[lng]}
            </span>
          ) : (
            <Link to={switchLocalePath(location.pathname, location.search, lng)} lang={lng} hrefLang={lng}>
              {localeNames[lng]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  )
}

/**
 * The header's compact form of the switcher: the current language, which opens to the
 * others. A `<details>` element, so it opens without JavaScript and takes one line on a phone.
 */
export function LocaleMenu({ current }: { current: Locale }) {
  return (
    <details className="locale-menu">
      <summary>
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18" className="locale-icon">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M3 12h18M12 3c2.6 2.6 3.9 5.6 3.9 9s-1.3 6.4-3.9 9c-2.6-2.6-3.9-5.6-3.9-9S9.4 5.6 12 3z" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        <span lang={current}>{localeNames[current]}</span>
      </summary>
      <LocaleSwitcher current={current} />
    </details>
  )
}
