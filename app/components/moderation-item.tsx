import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Picked } from '../lib/text'
import { TextField } from './editor-fields'
import type { Reply } from './form-field'
import { IsolatedText } from './isolated-text'

export type QueueEntry = {
  key: string
  subjectType: 'posting' | 'organisation'
  subjectId: string
  title: Picked
  excerpt: Picked | null
  organisation: { id: string; name: string; verified: boolean; suspended: boolean }
  state: string
  since: string
  reports: { count: number; reasons: Partial<Record<string, number>>; notes: string[] }
  pending: boolean
  unverified: boolean
  appeal: { decisionId: number; action: string; reason: string; text: string; at: string } | null
  intents: string[]
}

/** Decisions that take something off the board look like it. */
export const restricting = new Set(['hide', 'reject', 'suspend'])

/** One item of the queue: what waits, why, and a form to decide with a reason. */
export function ModerationItem({ item, index, lng, reply }: { item: QueueEntry; index: number; lng: string; reply: Reply }) {
  const { t } = useTranslation(['moderation', 'account'])
  const mine = reply && !reply.values.bulk && reply.values.item === item.key ? reply : undefined
  const problem = mine?.errors.intent ?? mine?.errors.item ?? mine?.errors.form
  const heading = `item-${index}`
  return (
    <li className="hit">
      <p className="meta">
        <span className="badge">{t(`queue.kind.${item.subjectType}`)}</span>
        <span>{t('queue.since', { date: item.since })}</span>
        {item.state !== 'visible' && item.state !== 'listed' ? <span>{t(`queue.state.${item.state}`)}</span> : null}
      </p>
      <h2 id={heading} lang={item.title.lang} dir="auto">
        {item.title.text}
      </h2>
      {item.subjectType === 'posting' ? (
        <p>
          <IsolatedText t={t} i18nKey="queue.of" values={{ organisation: item.organisation.name }} />
          {item.organisation.verified ? null : ` · ${t('unverified')}`}
        </p>
      ) : null}
      {item.excerpt ? (
        <p className="excerpt" lang={item.excerpt.lang} dir="auto">
          {item.excerpt.text}
        </p>
      ) : null}
      {item.pending ? <p>{t('queue.pending')}</p> : null}
      {item.unverified ? <p>{t('queue.unverified')}</p> : null}
      {item.reports.count > 0 ? (
        <>
          <h3>{t('queue.reports', { count: item.reports.count })}</h3>
          <ul>
            {Object.entries(item.reports.reasons).map(([reason, n]) => (
              <li key={reason}>
                {t(`report.reasons.${reason}`)} ({n})
              </li>
            ))}
          </ul>
          {item.reports.notes.length > 0 ? (
            <>
              <h4>{t('queue.notes')}</h4>
              <ul>
                {item.reports.notes.map((note, i) => (
                  <li key={i} dir="auto">
                    {note}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {item.appeal ? (
        <>
          <h3>{t('queue.appeal')}</h3>
          <dl className="details">
            <dt>{t('queue.earlier')}</dt>
            <dd>{t(`actions.${item.appeal.action}`)}</dd>
            <dt>{t('decision.reason')}</dt>
            <dd dir="auto">{item.appeal.reason}</dd>
            <dt>{t('queue.answer', { date: item.appeal.at })}</dt>
            <dd dir="auto">{item.appeal.text}</dd>
          </dl>
        </>
      ) : null}
      <p>
        <Link to={`/${lng}/moderation/audit?subject=${encodeURIComponent(item.key)}`}>{t('queue.history')}</Link>
      </p>
      <p>
        <label>
          <input type="checkbox" name="item" value={item.key} form="bulk" defaultChecked={Boolean(reply?.values.bulk && reply.values.item?.split(',').includes(item.key))} />{' '}
          <IsolatedText t={t} i18nKey="queue.select" values={{ name: item.title.text }} />
        </label>
      </p>
      <Form method="post" className="stack" aria-labelledby={heading}>
        <input type="hidden" name="item" value={item.key} />
        {problem ? <p className="form-error">{t(problem)}</p> : null}
        <TextField name="reason" idSuffix={String(index)} label={t('queue.reason')} hint={t('queue.reasonHint')} reply={mine} textarea />
        <div className="button-row">
          {item.intents.map((intent) => (
            <button key={intent} type="submit" name="intent" value={intent} className={restricting.has(intent) ? 'danger' : undefined}>
              {t(`intents.${intent}`)}
            </button>
          ))}
        </div>
      </Form>
    </li>
  )
}
