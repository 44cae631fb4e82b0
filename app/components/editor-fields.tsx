import { useTranslation } from 'react-i18next'
import type { Reply } from './form-field'

/**
 * Form controls for editors' forms beyond the single-line Field: each labelled, its error
 * (an i18n key) next to it, what was typed kept after a rejected post.
 */
type Common = { name: string; label: string; reply: Reply; hint?: string; /** Tells apart fields of the same name in several forms on one page. */ idSuffix?: string }

function useFieldState(name: string, reply: Reply, hint?: string, idSuffix?: string) {
  const { t } = useTranslation('editor')
  const error = reply?.errors[name]
  const id = `field-${name.replace(/\./g, '-')}${idSuffix ? `-${idSuffix}` : ''}`
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const message = error ? (
    <p id={`${id}-error`} className="field-error">
      {t(error)}
    </p>
  ) : null
  const hintText = hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null
  return { id, error, described, message, hintText }
}

/** The kept value after a rejected post, else the stored one. */
const kept = (reply: Reply, name: string, stored: string | undefined) => (reply ? (reply.values[name] ?? '') : (stored ?? ''))

export function TextField({ name, label, reply, hint, idSuffix, value, type = 'text', required = false, textarea = false }: Common & { value?: string; type?: 'text' | 'date' | 'time' | 'email' | 'tel' | 'url'; required?: boolean; textarea?: boolean }) {
  const { id, error, described, message, hintText } = useFieldState(name, reply, hint, idSuffix)
  const props = { id, name, required, defaultValue: kept(reply, name, value), 'aria-invalid': error ? true : undefined, 'aria-describedby': described, dir: type === 'text' ? 'auto' : undefined }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintText}
      {textarea ? <textarea rows={6} {...props} /> : <input type={type} {...props} />}
      {message}
    </div>
  )
}

export type Option = { value: string; label: string; children?: Option[] }

export function SelectField({ name, label, reply, hint, value, options, empty }: Common & { value?: string; options: Option[]; empty?: string }) {
  const { id, error, described, message, hintText } = useFieldState(name, reply, hint)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hintText}
      <select id={id} name={name} defaultValue={kept(reply, name, value)} aria-invalid={error ? true : undefined} aria-describedby={described}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((option) =>
          option.children && option.children.length > 0 ? (
            <optgroup key={option.value} label={option.label}>
              <option value={option.value}>{option.label}</option>
              {option.children.map((child) => (
                <option key={child.value} value={child.value}>
                  {child.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ),
        )}
      </select>
      {message}
    </div>
  )
}

/** Radio buttons (one of) or checkboxes (any of; posted as repeated fields). */
export function ChoiceField({ name, label, reply, hint, value, options, multiple = false }: Common & { value?: string | string[]; options: Option[]; multiple?: boolean }) {
  const { id, error, described, message, hintText } = useFieldState(name, reply, hint)
  const chosen = reply ? (reply.values[name] ?? '').split(',') : Array.isArray(value) ? value : [value ?? '']
  return (
    <fieldset className="choices" aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      {hintText}
      <ul>
        {options.map((option) => (
          <li key={option.value}>
            <label>
              <input type={multiple ? 'checkbox' : 'radio'} name={name} value={option.value} defaultChecked={chosen.includes(option.value)} id={`${id}-${option.value}`} />{' '}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {message}
    </fieldset>
  )
}
