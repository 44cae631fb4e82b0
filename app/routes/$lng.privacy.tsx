import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { legalPageLoader } from '../lib/legal.server'
import { pageMeta } from '../lib/meta'

export const loader = legalPageLoader((t) => t('legal:privacy.title'))

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

/** What Treffpunkt stores, why and how long: the same facts the code enforces. */
export default function Privacy() {
  const { installation: i } = useLoaderData<typeof loader>()
  const { t } = useTranslation('legal')
  return (
    <article className="prose">
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.lead', { municipality: i.municipality || t('notSet') })}</p>
      <h2>{t('privacy.responsible')}</h2>
      <p dir="auto">
        {i.operator || t('notSet')}
        {i.address ? (
          <>
            <br />
            {i.address}
          </>
        ) : null}
      </p>
      {(['visitors', 'accounts', 'retention', 'rights'] as const).map((section) => (
        <section key={section}>
          <h2>{t(`privacy.${section}.title`)}</h2>
          <p>{t(`privacy.${section}.text`, { days: i.unconfirmedDays })}</p>
        </section>
      ))}
      <h2>{t('privacy.contact')}</h2>
      <p>{i.privacyContact ? <a href={`mailto:${i.privacyContact}`}>{i.privacyContact}</a> : t('notSet')}</p>
    </article>
  )
}
