import { Form } from '@remix-run/react'
import { checkLaws } from '../lib/format'
import { useTranslation } from 'react-i18next'
import { localeNames, locales } from '../i18n'
import { ChoiceField, SelectField, TextField, type Option } from './editor-fields'
import type { Reply } from './form-field'

export type GroupValues = {
  kind: string
  name: Record<string, string>
  description: Record<string, string>
  place: string
  district: string
  languages: string[]
  open: string
  requiresCheck: string
  capacity: string
  minimum: string
  schedule: Record<'frequency' | 'weekday' | 'week' | 'start' | 'end' | 'from' | 'except', string>
}

export type GroupFormOptions = { kinds: Option[]; districts: Option[]; languages: Option[]; frequencies: Option[]; weekdays: Option[]; weeks: Option[] }

/**
 * A working group or café: texts per locale (German required), where, who, how many, and
 * its recurring schedule in Berlin time. The same form creates and edits; editing adds the
 * reason told to people whose dates a new schedule drops.
 */
export function GroupForm({ values, options, reply, submit, editing = false }: { values?: GroupValues; options: GroupFormOptions; reply: Reply; submit: string; editing?: boolean }) {
  const { t } = useTranslation(['volunteering', 'editor'])
  const hasText = (locale: string) => Boolean(reply ? reply.values[`name.${locale}`] || reply.values[`description.${locale}`] : values?.name[locale] || values?.description[locale])
  const s = values?.schedule
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="save" />
      <TextField name="name.de" label={t('lead.form.name', { language: localeNames.de })} reply={reply} value={values?.name.de} required />
      <TextField name="description.de" label={t('lead.form.description', { language: localeNames.de })} reply={reply} value={values?.description.de} textarea />
      {locales
        .filter((l) => l !== 'de')
        .map((locale) => (
          <details key={locale} className="translation" open={Boolean(reply?.errors[`name.${locale}`] ?? reply?.errors[`description.${locale}`]) || undefined}>
            <summary>
              {localeNames[locale]} · <span className="badge">{t(`editor:posting.translation.${hasText(locale) ? 'written' : 'missing'}`)}</span>
            </summary>
            <div className="stack">
              <TextField name={`name.${locale}`} label={t('lead.form.name', { language: localeNames[locale] })} reply={reply} value={values?.name[locale]} />
              <TextField name={`description.${locale}`} label={t('lead.form.description', { language: localeNames[locale] })} reply={reply} value={values?.description[locale]} textarea />
            </div>
          </details>
        ))}
      <SelectField name="kind" label={t('lead.form.kind')} reply={reply} value={values?.kind} options={options.kinds} empty={t('lead.form.chooseKind')} />
      <TextField name="place" label={t('lead.form.place')} reply={reply} value={values?.place} />
      <SelectField name="district" label={t('lead.form.district')} reply={reply} value={values?.district ?? ''} options={options.districts} empty={t('lead.form.noDistrict')} />
      <ChoiceField name="languages" label={t('lead.form.languages')} reply={reply} value={values?.languages ?? []} options={options.languages} multiple />
      <ChoiceField
        name="open"
        label={t('lead.form.open')}
        reply={reply}
        value={values?.open ?? 'true'}
        options={[
          { value: 'true', label: t('lead.form.openYes') },
          { value: 'false', label: t('lead.form.openApproval') },
        ]}
      />
      <ChoiceField
        name="requiresCheck"
        label={t('lead.form.childProtection')}
        hint={t('lead.form.requiresCheckHint')}
        reply={reply}
        value={values?.requiresCheck ?? ''}
        options={[{ value: 'on', label: t('lead.form.requiresCheck', checkLaws) }]}
        multiple
      />
      <TextField name="capacity" label={t('lead.form.capacity')} hint={t('lead.form.capacityHint')} reply={reply} value={values?.capacity} />
      <TextField name="minimum" label={t('lead.form.minimum')} hint={t('lead.form.minimumHint')} reply={reply} value={values?.minimum} />
      <fieldset className="stack">
        <legend>{t('lead.form.schedule')}</legend>
        <p className="hint">{t('lead.form.scheduleHint')}</p>
        <SelectField name="schedule.frequency" label={t('lead.form.frequencyLabel')} reply={reply} value={s?.frequency ?? 'none'} options={options.frequencies} />
        <div className="hour-row">
          <SelectField name="schedule.weekday" label={t('lead.form.weekday')} reply={reply} value={s?.weekday ?? ''} options={options.weekdays} empty="–" />
          <SelectField name="schedule.week" label={t('lead.form.weekLabel')} hint={t('lead.form.weekHint')} reply={reply} value={s?.week ?? ''} options={options.weeks} empty="–" />
        </div>
        <div className="hour-row">
          <TextField name="schedule.start" type="time" label={t('lead.form.start')} reply={reply} value={s?.start} />
          <TextField name="schedule.end" type="time" label={t('lead.form.end')} reply={reply} value={s?.end} />
        </div>
        <TextField name="schedule.from" type="date" label={t('lead.form.from')} hint={t('lead.form.fromHint')} reply={reply} value={s?.from} />
        <TextField name="schedule.except" label={t('lead.form.except')} hint={t('lead.form.exceptHint')} reply={reply} value={s?.except} textarea />
      </fieldset>
      {editing ? <TextField name="reason" label={t('lead.form.reason')} hint={t('lead.form.reasonHint')} reply={reply} textarea /> : null}
      <button type="submit">{submit}</button>
    </Form>
  )
}
