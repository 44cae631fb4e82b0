import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getGroup } from '../../db/queries/groups'
import { Localized, Paragraphs } from '../components/localized'
import { ContactDetails } from '../components/contact-details'
import { ScheduleText } from '../components/schedule-text'
import { SessionPlaces } from '../components/session-places'
import { formatList, checkLaws } from '../lib/format'
import { groupDates, groupView } from '../lib/groups.server'
import { pageMeta } from '../lib/meta'
import { labels, notFound, site } from '../lib/site.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const group = getGroup(db, params.id ?? '')
  if (!group) notFound()
  return { lng, group: groupView(group, lng, labels(lng), today), ...groupDates(group, lng, today) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data?.group.name.text, data?.group.summary?.text)

export default function GroupPage() {
  const { lng, group, sessions, contact } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['groups', 'common', 'volunteering'])
  return (
    <article className="group">
      <p className="badge">{t(`common:groupKind.${group.kind}`)}</p>
      <Localized value={group.name} as="h1" />
      {group.closed ? <p className="notice">{t('detail.closed')}</p> : null}
      {group.description ? (
        <Localized value={group.description} as="div" className="prose">
          {(text) => <Paragraphs text={text} />}
        </Localized>
      ) : null}
      <dl className="details">
        {group.schedule ? (
          <>
            <dt>{t('detail.when')}</dt>
            <dd>
              <ScheduleText schedule={group.schedule} />
            </dd>
          </>
        ) : null}
        {group.place ? (
          <>
            <dt>{t('detail.where')}</dt>
            <dd dir="auto">{group.place}</dd>
          </>
        ) : null}
        {group.district ? (
          <>
            <dt>{t('detail.district')}</dt>
            <dd>
              <Link to={`/${lng}/districts/${group.district.id}`}>{group.district.name}</Link>
            </dd>
          </>
        ) : null}
        {group.languages.length > 0 ? (
          <>
            <dt>{t('detail.languages')}</dt>
            <dd>{formatList(group.languages, lng)}</dd>
          </>
        ) : null}
        <dt>{t('detail.participation')}</dt>
        <dd>
          {group.open ? t('detail.open') : t('detail.byApproval')}
          {group.capacity
            ? ` · ${t('detail.capacity', { count: group.capacity, formatted: new Intl.NumberFormat(i18n.language).format(group.capacity) })}`
            : null}
        </dd>
      </dl>
      {sessions.length > 0 ? (
        <section aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t('detail.nextDates')}</h2>
          <ul className="dates">
            {sessions.map((session) => (
              <li key={session.date}>
                <Link to={`/${lng}/groups/${group.id}/sessions/${session.date}`}>
                  <time dateTime={session.date}>{t('schedule.when', { day: session.label, time: t('schedule.time', { start: session.start, end: session.end }) })}</time>
                </Link>
                {session.cancelled ? (
                  <>
                    {' '}
                    <strong className="badge">{t('volunteering:sessions.cancelledBadge')}</strong>
                    {session.cancelReason ? (
                      <>
                        {' '}
                        <span dir="auto">{session.cancelReason}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <>
                    {' · '}
                    <SessionPlaces session={session} />
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/feeds/groups/${group.id}.ics?lng=${lng}`}>{t('volunteering:sessions.group.feed')}</a>
          </p>
        </section>
      ) : null}
      {group.closed ? null : (
        <section aria-labelledby="join-heading">
          <h2 id="join-heading">{t('volunteering:sessions.group.joinTitle')}</h2>
          <p>{group.open ? t('volunteering:sessions.group.joinOpen') : t('volunteering:sessions.group.joinApproval')}</p>
          {group.requiresCheck ? <p>{t('volunteering:checks.groupNote', checkLaws)}</p> : null}
          <p>
            <Link to={`/${lng}/groups/${group.id}/join`}>{t('volunteering:sessions.group.join')}</Link>
          </p>
        </section>
      )}
      {contact ? (
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('volunteering:sessions.group.contactTitle')}</h2>
          <p>{t('volunteering:sessions.group.contactLead')}</p>
          <ContactDetails contact={contact} address={null} />
        </section>
      ) : null}
    </article>
  )
}
