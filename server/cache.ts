import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { todayInBerlin } from '../db/dates'
import { locales } from '../locales'

/**
 * HTTP caching of what everyone sees alike: the public pages, their data for client
 * navigations, `/api/search` and a group's sessions. Their answer depends only on the URL,
 * the content and the time, so the validator is built from those before anything renders:
 * the build, the database's content version (any commit, by this process or another, moves
 * it), the five minutes we are in ("open now", a session that has begun) and the URL. A
 * request that names the current validator in `If-None-Match` gets 304 without a render.
 * A cache may keep an answer a minute and serve it five more while it asks again; the
 * answer varies by Cookie, so a browser that signs in asks anew.
 *
 * Requests with a cookie (a signed-in person's) pass untouched: their pages are private
 * (app/entry.server.tsx). Pages reached by a secret link (conversations, sign-ups, account
 * links, personal feeds) and forms are not on the list.
 */
const lng = `(?:${locales.join('|')})`
const cacheable = new RegExp(
  [
    `^/${lng}(?:/(?:offers|needs|organisations|groups|search|accessibility|imprint|privacy|(?:postings|organisations|groups|categories|districts)/[^/]+|groups/[^/]+/sessions/[^/]+))?(?:\\.data)?$`,
    '^/api/search$',
    '^/api/groups/[^/]+/sessions$',
    '^/feeds/groups/[^/]+\\.ics$',
  ].join('|'),
)

export const cacheControl = 'public, max-age=60, stale-while-revalidate=300'
const bucketMs = 5 * 60_000

export type CacheOptions = { build: string; contentVersion: () => string; now?: () => Date }

/** Whether the request is one everybody gets the same answer to. */
export function isShared(req: Pick<Request, 'method' | 'path' | 'headers'>): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !req.headers.cookie && cacheable.test(req.path)
}

export function validator(url: string, options: CacheOptions): string {
  const now = (options.now ?? (() => new Date()))()
  const parts = [options.build, options.contentVersion(), todayInBerlin(now), Math.floor(now.getTime() / bucketMs), url]
  return `W/"${crypto.createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 27)}"`
}

const matches = (header: string | undefined, etag: string) =>
  header !== undefined && header.split(',').some((candidate) => candidate.trim() === '*' || candidate.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))

export function sharedCache(options: CacheOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isShared(req)) return next()
    const etag = validator(req.originalUrl, options)
    if (matches(req.headers['if-none-match'], etag)) {
      res.setHeader('ETag', etag)
      res.setHeader('Cache-Control', cacheControl)
      res.vary('Cookie')
      res.status(304).end()
      return
    }
    // Only a 200 without a cookie becomes cacheable: errors and redirects stay as they are.
    const writeHead = res.writeHead
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      const status = typeof args[0] === 'number' ? args[0] : res.statusCode
      if (status === 200 && !res.getHeader('set-cookie') && !res.getHeader('cache-control')) {
        res.setHeader('ETag', etag)
        res.setHeader('Cache-Control', cacheControl)
        // A browser that signs in must not reuse the anonymous page it kept.
        res.vary('Cookie')
      }
      return writeHead.apply(this, args)
    } as Response['writeHead']
    next()
  }
}
