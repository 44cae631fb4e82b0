import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isLocale, localeNames, locales, type Locale } from '../i18n'
import { ChoiceField, SelectField, TextField, type Option } from './editor-fields'
import type { Reply } from './form-field'

export type OrganisationValues = {
  kind: string
  name: string
  district: string | null
  address: string | null
  contact: { email?: string; phone?: string; website?: string }
  hiddenContact: string[]
  languages: string[]
  hours: Array<{ weekday: string; from: string; to: string }>
  openingHours: Record<string, string>
  description: Record<string, string>
  sourceLocale: string | null
}

export type OrganisationFormOptions = { kinds: Option[]; districts: Option[]; languages: Option[]; weekdays: Option[]; hourRows: number }

/** The profile of an organisation: the same fields to register one and to keep it current. */
export function OrganisationForm({ values, options, reply, submit }: { values?: OrganisationValues; options: OrganisationFormOptions; reply: Reply; submit: string }) {
  const { t } = useTranslation(['editor', 'common'])
  const chosen = reply?.values.sourceLocale ?? values?.sourceLocale ?? undefined
  const source: Locale = isLocale(chosen ?? undefined) ? (chosen as Locale) : 'de'
  const hasText = (locale: string) => Boolean(reply ? reply.values[`description.${locale}`] : values?.description[locale])
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="save" />
      <TextField name="name" label={t('organisation.name')} reply={reply} value={values?.name} required />
      <SelectField name="kind" label={t('organisation.kind')} reply={reply} value={values?.kind} options={options.kinds} empty={t('organisation.chooseKind')} />
      <SelectField name="district" label={t('organisation.district')} reply={reply} value={values?.district ?? ''} options={options.districts} empty={t('posting.wholeCity')} />
      <TextField name="address" label={t('organisation.address')} reply={reply} value={values?.address ?? ''} />
      <fieldset className="stack">
        <legend>{t('organisation.contact')}</legend>
        <TextField name="contact.email" type="email" label={t('common:contact.email')} reply={reply} value={values?.contact.email} />
        <TextField name="contact.phone" type="tel" label={t('common:contact.phone')} reply={reply} value={values?.contact.phone} />
        <TextField name="contact.website" type="url" label={t('common:contact.website')} reply={reply} value={values?.contact.website} />
        <ChoiceField
          name="hiddenContact"
          label={t('organisation.hiddenContact')}
          reply={reply}
          value={values?.hiddenContact ?? []}
          options={['email', 'phone', 'website'].map((c) => ({ value: c, label: t(`common:contact.${c}`) }))}
          multiple
        />
      </fieldset>
      <ChoiceField name="languages" label={t('organisation.languages')} reply={reply} value={values?.languages ?? []} options={options.languages} multiple />
      <fieldset className="stack">
        <legend>{t('organisation.hours')}</legend>
        <p className="hint">{t('organisation.hoursHint')}</p>
        {Array.from({ length: options.hourRows }, (_, i) => (
          <div key={i} className="hour-row">
            <SelectField name={`hours.${i}.weekday`} label={t('organisation.weekday', { n: i + 1 })} reply={reply} value={values?.hours[i]?.weekday ?? ''} options={options.weekdays} empty="–" />
            <TextField name={`hours.${i}.from`} type="time" label={t('organisation.from')} reply={reply} value={values?.hours[i]?.from ?? ''} />
            <TextField name={`hours.${i}.to`} type="time" label={t('organisation.to')} reply={reply} value={values?.hours[i]?.to ?? ''} />
          </div>
        ))}
      </fieldset>
      <SelectField name="sourceLocale" label={t('organisation.sourceLocale')} reply={reply} value={source} options={locales.map((l) => ({ value: l, label: localeNames[l] }))} />
      {[source, ...locales.filter((l) => l !== source)].map((locale) => {
        const fields = (
          <>
            <TextField name={`description.${locale}`} label={t('organisation.description', { language: localeNames[locale] })} reply={reply} value={values?.description[locale]} textarea />
            <TextField name={`openingHours.${locale}`} label={t('organisation.hoursNote', { language: localeNames[locale] })} reply={reply} value={values?.openingHours[locale]} />
          </>
        )
        if (locale === source) return <div key={locale} className="stack">{fields}</div>
        const invalid = Boolean(reply?.errors[`description.${locale}`] ?? reply?.errors[`openingHours.${locale}`])
        return (
          <details key={locale} className="translation" open={invalid || undefined}>
            <summary>
              {localeNames[locale]} · <span className="badge">{t(`posting.translation.${hasText(locale) ? 'written' : 'missing'}`)}</span>
            </summary>
            <div className="stack">{fields}</div>
          </details>
        )
      })}
      <p className="hint">{t('organisation.removeTranslation')}</p>
      <button type="submit">{submit}</button>
    </Form>
  )
}
