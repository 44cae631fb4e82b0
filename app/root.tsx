import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, useRouteError, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultLocale, isLocale } from './i18n'
import { requestLocale } from './lib/i18n.server'
import { ErrorContent, errorKey } from './components/error-content'
import styles from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  return { lng: requestLocale(request) }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const { i18n } = useTranslation()
  const error = useRouteError()
  const lng = data?.lng && isLocale(data.lng) ? data.lng : defaultLocale
  return (
    <html lang={lng} dir={i18n.dir(lng)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* An error page has no route meta: its title comes from here, in <head> where it belongs. */}
        {error == null ? null : <ErrorTitle error={error} />}
        <Meta />
        <Links />
      </head>
      {/* No Remix scripts: the pages are not hydrated (ADR 018). A page that improves with
          JavaScript loads its own small script. */}
      <body>{children}</body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

function ErrorTitle({ error }: { error: unknown }) {
  const { t } = useTranslation()
  return <title>{`${t(`errors.${errorKey(error)}.title`)} – ${t('site.name')}`}</title>
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { i18n } = useTranslation()
  const lng = isLocale(i18n.language) ? i18n.language : defaultLocale
  return (
    <main className="page error-page">
      <ErrorContent error={error} lng={lng} />
    </main>
  )
}
