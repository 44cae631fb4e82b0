import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from './editor-fields'
import type { Reply } from './form-field'
import { IsolatedText } from './isolated-text'

/** As in db/schema/volunteering.ts (the browser bundle holds nothing from db/). */
const attendanceValues = ['attended', 'excused', 'no_show'] as const

type Session = { date: string; label: string; start: string; end: string; extra: boolean; cancelled: boolean; reason: string | null; confirmed: number; waiting: number }
type Past = { date: string; label: string; people: Array<{ userId: string; name: string; attendance: string | null }> }

/** The reply of a rejected form, for the form that sent it (one of many on the page). */
export function replyFor(reply: Reply, intent: string, match: Record<string, string> = {}): Reply {
  if (!reply || reply.done || reply.values.intent !== intent) return undefined
  return Object.entries(match).every(([key, value]) => reply.values[key] === value) ? reply : undefined
}

/** The coming meetings: counts, cancelled ones marked with their reason, a cancel form each, and a form for an extra date. */
export function UpcomingSessions({ sessions, reply, closed }: { sessions: Session[]; reply: Reply; closed: boolean }) {
  const { t } = useTranslation('volunteering')
  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions">{t('lead.sessions.title')}</h2>
      {sessions.length === 0 ? (
        <p className="empty">{t('lead.sessions.none')}</p>
      ) : (
        <ul className="sessions">
          {sessions.map((s) => {
            const mine = replyFor(reply, 'cancelSession', { date: s.date })
            return (
              <li key={s.date}>
                <span>
                  <time dateTime={s.date}>{s.label}</time> · {s.start}–{s.end}
                  {s.extra ? <> · {t('lead.sessions.extra')}</> : null} · {t('lead.sessions.counts', { confirmed: s.confirmed, waiting: s.waiting })}
                </span>
                {s.cancelled ? (
                  <span>
                    <span className="badge">{t('lead.sessions.cancelled')}</span> {s.reason ? <span dir="auto">{s.reason}</span> : null}
                  </span>
                ) : (
                  <details className="translation" open={mine ? true : undefined}>
                    <summary>{t('lead.sessions.cancel')}</summary>
                    <Form method="post" className="stack" noValidate>
                      <input type="hidden" name="intent" value="cancelSession" />
                      <input type="hidden" name="date" value={s.date} />
                      <TextField name="reason" idSuffix={s.date} label={t('lead.sessions.reason')} hint={t('lead.sessions.reasonHint')} reply={mine} />
                      <button type="submit" className="danger">
                        {t('lead.sessions.cancelButton')}
                      </button>
                    </Form>
                  </details>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {closed ? null : (
        <>
          <h3 id="extra-date">{t('lead.sessions.extraTitle')}</h3>
          <Form method="post" className="stack narrow" aria-labelledby="extra-date" noValidate>
            <input type="hidden" name="intent" value="addExtraDate" />
            <TextField name="date" type="date" label={t('lead.sessions.date')} reply={replyFor(reply, 'addExtraDate')} />
            <div className="hour-row">
              <TextField name="start" type="time" label={t('lead.form.start')} reply={replyFor(reply, 'addExtraDate')} />
              <TextField name="end" type="time" label={t('lead.form.end')} reply={replyFor(reply, 'addExtraDate')} />
            </div>
            <button type="submit">{t('lead.sessions.addExtra')}</button>
          </Form>
        </>
      )}
    </section>
  )
}

/** Meetings that have begun: who was confirmed, and whether they came. */
export function Attendance({ past }: { past: Past[] }) {
  const { t } = useTranslation('volunteering')
  return (
    <section aria-labelledby="attendance">
      <h2 id="attendance">{t('lead.attendance.title')}</h2>
      <p>{t('lead.attendance.lead')}</p>
      {past.length === 0 ? <p className="empty">{t('lead.attendance.none')}</p> : null}
      {past.map((s) => (
        <section key={s.date} aria-labelledby={`past-${s.date}`}>
          <h3 id={`past-${s.date}`}>
            <time dateTime={s.date}>{s.label}</time>
          </h3>
          <ul className="sessions">
            {s.people.map((p) => {
              const id = `attendance-${s.date}-${p.userId}`
              return (
                <li key={p.userId}>
                  <Form method="post" className="hour-row">
                    <input type="hidden" name="intent" value="attendance" />
                    <input type="hidden" name="date" value={s.date} />
                    <input type="hidden" name="user" value={p.userId} />
                    <div className="field">
                      <label htmlFor={id}>
                        <IsolatedText t={t} i18nKey="lead.attendance.person" values={{ name: p.name }} />
                      </label>
                      <select id={id} name="attendance" defaultValue={p.attendance ?? ''}>
                        <option value="">{t('lead.attendance.unmarked')}</option>
                        {attendanceValues.map((value) => (
                          <option key={value} value={value}>
                            {t(`lead.attendance.${value}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit">{t('lead.attendance.save')}</button>
                  </Form>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </section>
  )
}
