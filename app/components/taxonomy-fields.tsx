import { useTranslation } from 'react-i18next'
import { localeNames, locales } from '../i18n'
import type { Reply } from './form-field'

/**
 * Fields of the coordinators' taxonomy page, where many forms share field names
 * (`label.de` in every category's form): `form` makes each id unique on the page.
 */
type FieldProps = { form: string; name: string; label: string; reply: Reply; value?: string; lang?: string; multiline?: boolean }

const fieldId = (form: string, name: string) => `${form}-${name.replace(/\./g, '-')}`
/** What was typed after a rejected post of this form, else what is stored. */
const kept = (reply: Reply, name: string, stored = '') => (reply ? (reply.values[name] ?? '') : stored)

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation('taxonomy')
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {t(error)}
    </p>
  ) : null
}

export function TextField({ form, name, label, reply, value, lang, multiline = false }: FieldProps) {
  const id = fieldId(form, name)
  const error = reply?.errors[name]
  const props = { id, name, dir: 'auto', defaultValue: kept(reply, name, value), 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined }
  return (
    <div className="field">
      <label htmlFor={id}>
        <span lang={lang}>{label}</span>
      </label>
      {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      <ErrorText id={id} error={error} />
    </div>
  )
}

/** One field per UI locale (`label.de`, `label.ar`, …), each labelled with its language's own name. */
export function LocaleFields({ form, field, legend, hint, reply, values, multiline }: { form: string; field: string; legend: string; hint: string; reply: Reply; values?: Record<string, string>; multiline?: boolean }) {
  const hintId = fieldId(form, `${field}-hint`)
  return (
    <fieldset className="stack" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint}
      </p>
      {locales.map((lng) => (
        <TextField key={lng} form={form} name={`${field}.${lng}`} label={localeNames[lng]} lang={lng} reply={reply} value={values?.[lng]} multiline={multiline} />
      ))}
    </fieldset>
  )
}

export type CategoryOption = { id: string; label: string; children: { id: string; label: string }[] }

/** A category picker; a top-level category with sub-categories heads a group that holds it and them. */
export function CategorySelect({ form, name, label, reply, value, options, empty }: { form: string; name: string; label: string; reply: Reply; value?: string; options: CategoryOption[]; empty: string }) {
  const id = fieldId(form, name)
  const error = reply?.errors[name]
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={kept(reply, name, value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{empty}</option>
        {options.map((option) =>
          option.children.length > 0 ? (
            <optgroup key={option.id} label={option.label}>
              <option value={option.id}>{option.label}</option>
              {option.children.map((child) => (
                <option key={child.id} value={child.id}>
                  {child.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ),
        )}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  )
}
