import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../lib/format'
import type { volunteerSessions } from '../lib/sessions.server'
import type { Reply } from './form-field'
import { Localized } from './localized'

type Data = ReturnType<typeof volunteerSessions>

/** The volunteer page's groups, join requests, coming sessions and personal calendar feed. */
export function VolunteerSessions({ data, lng, reply }: { data: Data; lng: string; reply: Reply }) {
  const { t } = useTranslation(['volunteering', 'groups'])
  const feed = reply?.done && reply.values.intent === 'renewFeed' ? reply.values.feed : undefined
  return (
    <>
      <h2 id="my-sessions">{t('sessions.volunteer.sessionsTitle')}</h2>
      {data.sessions.length === 0 ? (
        <p className="empty">{t('sessions.volunteer.noSessions')}</p>
      ) : (
        <ul className="dates">
          {data.sessions.map((s) => (
            <li key={`${s.groupId}-${s.date}`}>
              <Link to={`/${lng}/groups/${s.groupId}/sessions/${s.date}`}>
                <time dateTime={s.date}>{t('groups:schedule.when', { day: s.label, time: t('groups:schedule.time', { start: s.start, end: s.end }) })}</time>
              </Link>
              {' · '}
              <Localized value={s.group} note={false} />
              {' · '}
              {s.cancelled ? (
                <strong>{t('sessions.cancelledBadge')}</strong>
              ) : s.state === 'waiting' ? (
                t('sessions.volunteer.waiting', { position: formatNumber(s.position ?? 0, lng) })
              ) : s.state === 'offered' ? (
                <strong>{t('sessions.volunteer.offered', { until: s.until })}</strong>
              ) : (
                t('sessions.volunteer.confirmed')
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 id="my-groups">{t('sessions.volunteer.groupsTitle')}</h2>
      {data.groups.length === 0 ? (
        <p className="empty">
          {t('sessions.volunteer.noGroups')} <Link to={`/${lng}/groups`}>{t('sessions.volunteer.findGroups')}</Link>
        </p>
      ) : (
        <ul>
          {data.groups.map((g) => (
            <li key={g.id}>
              <Link to={`/${lng}/groups/${g.id}`}>
                <Localized value={g.name} note={false} />
              </Link>
              {g.lead ? ` · ${t('sessions.volunteer.lead')}` : null}
              {g.closed ? ` · ${t('sessions.volunteer.closed')}` : null}
            </li>
          ))}
        </ul>
      )}
      {data.requests.length > 0 ? (
        <>
          <h2 id="my-requests">{t('sessions.volunteer.requestsTitle')}</h2>
          <ul>
            {data.requests.map((g) => (
              <li key={g.id}>
                <Link to={`/${lng}/groups/${g.id}/join`}>
                  <Localized value={g.name} note={false} />
                </Link>
                {` · ${t('sessions.volunteer.requestWaiting')}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="my-calendar">{t('sessions.volunteer.feedTitle')}</h2>
      <p>{t('sessions.volunteer.feedLead')}</p>
      {feed ? (
        <div className="notice field">
          {/* A field, not a long link: it wraps at 320 px and is easy to copy on a phone. */}
          <label htmlFor="feed-address">{t('sessions.volunteer.feedNew')}</label>
          <input id="feed-address" type="url" readOnly value={feed} dir="ltr" />
        </div>
      ) : (
        <p>{data.feedSince ? t('sessions.volunteer.feedSince', { date: data.feedSince }) : t('sessions.volunteer.feedNone')}</p>
      )}
      <Form method="post" aria-labelledby="my-calendar">
        <input type="hidden" name="intent" value="renewFeed" />
        <button type="submit">{data.feedSince ? t('sessions.volunteer.feedRenew') : t('sessions.volunteer.feedCreate')}</button>
      </Form>
    </>
  )
}
