import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { getVisibleOrganisation } from '../../db/queries/organisations'
import { listVisiblePostings } from '../../db/queries/postings'
import { ContactDetails } from '../components/contact-details'
import { IgnoredNotice } from '../components/ignored-notice'
import { Pagination } from '../components/pagination'
import { Localized, Paragraphs } from '../components/localized'
import { PostingCards } from '../components/posting-card'
import { UnverifiedBadge } from '../components/unverified-badge'
import { formatList, formatTime, languageName, weekdayName } from '../lib/format'
import { hoursByDay, isOpenNow } from '../lib/opening-hours'
import { pageMeta } from '../lib/meta'
import { labels, notFound, pageParam, perPage, postingCard, queryParams, site } from '../lib/site.server'
import { excerpt, pickText } from '../lib/text'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const { page, ignored } = queryParams(request, z.object({ page: pageParam }))
  const org = getVisibleOrganisation(db, params.id ?? '')
  if (!org) notFound()
  const names = labels(lng)
  const description = pickText(org.description, lng, 'de')
  const postings = listVisiblePostings(db, today, { organisation: org.id }, { offset: (page - 1) * perPage, limit: perPage })
  return {
    lng,
    ignored,
    page,
    pages: Math.max(1, Math.ceil(postings.total / perPage)),
    total: postings.total,
    id: org.id,
    name: org.name,
    kind: org.kind,
    verified: org.verified,
    description,
    summary: description ? excerpt(description.text, 160) : undefined,
    openingHours: pickText(org.openingHours, lng, org.sourceLocale ?? 'de'),
    hours: hoursByDay(org.hours).map((day) => ({ day: weekdayName(day.weekday, lng), times: day.times.map((time) => ({ from: formatTime(time.from, lng), to: formatTime(time.to, lng) })) })),
    openNow: isOpenNow(org.hours, new Date()),
    address: org.address,
    contact: org.contact,
    district: org.districtId ? { id: org.districtId, name: names.district.get(org.districtId) ?? org.districtId } : null,
    languages: org.languages.map((tag) => languageName(tag, lng)),
    postings: postings.rows.map((row) => postingCard(row, lng, names)),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.name, data?.summary)

export default function Organisation() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation(['organisations', 'common'])
  return (
    <article className="organisation">
      <p className="badge">{t(`common:orgKind.${data.kind}`)}</p>
      <h1 dir="auto">{data.name}</h1>
      {data.verified ? (
        <p className="verified">{t('common:verifiedLong')}</p>
      ) : (
        <p>
          <UnverifiedBadge long />
        </p>
      )}
      {data.description ? (
        <Localized value={data.description} as="div" className="prose">
          {(text) => <Paragraphs text={text} />}
        </Localized>
      ) : null}
      <dl className="details">
        {data.district ? (
          <>
            <dt>{t('profile.district')}</dt>
            <dd>
              <Link to={`/${data.lng}/districts/${data.district.id}`}>{data.district.name}</Link>
            </dd>
          </>
        ) : null}
        {data.languages.length > 0 ? (
          <>
            <dt>{t('profile.languages')}</dt>
            <dd>{formatList(data.languages, data.lng)}</dd>
          </>
        ) : null}
        {data.openingHours || data.hours.length > 0 ? (
          <>
            <dt>{t('profile.openingHours')}</dt>
            <dd>
              {data.openNow === null ? null : <p className={data.openNow ? 'open-now' : 'closed-now'}>{t(data.openNow ? 'profile.openNow' : 'profile.closedNow')}</p>}
              {data.hours.length > 0 ? (
                <ul className="hours">
                  {data.hours.map((day) => (
                    <li key={day.day}>
                      {day.day}: {formatList(day.times.map((time) => t('profile.time', { from: time.from, to: time.to })), data.lng)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {data.openingHours ? <Localized value={data.openingHours} /> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('profile.contact')}</h2>
        <ContactDetails contact={data.contact} address={data.address} />
      </section>
      <section aria-labelledby="postings-heading">
        <h2 id="postings-heading">{t('profile.postings', { count: data.total })}</h2>
        <IgnoredNotice show={data.ignored} />
        {data.postings.length > 0 ? (
          <PostingCards cards={data.postings} lng={data.lng} level={3} />
        ) : (
          <p className="empty">{t('profile.noPostings')}</p>
        )}
        <Pagination page={data.page} pages={data.pages} />
      </section>
      <p className="report-link">
        <Link to={`/${data.lng}/organisations/${data.id}/report`}>{t('moderation:report.linkOrganisation')}</Link>
      </p>
    </article>
  )
}
