import { Link, useLocation } from '@remix-run/react'
import { localeNames, locales, switchLocalePath, type Locale } from '../i18n'

/** Links to the same page in every locale, each named in its own language. */
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
            <Link to={switchLocalePath(location.pathname, location.search, lng)} lang={lng} hrefLang={lng}>
              {localeNames[lng]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  )
}
