import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getVisiblePosting } from '../../db/queries/postings'
import { ContactDetails } from '../components/contact-details'
import { EndedPosting } from '../components/ended-posting'
import { IsolatedText } from '../components/isolated-text'
import { Localized, Paragraphs } from '../components/localized'
import { UnverifiedBadge } from '../components/unverified-badge'
import { formatDate, formatList, languageName } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { endedPostingPage } from '../lib/ended-posting.server'
import { labels, site } from '../lib/site.server'
import { excerpt, pickText } from '../lib/text'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const posting = getVisiblePosting(db, params.id ?? '', today)
  if (!posting) return endedPostingPage(db, params.id ?? '', lng, today)
  const names = labels(lng)
  const title = pickText(posting.title, lng, posting.sourceLocale)!
  const body = pickText(posting.body, title.lang, posting.sourceLocale)
  const category = names.categories.find((c) => c.id === posting.categoryId)
  return {
    lng,
    ended: null,
    id: posting.id,
    type: posting.type,
    title,
    body,
    description: body ? excerpt(body.text, 160) : undefined,
    category: { id: posting.categoryId, label: names.category.get(posting.categoryId) ?? posting.categoryId },
    parentCategory: category?.parentId
      ? { id: category.parentId, label: names.category.get(category.parentId) ?? category.parentId }
      : null,
    district: posting.districtId
      ? { id: posting.districtId, name: names.district.get(posting.districtId) ?? posting.districtId }
      : null,
    audiences: posting.audiences,
    languages: posting.languages.map((tag) => ({ tag, name: languageName(tag, lng) })),
    validFrom: posting.validFrom ? formatDate(posting.validFrom, lng) : null,
    validUntil: posting.validUntil ? formatDate(posting.validUntil, lng) : null,
    contactMode: posting.contactMode,
    communityTranslation: posting.communityLocales.includes(title.lang),
    organisation: {
      id: posting.organisationId,
      name: posting.organisationName,
      verified: posting.organisation.verified,
      // Contact details only when the posting chose to show them.
      contact: posting.contactMode === 'organisation' ? posting.organisation.contact : {},
      address: posting.contactMode === 'organisation' ? posting.organisation.address : null,
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && 'ended' in data && data.ended ? pageMeta(data.ended.title.text) : pageMeta(data?.title?.text, data?.description)

export default function Posting() {
  const loaded = useLoaderData<typeof loader>()
  const { t } = useTranslation(['postings', 'common'])
  const lngParam = useParams().lng ?? 'de'
  if (loaded.ended) return <EndedPosting ended={loaded.ended} lng={lngParam} />
  const data = loaded
  const { lng } = data
  return (
    <article className="posting">
      <nav aria-label={t('common:nav.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/${lng}/${data.type === 'offer' ? 'offers' : 'needs'}`}>
              {t(data.type === 'offer' ? 'offers.title' : 'needs.title')}
            </Link>
          </li>
          {data.parentCategory ? (
            <li>
              <Link to={`/${lng}/categories/${data.parentCategory.id}`}>{data.parentCategory.label}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/${lng}/categories/${data.category.id}`}>{data.category.label}</Link>
          </li>
        </ol>
      </nav>
      <p className="badge">{t(`common:postingType.${data.type}`)}</p>
      <Localized value={data.title} as="h1" />
      {data.communityTranslation ? <p className="hint">{t('common:communityTranslation')}</p> : null}
      {data.body ? (
        <Localized value={data.body} as="div" className="prose" note={data.body.lang !== data.title.lang}>
          {(text) => <Paragraphs text={text} />}
        </Localized>
      ) : null}
      <dl className="details">
        <dt>{t('detail.organisation')}</dt>
        <dd>
          <Link to={`/${lng}/organisations/${data.organisation.id}`}>{data.organisation.name}</Link>
          {data.organisation.verified ? (
            <span className="verified"> {t('common:verified')}</span>
          ) : (
            <>
              {' '}
              <UnverifiedBadge />
            </>
          )}
        </dd>
        <dt>{t('detail.category')}</dt>
        <dd>
          <Link to={`/${lng}/categories/${data.category.id}`}>{data.category.label}</Link>
        </dd>
        {data.district ? (
          <>
            <dt>{t('detail.district')}</dt>
            <dd>
              <Link to={`/${lng}/districts/${data.district.id}`}>{data.district.name}</Link>
            </dd>
          </>
        ) : null}
        {data.languages.length > 0 ? (
          <>
            <dt>{t('detail.languages')}</dt>
            <dd>{formatList(data.languages.map((language) => language.name), lng)}</dd>
          </>
        ) : null}
        <dt>{t('detail.audiences')}</dt>
        <dd>
          {data.audiences.length > 0
            ? formatList(data.audiences.map((audience) => t(`common:audience.${audience}`)), lng)
            : t('detail.everyone')}
        </dd>
        {data.validFrom || data.validUntil ? (
          <>
            <dt>{t('detail.validity')}</dt>
            <dd>
              {data.validFrom && data.validUntil
                ? t('detail.validFromUntil', { from: data.validFrom, until: data.validUntil })
                : data.validUntil
                  ? t('detail.validUntil', { until: data.validUntil })
                  : t('detail.validFrom', { from: data.validFrom })}
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="contact-heading" className="contact">
        <h2 id="contact-heading">{t('detail.contactHeading')}</h2>
        {data.contactMode === 'organisation' ? (
          <ContactDetails contact={data.organisation.contact} address={data.organisation.address} />
        ) : (
          <p>
            <IsolatedText t={t} i18nKey="detail.contactViaOrganisation" values={{ organisation: data.organisation.name }} />{' '}
            <Link to={`/${lng}/organisations/${data.organisation.id}`}>{t('detail.toProfile')}</Link>
          </p>
        )}
        {/* Either way a visitor may write through the site, without an account and without seeing an address. */}
        <p>
          <Link to={`/${lng}/postings/${data.id}/respond`}>{t('conversations:respond.link')}</Link>
        </p>
      </section>
      <p className="report-link">
        <Link to={`/${lng}/postings/${data.id}/report`}>{t('moderation:report.linkPosting')}</Link>
      </p>
    </article>
  )
}
