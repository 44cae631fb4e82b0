import { useTranslation } from 'react-i18next'
import type { GroupView } from '../lib/groups.server'

/** "Every Tuesday, 15:00–17:00" in the reader's language. */
export function ScheduleText({ schedule }: { schedule: NonNullable<GroupView['schedule']> }) {
  const { t } = useTranslation('groups')
  const key =
    schedule.frequency === 'monthly'
      ? `schedule.monthly_${schedule.week === -1 ? 'last' : schedule.week}`
      : `schedule.${schedule.frequency}`
  return (
    <>
      {t(key, { weekday: schedule.weekday })}, {t('schedule.time', { start: schedule.start, end: schedule.end })}
    </>
  )
}
