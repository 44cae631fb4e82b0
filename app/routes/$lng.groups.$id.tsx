import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getGroup } from '../../db/queries/groups'
import { Localized, Paragraphs } from '../components/localized'
import { ScheduleText } from '../components/schedule-text'
import { formatList } from '../lib/format'
import { groupView } from '../lib/groups.server'
import { pageMeta } from '../lib/meta'
import { labels, notFound, site } from '../lib/site.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const group = getGroup(db, params.id ?? '')
  if (!group) notFound()
  return { lng, group: groupView(group, lng, labels(lng), today, 5) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data?.group.name.text, data?.group.summary?.text)

export default function GroupPage() {
  const { lng, group } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['groups', 'common'])
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
      {group.schedule && group.schedule.next.length > 0 ? (
        <section aria-labelledby="dates-heading">
          <h2 id="dates-heading">{t('detail.nextDates')}</h2>
          <ul className="dates">
            {group.schedule.next.map((day) => (
              <li key={day.iso}>
                <time dateTime={day.iso}>{day.label}</time>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
