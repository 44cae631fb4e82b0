import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { isLocale, localeNames, locales, type Locale } from '../i18n'
import { ChoiceField, SelectField, TextField, type Option } from './editor-fields'
import type { Reply } from './form-field'

/**
 * A new announcement: written in one locale (open), translations in sections of their
 * own that can stay empty. `groups`: checkboxes for coordinators; `hidden`: what else the
 * post must carry (the group of a lead's page, the filters of a search).
 */
export function AnnounceForm({ reply, lng, groups, checked = [], hidden = {}, labelledBy }: { reply: Reply; lng: Locale; groups?: Option[]; checked?: string[]; hidden?: Record<string, string>; labelledBy: string }) {
  const { t } = useTranslation('volunteering')
  const own = reply && !reply.done && reply.values.intent === 'announce' ? reply : undefined
  const chosen = own?.values.sourceLocale
  const source: Locale = isLocale(chosen) ? chosen : lng
  return (
    // A new key after each sent announcement empties the fields, with JavaScript too.
    <Form key={reply?.done ? (reply.values.sent ?? 'sent') : 'new'} method="post" className="stack" noValidate aria-labelledby={labelledBy}>
      <input type="hidden" name="intent" value="announce" />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {groups ? <ChoiceField name="groups" label={t('people.form.groups')} reply={own} value={checked} options={groups} multiple /> : null}
      <SelectField name="sourceLocale" label={t('people.form.sourceLocale')} reply={own} value={source} options={locales.map((l) => ({ value: l, label: localeNames[l] }))} />
      {[source, ...locales.filter((l) => l !== source)].map((locale) => {
        const fields = (
          <>
            <TextField name={`subject.${locale}`} label={t('people.form.subject', { language: localeNames[locale] })} reply={own} />
            <TextField name={`body.${locale}`} label={t('people.form.body', { language: localeNames[locale] })} hint={locale === source ? t('people.form.bodyHint') : undefined} reply={own} textarea />
          </>
        )
        if (locale === source) return <div key={locale} className="stack">{fields}</div>
        const invalid = Boolean(own?.errors[`subject.${locale}`] ?? own?.errors[`body.${locale}`])
        const written = Boolean(own?.values[`subject.${locale}`] || own?.values[`body.${locale}`])
        return (
          <details key={locale} className="translation" open={invalid || written || undefined}>
            <summary>{t('people.form.translation', { language: localeNames[locale] })}</summary>
            <div className="stack">{fields}</div>
          </details>
        )
      })}
      <button type="submit">{t('people.form.send')}</button>
    </Form>
  )
}
