import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useParams, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { ErrorContent, errorKey, type ErrorKey } from '../components/error-content'
import { SiteFooter, SiteHeader } from '../components/site-chrome'
import { defaultLocale, isLocale } from '../i18n'
import { getSession } from '../lib/auth.server'
import { serverT } from '../lib/i18n.server'
import { moderationBadge } from '../lib/moderation.server'

/** Every page lives under a locale prefix; an unknown prefix is a 404 offering the locales. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLocale(params.lng)) throw new Response('Not found', { status: 404 })
  const session = getSession(request)
  const t = await serverT(params.lng)
  const keys: ErrorKey[] = ['notFound', 'badRequest', 'serverError']
  return {
    // Coordinators see how many items wait; nobody else costs a query.
    signedIn: session ? { name: session.user.name, moderation: moderationBadge(session) } : null,
    // For the <title> of an error page below, which has no loader of its own.
    errorTitles: Object.fromEntries(keys.map((key) => [key, t(`errors.${key}.title`)])) as Record<ErrorKey, string>,
  }
}

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error && data ? [{ title: `${data.errorTitles[errorKey(error)]} – Treffpunkt` }] : []

export default function LocaleLayout() {
  const data = useRouteLoaderData<typeof loader>('routes/$lng')
  const lng = useParams().lng
  if (!isLocale(lng)) return null
  return (
    <>
      <SiteHeader lng={lng} signedIn={data?.signedIn} />
      <main id="main" className="page">
        <Outlet />
      </main>
      <SiteFooter lng={lng} />
    </>
  )
}

/** A page that failed keeps the header with its search box: the reader goes on from here. */
export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('routes/$lng')
  const param = useParams().lng
  const lng = isLocale(param) && data ? param : defaultLocale
  if (!data) {
    // The prefix is no locale of ours: no header in a language nobody chose.
    return (
      <main className="page error-page">
        <ErrorContent error={error} lng={lng} />
      </main>
    )
  }
  return (
    <>
      <SiteHeader lng={lng} signedIn={data.signedIn} />
      <main id="main" className="page error-page">
        <ErrorContent error={error} lng={lng} />
      </main>
      <SiteFooter lng={lng} />
    </>
  )
}
