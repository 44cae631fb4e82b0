import { Form } from '@remix-run/react'
import { checkLaws } from '../lib/format'
import { useTranslation } from 'react-i18next'
import type { CheckView } from '../lib/checks.server'
import { ChoiceField, TextField } from './editor-fields'
import type { Reply } from './form-field'

/** What a check shows today, in one sentence. */
export function CheckState({ check }: { check: CheckView }) {
  const { t } = useTranslation('volunteering')
  return (
    <p className={check.state === 'valid' ? undefined : 'notice'}>
      {t(`checks.state.${check.state}`, { date: check.validUntilShown })}
    </p>
  )
}

/** The three facts and the briefing date, recorded by a coordinator; nothing else. */
export function CheckForm({ check, reply }: { check: CheckView | null; reply: Reply }) {
  const { t } = useTranslation('volunteering')
  return (
    <>
      {check ? <CheckState check={check} /> : <p>{t('checks.none')}</p>}
      <Form method="post" className="stack" noValidate aria-labelledby="check">
        <input type="hidden" name="intent" value="record" />
        <ChoiceField name="seen" label={t('checks.form.certificate')} reply={reply} value={check ? 'on' : ''} options={[{ value: 'on', label: t('checks.form.seen') }]} multiple />
        <TextField name="certificateDate" type="date" label={t('checks.form.certificateDate')} hint={t('checks.form.certificateDateHint')} reply={reply} value={check?.certificateDate} required />
        <ChoiceField
          name="conviction"
          label={t('checks.form.conviction', checkLaws)}
          reply={reply}
          value={check ? (check.conviction ? 'yes' : 'no') : ''}
          options={[
            { value: 'no', label: t('checks.form.convictionNo') },
            { value: 'yes', label: t('checks.form.convictionYes') },
          ]}
        />
        <TextField name="briefingDate" type="date" label={t('checks.form.briefingDate')} hint={t('checks.form.briefingDateHint')} reply={reply} value={check?.briefingDate} />
        <div className="actions">
          <button type="submit">{t('checks.form.save')}</button>
        </div>
      </Form>
    </>
  )
}

/** The person's own record, as stored: what was recorded and until when it counts. */
export function OwnCheck({ check }: { check: CheckView }) {
  const { t } = useTranslation('volunteering')
  return (
    <section aria-labelledby="own-check">
      <h2 id="own-check">{t('checks.ownTitle')}</h2>
      <CheckState check={check} />
      <dl className="details">
        <dt>{t('checks.form.certificateDate')}</dt>
        <dd>{check.certificateShown}</dd>
        <dt>{t('checks.form.conviction', checkLaws)}</dt>
        <dd>{t(check.conviction ? 'checks.form.convictionYes' : 'checks.form.convictionNo')}</dd>
        <dt>{t('checks.form.briefingDate')}</dt>
        <dd>{check.briefingShown ?? '–'}</dd>
      </dl>
      <p>{t('checks.ownLead')}</p>
    </section>
  )
}
