import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { legalPageLoader } from '../lib/legal.server'
import { pageMeta } from '../lib/meta'

export const loader = legalPageLoader((t) => t('legal:accessibility.title'))

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

/** Erklärung zur Barrierefreiheit (BITV 2.0): status, known gaps, feedback, the Schlichtungsstelle under § 16 BGG. */
export default function Accessibility() {
  const { installation: i } = useLoaderData<typeof loader>()
  const { t } = useTranslation('legal')
  const gaps = t('accessibility.gaps.items', { returnObjects: true }) as string[]
  return (
    <article className="prose">
      <h1>{t('accessibility.title')}</h1>
      <p>{t('accessibility.lead', { operator: i.operator || t('notSet') })}</p>
      <h2>{t('accessibility.status.title')}</h2>
      <p>{t('accessibility.status.text')}</p>
      <h2>{t('accessibility.gaps.title')}</h2>
      <ul>
        {gaps.map((gap) => (
          <li key={gap}>{gap}</li>
        ))}
      </ul>
      <p>{t('accessibility.created')}</p>
      <h2>{t('accessibility.feedback.title')}</h2>
      <p>
        {t('accessibility.feedback.text')} {i.accessibilityContact ? <a href={`mailto:${i.accessibilityContact}`}>{i.accessibilityContact}</a> : t('notSet')}
      </p>
      <h2>{t('accessibility.enforcement.title')}</h2>
      <p>{t('accessibility.enforcement.text')}</p>
      <p>{t('accessibility.enforcement.address')}</p>
    </article>
  )
}
