import { Link, useLocation } from '@remix-run/react'
import { localeNames, locales, switchLocalePath, type Locale } from '../i18n'

/**
 * Links to the same page in every locale, each named in its own language. A switch loads
 * the whole document: the server renders every string in the new language and the client
 * starts with that language's messages, so nothing of the old language stays behind.
 */
export function LocaleSwitcher({ current }: { current: Locale }) {
  const location = useLocation()
  return (
    <ul className="locale-switcher">
      {locales.map((lng) => (
        <li key={lng}>
          {lng === current ? (
            <span aria-current="page" lang={lng}>
              {localeNames[lng]}
            </span>
          ) : (
            <Link reloadDocument to={switchLocalePath(location.pathname, location.search, lng)} lang={lng} hrefLang={lng}>
              {localeNames[lng]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  )
}
