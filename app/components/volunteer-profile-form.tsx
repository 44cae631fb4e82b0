import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { VolunteerOptions } from '../lib/volunteers.server'
import { ChoiceField } from './editor-fields'
import type { Reply } from './form-field'

type Values = { skills: string[]; districts: string[]; availability: string[]; reminders: string; mailFrequency: string }

/** Weekdays by part of day, one checkbox each (`tue-morning`), labelled for screen readers by day and part. */
export function AvailabilityGrid({ options, reply, value }: { options: VolunteerOptions; reply: Reply; value: string[] }) {
  const { t } = useTranslation(['volunteering', 'editor'])
  const chosen = reply ? (reply.values.availability ?? '').split(',') : value
  const error = reply?.errors.availability
  return (
    <fieldset className="choices" aria-describedby={`field-availability-hint${error ? ' field-availability-error' : ''}`} aria-invalid={error ? true : undefined}>
      <legend>{t('people.profile.availability')}</legend>
      <p id="field-availability-hint" className="hint">
        {t('people.profile.availabilityHint')}
      </p>
      <table className="availability">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('people.profile.weekday')}</span>
            </th>
            {options.parts.map((part) => (
              <th key={part} scope="col">
                {t(`people.parts.${part}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {options.weekdays.map((day) => (
            <tr key={day.value}>
              <th scope="row">{day.label}</th>
              {options.parts.map((part) => {
                const slot = `${day.value}-${part}`
                return (
                  <td key={part}>
                    <label htmlFor={`field-availability-${slot}`} className="visually-hidden">
                      {t(`people.slots.${part}`, { day: day.label })}
                    </label>
                    <input type="checkbox" id={`field-availability-${slot}`} name="availability" value={slot} defaultChecked={chosen.includes(slot)} />
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p id="field-availability-error" className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  )
}

/** The volunteer's profile besides languages: all optional, seen only by coordinators and their groups' leads. */
export function VolunteerProfileForm({ values, options, reply }: { values: Values; options: VolunteerOptions; reply: Reply }) {
  const { t } = useTranslation('volunteering')
  const own = reply && !reply.done && reply.values.intent === 'profile' ? reply : undefined
  return (
    <>
      <h2 id="profile">{t('people.profile.title')}</h2>
      <p>{t('people.profile.lead')}</p>
      <Form method="post" className="stack" aria-labelledby="profile">
        <input type="hidden" name="intent" value="profile" />
        <ChoiceField name="skills" label={t('people.profile.skills')} reply={own} value={values.skills} options={options.skills} multiple />
        <ChoiceField name="districts" label={t('people.profile.districts')} reply={own} value={values.districts} options={options.districts} multiple />
        <AvailabilityGrid options={options} reply={own} value={values.availability} />
        <ChoiceField
          name="reminders"
          label={t('people.profile.reminders')}
          reply={own}
          value={values.reminders}
          options={[
            { value: 'on', label: t('people.profile.remindersOn') },
            { value: 'off', label: t('people.profile.remindersOff') },
          ]}
        />
        <ChoiceField
          name="mailFrequency"
          label={t('people.profile.mailFrequency')}
          reply={own}
          value={values.mailFrequency}
          options={(['each', 'daily', 'none'] as const).map((value) => ({ value, label: t(`people.profile.mail.${value}`) }))}
        />
        <button type="submit">{t('people.profile.save')}</button>
      </Form>
    </>
  )
}
