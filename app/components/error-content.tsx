import { isRouteErrorResponse, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../i18n'
import { LocaleSwitcher } from './locale-switcher'

export type ErrorKey = 'notFound' | 'badRequest' | 'serverError'

export function errorKey(error: unknown): ErrorKey {
  const status = isRouteErrorResponse(error) ? error.status : 500
  return status === 404 ? 'notFound' : status < 500 ? 'badRequest' : 'serverError'
}

/** What went wrong, in the reader's language, and the ways on: home, or another language. */
export function ErrorContent({ error, lng }: { error: unknown; lng: Locale }) {
  const { t } = useTranslation()
  const key = errorKey(error)
  if (key === 'serverError') console.error(error)
  return (
    <>
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.text`)}</p>
      <p>
        <Link to={`/${lng}`}>{t('errors.backHome')}</Link>
      </p>
      <nav aria-label={t('locale.label')}>
        <LocaleSwitcher current={lng} />
      </nav>
    </>
  )
}
