import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listGroups } from '../../db/queries/groups'
import { GroupCard } from '../components/group-card'
import { groupView } from '../lib/groups.server'
import { pageMeta } from '../lib/meta'
import { labels, site } from '../lib/site.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, db, today, t } = await site(params)
  const names = labels(lng)
  const groups = listGroups(db).map((group) => groupView(group, lng, names, today))
  return {
    lng,
    title: t('groups:list.title'),
    arbeitskreise: groups.filter((group) => group.kind === 'arbeitskreis'),
    cafes: groups.filter((group) => group.kind === 'begegnungscafe'),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function Groups() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('groups')
  return (
    <>
      <h1>{data.title}</h1>
      <p className="lead">{t('list.intro')}</p>
      <section aria-labelledby="cafes-heading">
        <h2 id="cafes-heading">{t('list.cafes')}</h2>
        <ul className="cards">
          {data.cafes.map((group) => (
            <li key={group.id}>
              <GroupCard group={group} lng={data.lng} level={3} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="arbeitskreise-heading">
        <h2 id="arbeitskreise-heading">{t('list.arbeitskreise')}</h2>
        <ul className="cards">
          {data.arbeitskreise.map((group) => (
            <li key={group.id}>
              <GroupCard group={group} lng={data.lng} level={3} />
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
