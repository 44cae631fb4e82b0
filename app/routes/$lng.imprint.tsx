import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { legalPageLoader } from '../lib/legal.server'
import { pageMeta } from '../lib/meta'

export const loader = legalPageLoader((t) => t('legal:imprint.title'))

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

/** Impressum (§ 5 DDG), filled from the installation settings an administrator keeps. */
export default function Imprint() {
  const { installation: i } = useLoaderData<typeof loader>()
  const { t } = useTranslation('legal')
  const or = (value: string) => value || t('notSet')
  return (
    <article className="prose">
      <h1>{t('imprint.title')}</h1>
      <p>{t('imprint.lead')}</p>
      <dl className="details">
        <dt>{t('imprint.operator')}</dt>
        <dd dir="auto">{or(i.operator)}</dd>
        <dt>{t('imprint.address')}</dt>
        <dd dir="auto">{or(i.address)}</dd>
        <dt>{t('imprint.email')}</dt>
        <dd>{i.email ? <a href={`mailto:${i.email}`}>{i.email}</a> : t('notSet')}</dd>
        {i.phone ? (
          <>
            <dt>{t('imprint.phone')}</dt>
            <dd dir="ltr">{i.phone}</dd>
          </>
        ) : null}
      </dl>
      <p>{t('imprint.content')}</p>
    </article>
  )
}
