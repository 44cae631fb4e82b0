import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { listGroups } from '../../db/queries/groups'
import { listVisibleOrganisations } from '../../db/queries/organisations'
import { listVisiblePostings } from '../../db/queries/postings'
import { GroupCard } from '../components/group-card'
import { Pagination } from '../components/pagination'
import { PostingCards } from '../components/posting-card'
import { groupView } from '../lib/groups.server'
import { pageMeta } from '../lib/meta'
import { labels, notFound, pageParam, perPage, postingCard, queryParams, site } from '../lib/site.server'
import { IgnoredNotice } from '../components/ignored-notice'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const { page, ignored } = queryParams(request, z.object({ page: pageParam }))
  const names = labels(lng)
  const id = params.id ?? ''
  const name = names.district.get(id)
  if (!name) notFound()
  const postings = listVisiblePostings(db, today, { district: id }, { offset: (page - 1) * perPage, limit: perPage })
  return {
    lng,
    ignored,
    id,
    name,
    total: postings.total,
    page,
    pages: Math.max(1, Math.ceil(postings.total / perPage)),
    cards: postings.rows.map((row) => postingCard(row, lng, names)),
    organisations: listVisibleOrganisations(db, { district: id }, { offset: 0, limit: 100 }).rows.map((org) => ({
      id: org.id,
      name: org.name,
    })),
    groups: listGroups(db, { district: id }).map((group) => groupView(group, lng, names, today)),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.name)

export default function DistrictPage() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['postings', 'common'])
  const number = new Intl.NumberFormat(i18n.language)
  return (
    <>
      <h1>{data.name}</h1>
      <IgnoredNotice show={data.ignored} />
      <section aria-labelledby="district-postings">
        <h2 id="district-postings">{t('district.count', { count: data.total, formatted: number.format(data.total) })}</h2>
        {data.cards.length > 0 ? <PostingCards cards={data.cards} lng={data.lng} level={3} /> : <p className="empty">{t('list.empty')}</p>}
        <Pagination page={data.page} pages={data.pages} />
      </section>
      {data.groups.length > 0 ? (
        <section aria-labelledby="district-groups">
          <h2 id="district-groups">{t('district.groups')}</h2>
          <ul className="cards">
            {data.groups.map((group) => (
              <li key={group.id}>
                <GroupCard group={group} lng={data.lng} level={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.organisations.length > 0 ? (
        <section aria-labelledby="district-organisations">
          <h2 id="district-organisations">{t('district.organisations')}</h2>
          <ul className="link-list">
            {data.organisations.map((org) => (
              <li key={org.id}>
                <Link to={`/${data.lng}/organisations/${org.id}`}>{org.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
