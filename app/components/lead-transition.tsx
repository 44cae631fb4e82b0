import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChoiceField, TextField, type Option } from './editor-fields'
import type { Reply } from './form-field'
import { IsolatedText } from './isolated-text'
import { replyFor } from './lead-sessions'

type Status = {
  moved: Array<{ userId: string; name: string; successor: string }>
  declined: Array<{ userId: string; name: string }>
  open: Array<{ userId: string; name: string; email: string }>
}

/** A coordinator closes the group: successor groups and a message for every member. */
export function CloseGroup({ successors, reply }: { successors: Option[]; reply: Reply }) {
  const { t } = useTranslation('volunteering')
  const mine = replyFor(reply, 'close')
  return (
    <section aria-labelledby="transition">
      <h2 id="transition">{t('lead.transition.title')}</h2>
      <p>{t('lead.transition.lead')}</p>
      <Form method="post" className="stack" noValidate aria-labelledby="transition">
        <input type="hidden" name="intent" value="close" />
        <ChoiceField name="successors" label={t('lead.transition.successors')} reply={mine} value={[]} options={successors} multiple />
        <TextField name="message" label={t('lead.transition.message')} hint={t('lead.transition.messageHint')} reply={mine} textarea />
        <button type="submit" className="danger">
          {t('lead.transition.close')}
        </button>
      </Form>
    </section>
  )
}

/** After closing: who moved where, who left, who has not answered (and a reminder for them). */
export function TransitionStatus({ status }: { status: Status }) {
  const { t } = useTranslation('volunteering')
  return (
    <section aria-labelledby="transition">
      <h2 id="transition">{t('lead.transition.statusTitle')}</h2>
      <h3>{t('lead.transition.moved', { n: status.moved.length })}</h3>
      <ul>
        {status.moved.map((m) => (
          <li key={m.userId}>
            <IsolatedText t={t} i18nKey="lead.transition.movedTo" values={{ name: m.name, group: m.successor }} />
          </li>
        ))}
      </ul>
      <h3>{t('lead.transition.declined', { n: status.declined.length })}</h3>
      <ul>
        {status.declined.map((m) => (
          <li key={m.userId}>
            <bdi>{m.name}</bdi>
          </li>
        ))}
      </ul>
      <h3>{t('lead.transition.open', { n: status.open.length })}</h3>
      <ul>
        {status.open.map((m) => (
          <li key={m.userId}>
            <bdi>{m.name}</bdi> · <bdi>{m.email}</bdi>
          </li>
        ))}
      </ul>
      {status.open.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <button type="submit">{t('lead.transition.remind')}</button>
        </Form>
      ) : null}
    </section>
  )
}
