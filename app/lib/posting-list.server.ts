import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { listVisiblePostings } from '../../db/queries/postings'
import { categoryWithDescendants } from '../../db/queries/taxonomy'
import { audiences, type PostingType } from '../../db/schema'
import { categoryOptions, labels, pageParam, perPage, postingCard, queryParams, site } from './site.server'

const filters = z.object({
  category: z.string().max(100).optional(),
  district: z.string().max(100).optional(),
  audience: z.enum(audiences).optional(),
  page: pageParam,
})

/** The offers and the needs pages: visible postings of one type, filtered by the URL. */
export async function postingListLoader({ params, request }: LoaderFunctionArgs, type: PostingType) {
  const { lng, db, today, t } = await site(params)
  const query = queryParams(request, filters)
  const names = labels(lng)
  // An id the taxonomy does not know (an old link) is dropped, with a notice.
  if (query.category && !names.category.has(query.category)) Object.assign(query, { category: undefined, ignored: true })
  if (query.district && !names.district.has(query.district)) Object.assign(query, { district: undefined, ignored: true })
  const { rows, total } = listVisiblePostings(
    db,
    today,
    {
      type,
      categories: query.category ? categoryWithDescendants(names.categories, query.category) : undefined,
      district: query.district,
      audience: query.audience,
    },
    { offset: (query.page - 1) * perPage, limit: perPage },
  )
  return {
    lng,
    type,
    title: t(type === 'offer' ? 'postings:offers.title' : 'postings:needs.title'),
    query: { category: query.category ?? '', district: query.district ?? '', audience: query.audience ?? '' },
    ignored: query.ignored,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    total,
    cards: rows.map((row) => postingCard(row, lng, names)),
    options: {
      categories: categoryOptions(names.categories, names.category),
      districts: names.districts,
      audiences: [...audiences],
    },
  }
}
