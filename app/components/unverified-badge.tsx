import { useTranslation } from 'react-i18next'

/**
 * "Not yet verified": an organisation the coordinators have not checked yet. Small beside
 * a name; `long` says what it means, for the organisation's own page.
 */
export function UnverifiedBadge({ long = false }: { long?: boolean }) {
  const { t } = useTranslation('moderation')
  return <span className="badge unverified">{t(long ? 'unverifiedLong' : 'unverified')}</span>
}
