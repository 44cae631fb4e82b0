import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { boardFigures } from '../../db/figures'
import { listVisiblePostings } from '../../db/queries/postings'
import { postingCountsByCategory, postingCountsByDistrict } from '../../db/queries/taxonomy'
import { PostingCards } from '../components/posting-card'
import { pageMeta } from '../lib/meta'
import { labels, postingCard, site } from '../lib/site.server'
import { memoByContent } from '../../db/memo'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, db, today, t } = await site(params)
  const names = labels(lng)
  // What the home page counts and lists changes only with the content (and the date).
  const { counts, byDistrict, latest, figures } = memoByContent(db, `home:${today}`, () => ({
    counts: postingCountsByCategory(db, today),
    byDistrict: postingCountsByDistrict(db, today),
    latest: listVisiblePostings(db, today, { type: 'offer' }, { offset: 0, limit: 6 }),
    figures: boardFigures(db, today),
  }))
  return {
    lng,
    title: t('common:site.tagline'),
    description: t('home:intro'),
    figures,
    categories: names.categories
      .filter((c) => !c.parentId)
      .map((c) => ({ id: c.id, label: names.category.get(c.id) ?? c.id, count: counts.get(c.id) ?? 0 })),
    latest: latest.rows.map((row) => postingCard(row, lng, names)),
    districts: names.districts.map((d) => ({ ...d, count: byDistrict.get(d.id) ?? 0 })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title, data?.description)

export default function Home() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['home', 'common'])
  const number = new Intl.NumberFormat(i18n.language)
  const { lng } = data
  return (
    <>
      <h1>
        {t('common:site.name')} <span className="tagline">{data.title}</span>
      </h1>
      <p className="lead">{t('intro')}</p>
      <ul className="figures">
        <li>{t('figures.postings', { count: data.figures.postings, formatted: number.format(data.figures.postings) })}</li>
        <li>
          {t('figures.organisations', {
            count: data.figures.organisations,
            formatted: number.format(data.figures.organisations),
          })}
        </li>
        <li>{t('figures.groups', { count: data.figures.groups, formatted: number.format(data.figures.groups) })}</li>
      </ul>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('categories')}</h2>
        <ul className="category-grid">
          {data.categories.map((category) => (
            <li key={category.id}>
              <Link to={`/${lng}/categories/${category.id}`}>
                <span className="category-label">{category.label}</span>
                <span className="count">
                  {t('postingCount', { count: category.count, formatted: number.format(category.count) })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('latest')}</h2>
        <PostingCards cards={data.latest} lng={lng} level={3} />
        <p>
          <Link to={`/${lng}/offers`}>{t('allOffers')}</Link> · <Link to={`/${lng}/needs`}>{t('allNeeds')}</Link>
        </p>
      </section>
      <section aria-labelledby="districts-heading">
        <h2 id="districts-heading">{t('districts')}</h2>
        <ul className="chips">
          {data.districts.map((district) => (
            <li key={district.id}>
              <Link to={`/${lng}/districts/${district.id}`}>
                {district.name} <span className="count">({number.format(district.count)})</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="volunteer-heading">
        <h2 id="volunteer-heading">{t('volunteer.title')}</h2>
        <p>{t('volunteer.text')}</p>
        <p>
          <Link to={`/${lng}/groups`}>{t('volunteer.link')}</Link>
        </p>
      </section>
    </>
  )
}
