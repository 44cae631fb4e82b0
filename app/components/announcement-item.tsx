import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AnnouncementView } from '../lib/announcements.server'
import { TextField } from './editor-fields'
import type { Reply } from './form-field'
import { LinkedText } from './linked-text'
import { SourceNote } from './localized'

/** Whether a translation or the original is shown, in the reader's words. */
export function AnnouncementNote({ announcement }: { announcement: Pick<AnnouncementView, 'state' | 'lang' | 'language'> }) {
  const { t } = useTranslation('volunteering')
  if (announcement.state === 'translated') return <p className="source-note">{t('people.announcement.translated', { language: announcement.language })}</p>
  if (announcement.state === 'untranslated') return <SourceNote lang={announcement.lang} />
  return null
}

/**
 * One announcement: subject and text in the reader's language where a translation
 * exists; for those who may manage it, how many have read it and a form for translations.
 */
export function AnnouncementItem({ announcement, reply, level = 'h3' }: { announcement: AnnouncementView; reply: Reply; level?: 'h2' | 'h3' }) {
  const { t } = useTranslation('volunteering')
  const Heading = level
  const headingId = `announcement-${announcement.id}-subject`
  return (
    <article className="announcement" id={`announcement-${announcement.id}`} aria-labelledby={headingId}>
      <Heading id={headingId} lang={announcement.lang} dir="auto">
        {announcement.subject}
      </Heading>
      <p className="meta">
        <span>{t('people.announcement.sentAt', { date: announcement.sentAt })}</span>
        {announcement.groups.length > 0 ? (
          <span>
            {t('people.announcement.to')} <bdi>{announcement.groups.join(' · ')}</bdi>
          </span>
        ) : (
          <span>{t('people.announcement.toList')}</span>
        )}
      </p>
      <AnnouncementNote announcement={announcement} />
      <div className="message-body" lang={announcement.lang} dir="auto">
        <LinkedText text={announcement.body} />
      </div>
      {announcement.reads ? <p className="count">{t('people.announcement.reads', announcement.reads)}</p> : null}
      {announcement.translations ? <TranslateForm announcement={announcement} reply={reply} /> : null}
    </article>
  )
}

/** Adds or replaces translations of a sent announcement, one section per locale. */
function TranslateForm({ announcement, reply }: { announcement: AnnouncementView; reply: Reply }) {
  const { t } = useTranslation('volunteering')
  const own = reply && !reply.done && reply.values.intent === 'translate' && reply.values.announcement === String(announcement.id) ? reply : undefined
  const suffix = `a${announcement.id}`
  return (
    <details className="translation" open={own ? true : undefined}>
      <summary>{t('people.form.translate')}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="translate" />
        <input type="hidden" name="announcement" value={announcement.id} />
        <p className="hint">{t('people.form.translateHint', { language: announcement.language })}</p>
        {announcement.translations!.locales.map((l) => (
          <fieldset key={l.locale} className="stack">
            <legend>
              {l.name} · <span className="badge">{t(l.subject ? 'people.form.written' : 'people.form.missing')}</span>
            </legend>
            <TextField name={`subject.${l.locale}`} idSuffix={suffix} label={t('people.form.subject', { language: l.name })} reply={own} value={l.subject} />
            <TextField name={`body.${l.locale}`} idSuffix={suffix} label={t('people.form.body', { language: l.name })} reply={own} value={l.body} textarea />
          </fieldset>
        ))}
        <button type="submit">{t('people.form.saveTranslations')}</button>
      </Form>
    </details>
  )
}
