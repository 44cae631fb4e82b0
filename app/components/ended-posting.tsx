import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Picked } from '../lib/text'
import { Localized } from './localized'
import type { PostingCard as Card } from '../lib/site.server'
import { PostingCards } from './posting-card'

export type Ended = {
  ending: 'fulfilled' | 'withdrawn' | 'expired'
  type: 'offer' | 'need'
  title: Picked
  organisation: string
  category: { id: string; label: string }
  similar: Card[]
}

/** The page of a posting that has ended: what happened, and what is current instead. */
export function EndedPosting({ ended, lng }: { ended: Ended; lng: string }) {
  const { t } = useTranslation(['postings', 'common'])
  return (
    <article className="posting posting-ended">
      <p className="badge">{t(`common:postingType.${ended.type}`)}</p>
      <Localized value={ended.title} as="h1" />
      <p className="notice">{t(`ended.${ended.ending}`)}</p>
      <h2>{t('ended.similar', { category: ended.category.label })}</h2>
      {ended.similar.length > 0 ? (
        <PostingCards cards={ended.similar} lng={lng} level={3} />
      ) : (
        <p className="empty">{t('ended.noneSimilar')}</p>
      )}
      <p>
        <Link to={`/${lng}/categories/${ended.category.id}`}>{t('ended.allInCategory', { category: ended.category.label })}</Link>
      </p>
    </article>
  )
}
