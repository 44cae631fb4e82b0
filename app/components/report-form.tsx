import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChoiceField, TextField } from './editor-fields'
import { FormMessages, type Reply } from './form-field'
import { IsolatedText } from './isolated-text'

/** From the loader: the page's item and the reasons a report may give (the schema's list). */
export type ReportPageData = { kind: 'posting' | 'organisation'; name: string; back: string; reasons: readonly string[] }

/** The report form of a posting or an organisation: a reason, an optional note, no account. */
export function ReportForm({ data, reply }: { data: ReportPageData; reply: Reply }) {
  const { t } = useTranslation(['moderation', 'account'])
  const back = (
    <p>
      <Link to={data.back}>{t(data.kind === 'posting' ? 'report.backPosting' : 'report.backOrganisation')}</Link>
    </p>
  )
  return (
    <section className="narrow">
      <h1>{t(data.kind === 'posting' ? 'report.titlePosting' : 'report.titleOrganisation')}</h1>
      <p>
        {data.kind === 'posting' ? (
          <IsolatedText t={t} i18nKey="report.leadPosting" values={{ name: data.name }} />
        ) : (
          <IsolatedText t={t} i18nKey="report.leadOrganisation" values={{ organisation: data.name }} />
        )}
      </p>
      <FormMessages reply={reply} />
      {reply?.done ? (
        back
      ) : (
        <>
          <Form method="post" className="stack" noValidate>
            <ChoiceField name="reason" label={t('report.reason')} reply={reply} options={data.reasons.map((reason) => ({ value: reason, label: t(`report.reasons.${reason}`) }))} />
            <TextField name="note" label={t('report.note')} hint={t('report.noteHint')} reply={reply} textarea />
            {/* Hidden from people, screen readers and the tab order; bots fill it in. */}
            <div className="visually-hidden" aria-hidden="true">
              <label htmlFor="field-homepage">{t('report.honeypot')}</label>
              <input id="field-homepage" name="homepage" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <button type="submit">{t('report.submit')}</button>
          </Form>
          {back}
        </>
      )}
    </section>
  )
}
