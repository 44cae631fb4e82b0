import { useTranslation } from 'react-i18next'

/** Said when a link carried a filter value that is not valid (any more): it was left out. */
export function IgnoredNotice({ show }: { show: boolean }) {
  const { t } = useTranslation('common')
  return show ? (
    <p className="notice" role="status">
      {t('ignoredFilters')}
    </p>
  ) : null
}
