import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { postingListLoader } from '../lib/posting-list.server'
import { FilterSelect } from './filter-select'
import { Pagination } from './pagination'
import { PostingCards } from './posting-card'
import { IgnoredNotice } from './ignored-notice'

type Data = Awaited<ReturnType<typeof postingListLoader>>

/** Offers or needs with their filters: a GET form, so the URL is the state and it works without JavaScript. */
export function PostingListPage({ data }: { data: Data }) {
  const { t, i18n } = useTranslation(['postings', 'common'])
  const number = new Intl.NumberFormat(i18n.language)
  const base = `/${data.lng}/${data.type === 'offer' ? 'offers' : 'needs'}`
  const filtered = Boolean(data.query.category || data.query.district || data.query.audience)
  return (
    <>
      <h1>{data.title}</h1>
      <IgnoredNotice show={data.ignored} />
      <p className="lead">{t(data.type === 'offer' ? 'offers.intro' : 'needs.intro')}</p>
      <Form method="get" action={base} className="filters">
        <div className="field">
          <label htmlFor="filter-category">{t('common:filters.category')}</label>
          <select id="filter-category" name="category" defaultValue={data.query.category}>
            <option value="">{t('common:filters.allCategories')}</option>
            {data.options.categories.map((group) => (
              <optgroup key={group.id} label={group.label}>
                <option value={group.id}>{t('common:filters.allOf', { category: group.label })}</option>
                {group.children.map((child) => (
                  <option key={child.id} value={child.id}>
                    {child.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <FilterSelect
          name="district"
          label={t('common:filters.district')}
          all={t('common:filters.allDistricts')}
          value={data.query.district}
          options={data.options.districts.map((district) => ({ value: district.id, label: district.name }))}
        />
        <FilterSelect
          name="audience"
          label={t('common:filters.audience')}
          all={t('common:filters.everyone')}
          value={data.query.audience}
          options={data.options.audiences.map((audience) => ({ value: audience, label: t(`common:audience.${audience}`) }))}
        />
        <div className="actions">
          <button type="submit">{t('common:filters.apply')}</button>
          {filtered ? <Link to={base}>{t('common:filters.reset')}</Link> : null}
        </div>
      </Form>
      <p className="result-count" role="status">
        {t(data.type === 'offer' ? 'offers.count' : 'needs.count', {
          count: data.total,
          formatted: number.format(data.total),
        })}
      </p>
      {data.cards.length > 0 ? (
        <PostingCards cards={data.cards} lng={data.lng} />
      ) : (
        <p className="empty">{t(filtered ? 'list.emptyFiltered' : 'list.empty')}</p>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </>
  )
}
