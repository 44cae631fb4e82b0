import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Previous/next links that keep every filter in the URL; plain links, no JavaScript needed. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  if (pages <= 1) return null
  const number = new Intl.NumberFormat(i18n.language)
  const href = (target: number) => {
    const params = new URLSearchParams(location.search)
    if (target === 1) params.delete('page')
    else params.set('page', String(target))
    const query = params.toString()
    return `${location.pathname}${query ? `?${query}` : ''}`
  }
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          <span aria-hidden="true" className="arrow-back" />
          {t('pagination.previous')}
        </Link>
      ) : null}
      <span>{t('pagination.pageOf', { page: number.format(page), pages: number.format(pages) })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t('pagination.next')}
          <span aria-hidden="true" className="arrow-forward" />
        </Link>
      ) : null}
    </nav>
  )
}
