import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { boardFigures } from '../lib/board.server'

export const meta: MetaFunction = () => [{ name: 'description', content: 'Treffpunkt' }]

export function loader(_: LoaderFunctionArgs) {
  return boardFigures()
}

export default function Home() {
  const { t, i18n } = useTranslation()
  const figures = useLoaderData<typeof loader>()
  const number = new Intl.NumberFormat(i18n.language)
  return (
    <>
      <title>{`${t('site.name')} – ${t('site.tagline')}`}</title>
      <h1>{t('site.name')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <ul className="figures">
        <li>{t('home.figures.postings', { count: figures.postings, formatted: number.format(figures.postings) })}</li>
        <li>
          {t('home.figures.organisations', {
            count: figures.organisations,
            formatted: number.format(figures.organisations),
          })}
        </li>
        <li>{t('home.figures.groups', { count: figures.groups, formatted: number.format(figures.groups) })}</li>
      </ul>
    </>
  )
}
