import type { ElementType, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Picked } from '../lib/text'
import { intlLanguageName } from '../lib/format'

/**
 * User-written text in the language it exists in: `lang` tells screen readers and fonts,
 * `dir="auto"` lets Arabic inside a German page (and German inside an Arabic one) run
 * the right way. A text not in the reader's language says so, in the reader's language.
 */
export function Localized({
  value,
  as: Tag = 'span',
  className,
  note = true,
  children,
}: {
  value: Picked | null
  as?: ElementType
  className?: string
  note?: boolean
  children?: (text: string) => ReactNode
}) {
  if (!value) return null
  return (
    <>
      <Tag lang={value.lang} dir="auto" className={className}>
        {children ? children(value.text) : value.text}
      </Tag>
      {note && value.fallback ? <SourceNote lang={value.lang} /> : null}
    </>
  )
}

export function SourceNote({ lang }: { lang: string }) {
  const { t, i18n } = useTranslation()
  const name = intlLanguageName(lang, i18n.language)
  return <p className="source-note">{t('text.onlyIn', { language: name })}</p>
}

/** Paragraphs from line breaks, for bodies and descriptions. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}|\r\n\r\n/)
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </>
  )
}
