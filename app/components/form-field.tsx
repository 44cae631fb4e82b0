import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export type Reply = { errors: Record<string, string>; values: Record<string, string>; done?: string } | undefined

type FieldProps = {
  name: string
  label: string
  reply: Reply
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  defaultValue?: string
  hint?: string
  required?: boolean
}

/** A labelled input with its error next to it, in the reader's language; keeps what was typed. */
export function Field({ name, label, reply, type = 'text', autoComplete, defaultValue, hint, required = true }: FieldProps) {
  const { t } = useTranslation('account')
  const error = reply?.errors[name]
  const id = `field-${name}`
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        dir={type === 'text' ? 'auto' : undefined}
        defaultValue={type === 'password' ? undefined : (reply?.values[name] ?? defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}

/** The errors that belong to no single field, and what a form did, announced to screen readers. */
export function FormMessages({ reply, children }: { reply: Reply; children?: ReactNode }) {
  const { t } = useTranslation('account')
  const general = reply?.errors.form ?? reply?.errors.token
  return (
    <div role="status" aria-live="polite">
      {general ? <p className="form-error">{t(general)}</p> : null}
      {reply?.done ? <p className="form-done">{t(reply.done)}</p> : null}
      {children}
    </div>
  )
}
