import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listGroups } from '../../db/queries/groups'
import { FilterSelect } from '../components/filter-select'
import { GroupCard } from '../components/group-card'
import { IgnoredNotice } from '../components/ignored-notice'
import { locales } from '../i18n'
import { languageName } from '../lib/format'
import { groupFilters, groupView, matchesFilters, timesOfDay, weekdayOptions } from '../lib/groups.server'
import { pageMeta } from '../lib/meta'
import { labels, queryParams, site } from '../lib/site.server'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, db, today, t } = await site(params)
  const query = queryParams(request, groupFilters)
  const names = labels(lng)
  if (query.district && !names.district.has(query.district)) Object.assign(query, { district: undefined, ignored: true })
  const groups = listGroups(db, { district: query.district })
    .filter((group) => matchesFilters(group, query))
    .map((group) => groupView(group, lng, names, today))
  return {
    lng,
    title: t('groups:list.title'),
    query: { weekday: query.weekday ?? '', time: query.time ?? '', district: query.district ?? '', language: query.language ?? '' },
    ignored: query.ignored,
    arbeitskreise: groups.filter((group) => group.kind === 'arbeitskreis'),
    cafes: groups.filter((group) => group.kind === 'begegnungscafe'),
    options: {
      weekdays: weekdayOptions(lng),
      times: [...timesOfDay],
      districts: names.districts,
      languages: [...new Set([...locales, 'ps', 'prs', 'ku', 'ti', 'so', 'fr'])].map((tag) => ({ value: tag, label: languageName(tag, lng) })),
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function Groups() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation(['groups', 'common', 'volunteering'])
  const base = `/${data.lng}/groups`
  const filtered = Object.values(data.query).some(Boolean)
  const sections = [
    { id: 'cafes', title: t('list.cafes'), groups: data.cafes },
    { id: 'arbeitskreise', title: t('list.arbeitskreise'), groups: data.arbeitskreise },
  ].filter((section) => !filtered || section.groups.length > 0)
  return (
    <>
      <h1>{data.title}</h1>
      <IgnoredNotice show={data.ignored} />
      <p className="lead">{t('list.intro')}</p>
      <Form method="get" action={base} className="filters">
        <FilterSelect name="weekday" label={t('volunteering:sessions.filters.weekday')} all={t('volunteering:sessions.filters.anyDay')} value={data.query.weekday} options={data.options.weekdays} />
        <FilterSelect
          name="time"
          label={t('volunteering:sessions.filters.time')}
          all={t('volunteering:sessions.filters.anyTime')}
          value={data.query.time}
          options={data.options.times.map((time) => ({ value: time, label: t(`volunteering:sessions.filters.${time}`) }))}
        />
        <FilterSelect
          name="district"
          label={t('common:filters.district')}
          all={t('common:filters.allDistricts')}
          value={data.query.district}
          options={data.options.districts.map((district) => ({ value: district.id, label: district.name }))}
        />
        <FilterSelect name="language" label={t('common:filters.spokenLanguage')} all={t('common:filters.allLanguages')} value={data.query.language} options={data.options.languages} />
        <div className="actions">
          <button type="submit">{t('common:filters.apply')}</button>
          {filtered ? <Link to={base}>{t('common:filters.reset')}</Link> : null}
        </div>
      </Form>
      {sections.length === 0 ? <p className="empty">{t('volunteering:sessions.filters.empty')}</p> : null}
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{section.title}</h2>
          <ul className="cards">
            {section.groups.map((group) => (
              <li key={group.id}>
                <GroupCard group={group} lng={data.lng} level={3} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
