import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isLocale, localeNames, locales, type Locale } from '../i18n'
import { ChoiceField, SelectField, TextField, type Option } from './editor-fields'
import type { Reply } from './form-field'

export type PostingValues = {
  type: string
  category: string
  district: string | null
  audiences: string[]
  languages: string[]
  title: Record<string, string>
  body: Record<string, string>
  validFrom: string | null
  validUntil: string | null
  contactMode: string
  sourceLocale: string
  communityLocales: string[]
}

export type PostingFormOptions = {
  categories: Option[]
  districts: Option[]
  audiences: Option[]
  languages: Option[]
}

/**
 * Every field of an offer or need, in the import format's names. The text in the source
 * language is open; each other language is a section of its own that says whether it is
 * written, missing or a volunteer's translation.
 */
export function PostingForm({ values, options, reply, buttons }: { values?: PostingValues; options: PostingFormOptions; reply: Reply; buttons: Array<{ intent: string; label: string }> }) {
  const { t } = useTranslation(['editor', 'common'])
  const chosen = reply?.values.sourceLocale ?? values?.sourceLocale
  const source: Locale = isLocale(chosen) ? chosen : 'de'
  const hasText = (locale: string) => Boolean(reply ? reply.values[`title.${locale}`] : values?.title[locale])
  return (
    <Form method="post" className="stack" noValidate>
      <ChoiceField name="type" label={t('posting.type')} reply={reply} value={values?.type ?? 'offer'} options={[{ value: 'offer', label: t('posting.offer') }, { value: 'need', label: t('posting.need') }]} />
      <SelectField name="sourceLocale" label={t('posting.sourceLocale')} hint={t('posting.sourceLocaleHint')} reply={reply} value={source} options={locales.map((l) => ({ value: l, label: localeNames[l] }))} />
      <p className="notice">{t('posting.noClientData')}</p>
      {[source, ...locales.filter((l) => l !== source)].map((locale) => {
        const fields = (
          <>
            <TextField name={`title.${locale}`} label={t('posting.title', { language: localeNames[locale] })} reply={reply} value={values?.title[locale]} />
            <TextField name={`body.${locale}`} label={t('posting.body', { language: localeNames[locale] })} reply={reply} value={values?.body[locale]} textarea />
          </>
        )
        if (locale === source) return <div key={locale} className="stack">{fields}</div>
        const state = values?.communityLocales.includes(locale) ? 'community' : hasText(locale) ? 'written' : 'missing'
        const invalid = Boolean(reply?.errors[`title.${locale}`] ?? reply?.errors[`body.${locale}`])
        return (
          <details key={locale} className="translation" open={invalid || undefined}>
            <summary>
              {localeNames[locale]} · <span className="badge">{t(`posting.translation.${state}`)}</span>
            </summary>
            <div className="stack">{fields}</div>
          </details>
        )
      })}
      {reply?.errors.title ? <p className="field-error">{t(reply.errors.title)}</p> : null}
      <SelectField name="category" label={t('posting.category')} reply={reply} value={values?.category} options={options.categories} empty={t('posting.chooseCategory')} />
      <SelectField name="district" label={t('posting.district')} reply={reply} value={values?.district ?? ''} options={options.districts} empty={t('posting.wholeCity')} />
      <ChoiceField name="audiences" label={t('posting.audiences')} hint={t('posting.audiencesHint')} reply={reply} value={values?.audiences ?? []} options={options.audiences} multiple />
      <ChoiceField name="languages" label={t('posting.languages')} reply={reply} value={values?.languages ?? []} options={options.languages} multiple />
      <TextField name="validFrom" type="date" label={t('posting.validFrom')} reply={reply} value={values?.validFrom ?? ''} />
      <TextField name="validUntil" type="date" label={t('posting.validUntil')} hint={t('posting.validUntilHint')} reply={reply} value={values?.validUntil ?? ''} />
      <ChoiceField
        name="contactMode"
        label={t('posting.contactMode')}
        reply={reply}
        value={values?.contactMode ?? 'organisation'}
        options={[
          { value: 'organisation', label: t('posting.contactOrganisation') },
          { value: 'form', label: t('posting.contactForm') },
        ]}
      />
      <div className="button-row">
        {buttons.map((button) => (
          <button key={button.intent} type="submit" name="intent" value={button.intent}>
            {button.label}
          </button>
        ))}
      </div>
    </Form>
  )
}
