import { useTranslation } from 'react-i18next'
import type { GroupView } from '../lib/groups.server'

/**
 * "Every Tuesday, 15:00–17:00" in the reader's language. Each frequency has one phrase per
 * weekday (`schedule.monthly_1.tue`), not a frame with the day's name put in: Ukrainian says
 * «щовівторка» and «у першу середу», Russian «по вторникам», Turkish «Her salı», and the
 * ordinal agrees with the day. `schedule.when` joins day and time with the language's comma.
 */
export function ScheduleText({ schedule }: { schedule: NonNullable<GroupView['schedule']> }) {
  const { t } = useTranslation('groups')
  const frequency =
    schedule.frequency === 'monthly' ? `monthly_${schedule.week === -1 ? 'last' : (schedule.week ?? 1)}` : schedule.frequency
  const day = t(`schedule.${frequency}.${schedule.day}`)
  return <>{t('schedule.when', { day, time: t('schedule.time', { start: schedule.start, end: schedule.end }) })}</>
}
