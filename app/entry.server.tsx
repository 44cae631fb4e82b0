import type { EntryContext } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { i18nFor, requestLocale } from './lib/i18n.server'
import { hasSessionCookie } from './lib/auth.server'
import { getDb } from './lib/db.server'
import { searchEngine, stopSearch } from './lib/search.server'
import { securityHeaders } from './lib/security.server'

// Chosen when the server starts, not on the first search: with Meilisearch this also
// starts the relay that delivers the outbox.
searchEngine()

/** Data for client navigations: a signed-in person's is as private as their pages. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (hasSessionCookie(request)) response.headers.set('Cache-Control', 'private, no-store')
  return response
}

/**
 * Logs what went wrong on the server. A request the client got wrong (405 for a method a
 * route does not take, 404, 400) is an answer, not an error: not logged.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) return
  console.error(error)
}

/** Called by our server (server/index.ts) at shutdown, after the last request finished. */
export async function shutdown(): Promise<void> {
  await stopSearch()
  getDb().$client.close()
}

/**
 * Renders the page to one string: no page streams (nothing suspends, and without hydration
 * there is no data to send after the shell), so the string renderer does the same work
 * without web streams around it, and without the streaming renderer's NUL bytes in
 * non-Latin text (React 18 flushed its unwritten buffer: facebook/react#26228).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const i18n = await i18nFor(requestLocale(request))
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <RemixServer context={remixContext} url={request.url} />
    </I18nextProvider>,
  )
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  securityHeaders(responseHeaders)
  if (hasSessionCookie(request)) responseHeaders.set('Cache-Control', 'private, no-store')
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode })
}
