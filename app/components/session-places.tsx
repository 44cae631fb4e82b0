import { useTranslation } from 'react-i18next'
import type { SessionView } from '../lib/groups.server'
import { formatNumber } from '../lib/format'

/** "Free places: 2 of 5", "All places are taken · 3 on the waiting list", or no limit. */
export function SessionPlaces({ session }: { session: Pick<SessionView, 'capacity' | 'free' | 'waiting'> }) {
  const { t, i18n } = useTranslation('volunteering')
  const lng = i18n.language
  const places =
    session.capacity === null
      ? t('sessions.places.unlimited')
      : session.free === 0
        ? t('sessions.places.full')
        : t('sessions.places.free', { free: formatNumber(session.free ?? 0, lng), capacity: formatNumber(session.capacity, lng) })
  return (
    <>
      {places}
      {session.waiting > 0 ? ` · ${t('sessions.places.waiting', { count: session.waiting, formatted: formatNumber(session.waiting, lng) })}` : null}
    </>
  )
}
