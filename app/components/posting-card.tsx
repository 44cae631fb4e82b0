import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { PostingCard as Card } from '../lib/site.server'
import { Localized } from './localized'
import { UnverifiedBadge } from './unverified-badge'
import { intlLanguageName } from '../lib/format'

export function PostingCard({ card, lng, level = 2 }: { card: Card; lng: string; level?: 2 | 3 }) {
  const { t } = useTranslation()
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <article className={`card posting-card posting-${card.type}`}>
      <p className="badge">{t(`postingType.${card.type}`)}</p>
      <Heading className="card-title">
        <Link to={`/${lng}/postings/${card.id}`}>
          <Localized value={card.title} note={false} />
        </Link>
      </Heading>
      {card.title.fallback ? (
        <p className="source-note">{t('text.onlyIn', { language: intlLanguageName(card.title.lang, lng) })}</p>
      ) : null}
      <Localized value={card.excerpt} as="p" className="excerpt" note={false} />
      <p className="meta">
        <span dir="auto">{card.organisation.name}</span>
        {card.organisation.verified ? null : <UnverifiedBadge />}
        <span>{card.category.label}</span>
        {card.district ? <span>{card.district.name}</span> : null}
      </p>
    </article>
  )
}

export function PostingCards({ cards, lng, level = 2 }: { cards: Card[]; lng: string; level?: 2 | 3 }) {
  return (
    <ul className="cards">
      {cards.map((card) => (
        <li key={card.id}>
          <PostingCard card={card} lng={lng} level={level} />
        </li>
      ))}
    </ul>
  )
}
