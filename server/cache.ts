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

/** A rendered answer kept in memory by its validator (which names the URL and the content version). */
type Kept = { headers: Record<string, string>; body: Buffer }
const keptLimit = { entries: 300, bytes: 2_000_000 }
/** Headers the connection decides afresh (compression, length) rather than the kept answer. */
const perConnection = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'vary', 'connection', 'date'])

export function sharedCache(options: CacheOptions) {
  const kept = new Map<string, Kept>()
  const keep = (etag: string, answer: Kept) => {
    if (kept.size >= keptLimit.entries) kept.delete(kept.keys().next().value!)
    kept.set(etag, answer)
  }
  // Renders under way by validator, with the requests for the same answer waiting on them.
  const rendering = new Map<string, Array<() => void>>()
  const handle = (req: Request, res: Response, next: NextFunction) => {
    if (!isShared(req)) return next()
    const etag = validator(req.originalUrl, options)
    if (matches(req.headers['if-none-match'], etag)) {
      res.setHeader('ETag', etag)
      res.setHeader('Cache-Control', cacheControl)
      res.vary('Cookie')
      res.status(304).end()
      return
    }
    // The same page asked again before anything changed: the answer rendered for the first
    // asker, as a reverse proxy in front would give it (ADR 015).
    const answer = req.method === 'GET' ? kept.get(etag) : undefined
    if (answer) {
      kept.delete(etag)
      kept.set(etag, answer)
      for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value)
      res.vary('Cookie')
      res.status(200).end(answer.body)
      return
    }
    // Fifty visitors from one shared link right after a change: one renders, the others
    // wait for its answer instead of rendering the same page fifty times over.
    if (req.method === 'GET') {
      const waiting = rendering.get(etag)
      if (waiting) {
        waiting.push(() => handle(req, res, next))
        return
      }
      rendering.set(etag, [])
      let released = false
      const release = () => {
        if (released) return
        released = true
        const waiters = rendering.get(etag) ?? []
        rendering.delete(etag)
        for (const retry of waiters) retry()
      }
      res.once('close', release)
      res.once('finish', () => setImmediate(release))
    }
    // Only a 200 without a cookie becomes cacheable: errors and redirects stay as they are.
    let cacheable = false
    const writeHead = res.writeHead
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      const status = typeof args[0] === 'number' ? args[0] : res.statusCode
      if (status === 200 && !res.getHeader('set-cookie') && !res.getHeader('cache-control')) {
        cacheable = true
        res.setHeader('ETag', etag)
        res.setHeader('Cache-Control', cacheControl)
        // A browser that signs in must not reuse the anonymous page it kept.
        res.vary('Cookie')
      }
      return writeHead.apply(this, args)
    } as Response['writeHead']
    if (req.method === 'GET') keepWhatIsSent(res, () => cacheable, (answer) => keep(etag, answer))
    next()
  }
  return handle
}

/** Collects the body as it is written (before compression) and hands it over once the answer is complete. */
function keepWhatIsSent(res: Response, cacheable: () => boolean, done: (answer: Kept) => void) {
  const chunks: Buffer[] = []
  let size = 0
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > keptLimit.bytes) return
    const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    chunks.push(buffer)
  }
  const write = res.write
  const end = res.end
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
  } as Response['write']
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest)
  } as Response['end']
  res.once('finish', () => {
    if (!cacheable() || size > keptLimit.bytes) return
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!perConnection.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
    }
    done({ headers, body: Buffer.concat(chunks) })
  })
}
