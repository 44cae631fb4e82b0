import { useTranslation } from 'react-i18next'

/** When and where a session meets, as terms of the caller's `<dl class="details">`. */
export function SessionWhenWhere({ date, label, start, end, place }: { date: string; label: string; start: string; end: string; place: string | null }) {
  const { t } = useTranslation('groups')
  return (
    <>
      <dt>{t('detail.when')}</dt>
      <dd>
        <time dateTime={date}>{t('schedule.when', { day: label, time: t('schedule.time', { start, end }) })}</time>
      </dd>
      {place ? (
        <>
          <dt>{t('detail.where')}</dt>
          <dd dir="auto">{place}</dd>
        </>
      ) : null}
    </>
  )
}
