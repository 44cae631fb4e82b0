import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { listVisiblePostings } from '../../db/queries/postings'
import { categoryWithDescendants, postingCountsByCategory } from '../../db/queries/taxonomy'
import { Pagination } from '../components/pagination'
import { PostingCards } from '../components/posting-card'
import { pageMeta } from '../lib/meta'
import { labels, notFound, pageParam, perPage, postingCard, queryParams, site } from '../lib/site.server'
import { IgnoredNotice } from '../components/ignored-notice'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const { page, ignored } = queryParams(request, z.object({ page: pageParam }))
  const names = labels(lng)
  const category = names.categories.find((c) => c.id === params.id)
  if (!category) notFound()
  const counts = postingCountsByCategory(db, today)
  const { rows, total } = listVisiblePostings(
    db,
    today,
    { categories: categoryWithDescendants(names.categories, category.id) },
    { offset: (page - 1) * perPage, limit: perPage },
  )
  const label = (id: string) => names.category.get(id) ?? id
  return {
    lng,
    ignored,
    id: category.id,
    label: label(category.id),
    parent: category.parentId ? { id: category.parentId, label: label(category.parentId) } : null,
    children: names.categories
      .filter((c) => c.parentId === category.id)
      .map((c) => ({ id: c.id, label: label(c.id), count: counts.get(c.id) ?? 0 })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    cards: rows.map((row) => postingCard(row, lng, names)),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.label)

export default function CategoryPage() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['postings', 'common'])
  const number = new Intl.NumberFormat(i18n.language)
  return (
    <>
      {data.parent ? (
        <nav aria-label={t('common:nav.breadcrumb')} className="breadcrumb">
          <ol>
            <li>
              <Link to={`/${data.lng}/categories/${data.parent.id}`}>{data.parent.label}</Link>
            </li>
          </ol>
        </nav>
      ) : null}
      <h1>{data.label}</h1>
      <IgnoredNotice show={data.ignored} />
      {data.children.length > 0 ? (
        <nav aria-label={t('category.subcategories')}>
          <ul className="chips">
            {data.children.map((child) => (
              <li key={child.id}>
                <Link to={`/${data.lng}/categories/${child.id}`}>
                  {child.label} <span className="count">({number.format(child.count)})</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="result-count">
        {t('category.count', { count: data.total, formatted: number.format(data.total) })}
      </p>
      {data.cards.length > 0 ? (
        <PostingCards cards={data.cards} lng={data.lng} />
      ) : (
        <p className="empty">{t('list.empty')}</p>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </>
  )
}
