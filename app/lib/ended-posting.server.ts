import { data } from '@remix-run/node'
import { getEndedPosting, listVisiblePostings } from '../../db/queries/postings'
import { categoryWithDescendants } from '../../db/queries/taxonomy'
import type { Db } from '../../db/client'
import type { Locale } from '../i18n'
import { labels, notFound, postingCard } from './site.server'
import { pickText } from './text'

/**
 * A shared link to a posting that has ended: say so, and show what is current in its
 * category. Withdrawn and expired postings answer 410 Gone (search engines drop them),
 * a fulfilled need 200; a posting that never was public stays a 404.
 */
export function endedPostingPage(db: Db, id: string, lng: Locale, today: string) {
  const posting = getEndedPosting(db, id, today)
  if (!posting) notFound()
  const names = labels(lng)
  const similar = listVisiblePostings(
    db,
    today,
    { type: posting.type, categories: categoryWithDescendants(names.categories, posting.categoryId) },
    { offset: 0, limit: 6 },
  )
  return data(
    {
      ended: {
        ending: posting.ending,
        type: posting.type,
        title: pickText(posting.title, lng, posting.sourceLocale)!,
        organisation: posting.organisationName,
        category: { id: posting.categoryId, label: names.category.get(posting.categoryId) ?? posting.categoryId },
        similar: similar.rows.map((row) => postingCard(row, lng, names)),
      },
    },
    { status: posting.ending === 'fulfilled' ? 200 : 410 },
  )
}
