import { useTranslation } from 'react-i18next'
import type { VolunteerOptions } from '../lib/volunteers.server'

type Lines = { languages: string; skills: string; districts: string; availability: string[] }

/** `tue-morning` as "Tuesday morning" in the reader's language. */
export function useSlotLabel(options: Pick<VolunteerOptions, 'weekdays'>) {
  const { t } = useTranslation('volunteering')
  const weekday = new Map<string, string>(options.weekdays.map((d) => [d.value, d.label]))
  return (value: string) => {
    const [day, part] = value.split('-')
    return t(`people.slots.${part}`, { day: weekday.get(day) ?? day })
  }
}

/** What a volunteer said about themselves: languages, skills, districts, times. */
export function VolunteerDetails({ lines, options }: { lines: Lines; options: Pick<VolunteerOptions, 'weekdays'> }) {
  const { t } = useTranslation('volunteering')
  const slot = useSlotLabel(options)
  return (
    <dl className="details">
      <dt>{t('people.find.languages')}</dt>
      <dd>{lines.languages || '–'}</dd>
      <dt>{t('people.find.skills')}</dt>
      <dd>{lines.skills || '–'}</dd>
      <dt>{t('people.find.districts')}</dt>
      <dd>{lines.districts || '–'}</dd>
      <dt>{t('people.find.times')}</dt>
      <dd>{lines.availability.length > 0 ? lines.availability.map(slot).join(' · ') : '–'}</dd>
    </dl>
  )
}
