import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { UnverifiedBadge } from '../components/unverified-badge'
import { z } from 'zod'
import { listVisibleOrganisations } from '../../db/queries/organisations'
import { organisationKinds } from '../../db/schema'
import { FilterSelect } from '../components/filter-select'
import { Localized } from '../components/localized'
import { Pagination } from '../components/pagination'
import { formatList, languageName } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { labels, pageParam, perPage, queryParams, site } from '../lib/site.server'
import { excerpt, pickText } from '../lib/text'
import { locales } from '../i18n'
import { IgnoredNotice } from '../components/ignored-notice'

const filters = z.object({
  kind: z.enum(organisationKinds).optional(),
  district: z.string().max(100).optional(),
  language: z.string().max(35).optional(),
  page: pageParam,
})

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, db, t } = await site(params)
  const query = queryParams(request, filters)
  const names = labels(lng)
  if (query.district && !names.district.has(query.district)) Object.assign(query, { district: undefined, ignored: true })
  const { rows, total } = listVisibleOrganisations(db, query, { offset: (query.page - 1) * perPage, limit: perPage })
  return {
    lng,
    title: t('organisations:list.title'),
    query: { kind: query.kind ?? '', district: query.district ?? '', language: query.language ?? '' },
    ignored: query.ignored,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    total,
    organisations: rows.map((row) => {
      const description = pickText(row.description, lng, 'de')
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        verified: row.verified,
        district: row.districtId ? (names.district.get(row.districtId) ?? null) : null,
        languages: row.languages.map((tag) => languageName(tag, lng)),
        description: description ? { ...description, text: excerpt(description.text) } : null,
      }
    }),
    options: {
      kinds: [...organisationKinds],
      districts: names.districts,
      // Languages a reader can pick: the UI locales and the languages organisations speak.
      languages: [...new Set([...locales, 'ps', 'prs', 'ku', 'ti', 'so', 'fr'])].map((tag) => ({
        tag,
        name: languageName(tag, lng),
      })),
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function Organisations() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['organisations', 'common'])
  const base = `/${data.lng}/organisations`
  const filtered = Boolean(data.query.kind || data.query.district || data.query.language)
  return (
    <>
      <h1>{data.title}</h1>
      <IgnoredNotice show={data.ignored} />
      <p className="lead">{t('list.intro')}</p>
      <Form method="get" action={base} className="filters">
        <FilterSelect
          name="kind"
          label={t('common:filters.orgKind')}
          all={t('common:filters.allKinds')}
          value={data.query.kind}
          options={data.options.kinds.map((kind) => ({ value: kind, label: t(`common:orgKind.${kind}`) }))}
        />
        <FilterSelect
          name="district"
          label={t('common:filters.district')}
          all={t('common:filters.allDistricts')}
          value={data.query.district}
          options={data.options.districts.map((district) => ({ value: district.id, label: district.name }))}
        />
        <FilterSelect
          name="language"
          label={t('common:filters.spokenLanguage')}
          all={t('common:filters.allLanguages')}
          value={data.query.language}
          options={data.options.languages.map((language) => ({ value: language.tag, label: language.name }))}
        />
        <div className="actions">
          <button type="submit">{t('common:filters.apply')}</button>
          {filtered ? <Link to={base}>{t('common:filters.reset')}</Link> : null}
        </div>
      </Form>
      <p className="result-count" role="status">
        {t('list.count', { count: data.total, formatted: new Intl.NumberFormat(i18n.language).format(data.total) })}
      </p>
      {data.organisations.length === 0 ? <p className="empty">{t('list.empty')}</p> : null}
      <ul className="cards">
        {data.organisations.map((org) => (
          <li key={org.id}>
            <article className="card">
              <p className="badge">{t(`common:orgKind.${org.kind}`)}</p>
              <h2 className="card-title">
                <Link to={`${base}/${org.id}`}>{org.name}</Link>
              </h2>
              {org.verified ? <p className="verified">{t('common:verified')}</p> : <UnverifiedBadge />}
              <Localized value={org.description} as="p" className="excerpt" note={false} />
              <p className="meta">
                {org.district ? <span>{org.district}</span> : null}
                {org.languages.length > 0 ? <span>{t('list.speaks', { languages: formatList(org.languages, i18n.language) })}</span> : null}
              </p>
            </article>
          </li>
        ))}
      </ul>
      <Pagination page={data.page} pages={data.pages} />
    </>
  )
}
