import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '../components/pagination'
import { IgnoredNotice } from '../components/ignored-notice'
import { IsolatedText } from '../components/isolated-text'
import { SourceNote } from '../components/localized'
import { pageMeta } from '../lib/meta'
import { searchPageLoader, type FacetValue } from '../lib/search-page.server'
import script from '../browser/search.ts?script'

export const loader = (args: LoaderFunctionArgs) => searchPageLoader(args)
export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title), { name: 'robots', content: 'noindex' }]

type Data = ReturnType<typeof useLoaderData<typeof loader>>

/**
 * A GET form: without JavaScript it submits like any form and every facet is a checkbox;
 * with JavaScript (app/browser/search.ts) the results follow the typing and a filter
 * applies as it is chosen, and the URL keeps in step, so a shared link shows the same.
 * The parts marked `data-swap` are the ones that script replaces.
 */
export default function Search() {
  const data = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation(['search', 'common'])
  const number = new Intl.NumberFormat(i18n.language)

  return (
    <>
      <h1>{t('title')}</h1>
      <div data-swap="ignored">
        <IgnoredNotice show={data.ignored} />
      </div>
      <Form method="get" action={`/${data.lng}/search`} className="search-page" role="search">
        <div className="search-field">
          <label htmlFor="search-q">{t('label')}</label>
          <div className="search-row">
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={data.q}
              placeholder={t('placeholder')}
              maxLength={2000}
              autoComplete="off"
              enterKeyHint="search"
              dir="auto"
            />
            <button type="submit">{t('submit')}</button>
          </div>
          <div data-swap="too-long">{data.truncated ? <p className="notice">{t('tooLong')}</p> : null}</div>
        </div>
        <div className="search-layout">
          <section aria-labelledby="results-heading" className="results">
            <h2 id="results-heading" className="visually-hidden">
              {t('results.label')}
            </h2>
            <div className="results-bar">
              <span data-swap="to-facets">
                {data.facets.length > 0 ? (
                  <a href="#facets-heading" className="to-facets">
                    {t('facets.title')}
                  </a>
                ) : null}
              </span>
              <p className="result-count" role="status" data-live="count">
                {t(data.estimated ? 'results.countEstimated' : 'results.count', { count: data.total, formatted: number.format(data.total) })}
              </p>
              <div className="field inline">
                <label htmlFor="search-sort">{t('sort.label')}</label>
                <select id="search-sort" name="sort" defaultValue={data.sort} key={data.sort}>
                  <option value="relevance">{t('sort.relevance')}</option>
                  <option value="newest">{t('sort.newest')}</option>
                </select>
              </div>
            </div>
            <div data-swap="hits">
              {data.hits.length > 0 ? <Hits data={data} /> : null}
              {data.empty ? <NoResults data={data} /> : null}
              <Pagination page={data.page} pages={data.pages} />
            </div>
          </section>
          <div data-swap="facets">
            <Facets data={data} />
          </div>
        </div>
      </Form>
      <script type="module" src={script} />
    </>
  )
}

function Facets({ data }: { data: Data }) {
  const { t, i18n } = useTranslation('search')
  const number = new Intl.NumberFormat(i18n.language)
  if (data.facets.length === 0) return null
  const box = (name: string, value: FacetValue) => (
    <li key={value.value}>
      <label>
        <input type="checkbox" name={name} value={value.value} defaultChecked={value.checked} key={`${value.value}:${value.checked}`} />
        <span>{value.label}</span> <span className="count">({number.format(value.count)})</span>
      </label>
      {value.children.length > 0 ? <ul>{value.children.map((child) => box(name, child))}</ul> : null}
    </li>
  )
  return (
    <aside className="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading">{t('facets.title')}</h2>
      {data.facets.map((group) => (
        <details key={group.name} data-group={group.name} open={group.values.some((value) => value.checked || value.children.some((child) => child.checked)) || group.name === 'kind'}>
          <summary>{group.label}</summary>
          <fieldset>
            <legend className="visually-hidden">{group.label}</legend>
            <ul>{group.values.map((value) => box(group.name, value))}</ul>
          </fieldset>
        </details>
      ))}
      <div className="actions">
        <button type="submit" id="facets-apply">
          {t('facets.apply')}
        </button>
        {data.filtered ? <Link to={`/${data.lng}/search${data.q ? `?q=${encodeURIComponent(data.q)}` : ''}`}>{t('facets.reset')}</Link> : null}
      </div>
    </aside>
  )
}

function Hits({ data }: { data: Data }) {
  const { t } = useTranslation(['search', 'common'])
  return (
    <ol className="hits">
      {data.hits.map((hit) => (
        <li key={`${hit.kind}:${hit.id}`} className={`hit hit-${hit.kind}${hit.type ? ` posting-${hit.type}` : ''}`}>
          <p className="badge">{hit.type ? t(`common:postingType.${hit.type}`) : t(`hit.${hit.kind}`)}</p>
          <h3 className="card-title">
            <Link to={hit.url} lang={hit.lang} dir="auto">
              {hit.title}
            </Link>
          </h3>
          {hit.fallback ? <SourceNote lang={hit.lang} /> : null}
          {hit.communityTranslation ? <p className="hint">{t('common:communityTranslation')}</p> : null}
          {/* The engine escapes the text and adds only <mark>. */}
          {hit.snippet ? <p className="excerpt" lang={hit.snippetLang} dir="auto" dangerouslySetInnerHTML={{ __html: hit.snippet }} /> : null}
          {hit.snippet && hit.snippetFallback ? <SourceNote lang={hit.snippetLang} /> : null}
          <p className="meta">
            {hit.organisation ? <span dir="auto">{hit.organisation.name}</span> : null}
            {hit.unverified ? <span className="unverified">{t('common:unverified')}</span> : null}
            {hit.category ? <span>{hit.category}</span> : null}
            {hit.district ? <span>{hit.district}</span> : null}
          </p>
        </li>
      ))}
    </ol>
  )
}

function NoResults({ data }: { data: Data }) {
  const { t, i18n } = useTranslation('search')
  const number = new Intl.NumberFormat(i18n.language)
  const empty = data.empty!
  return (
    <div className="no-results">
      <h3>{t('empty.title')}</h3>
      <p>{data.q.trim() ? <IsolatedText t={t} i18nKey="empty.text" values={{ q: data.q.trim().slice(0, 80) }} /> : t('empty.textNoQuery')}</p>
      {empty.drops.length > 0 ? (
        <>
          <h4>{t('empty.dropFilter')}</h4>
          <ul className="link-list">
            {empty.drops.map((drop) => (
              <li key={drop.href}>
                <Link to={drop.href}>{t('empty.without', { filter: drop.label, count: drop.count, formatted: number.format(drop.count) })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {empty.related.length > 0 ? (
        <>
          <h4>{t('empty.related')}</h4>
          <ul className="chips">
            {empty.related.map((category) => (
              <li key={category.id}>
                <Link to={`/${data.lng}/categories/${category.id}`}>{category.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {empty.advice.length > 0 ? (
        <>
          <h4>{t('empty.advice')}</h4>
          <p>{t('empty.adviceText')}</p>
          <ul className="link-list">
            {empty.advice.map((org) => (
              <li key={org.id}>
                <Link to={`/${data.lng}/organisations/${org.id}`}>{org.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
