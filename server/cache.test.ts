import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { fakeClock, minute } from '../db/clock'
import { cacheControl, isShared, sharedCache } from './cache'

let version = 1
const clock = fakeClock('2026-12-02T09:00:00Z')
let renders = 0
let arrivals = 0
let gate: Promise<void> = Promise.resolve()
let base = ''
let close = () => {}

beforeAll(async () => {
  const app = express()
  app.set('etag', false) // as in server/app.ts: validators are ours alone
  app.use(compression())
  app.use((_req, _res, next) => {
    arrivals++
    next()
  })
  app.use(sharedCache({ build: 'b1', contentVersion: () => String(version), now: clock.now }))
  // A page whose render finishes when the test says so.
  app.get('/de/groups', (req, res) => {
    renders++
    void gate.then(() => res.type('html').send(`<p>groups ${req.query.n ?? ''}</p>`))
  })
  app.get('/de/offers', (_req, res) => {
    renders++
    res.status(200).type('html').send('<p>offers</p>')
  })
  app.get('/de/postings/gone', (_req, res) => {
    renders++
    res.status(410).type('html').send('<p>ended</p>')
  })
  app.get('/api/search', (_req, res) => {
    renders++
    res.json({ total: 1 })
  })
  app.get('/de/conversations/:token', (_req, res) => {
    renders++
    res.type('html').send('<p>a private thread</p>')
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers })

test('a public page carries a validator and shared-cache headers; naming the validator gets a 304 without rendering', async () => {
  const first = await get('/de/offers')
  const etag = first.headers.get('etag')!
  expect(first.status).toBe(200)
  expect(etag).toMatch(/^W\/"[\w-]{27}"$/)
  expect(first.headers.get('cache-control')).toBe(cacheControl)
  expect(first.headers.get('vary')).toContain('Cookie')
  const before = renders
  const again = await get('/de/offers', { 'If-None-Match': etag })
  expect(again.status).toBe(304)
  expect(again.headers.get('etag')).toBe(etag)
  expect(await again.text()).toBe('')
  expect(renders).toBe(before)
  // Another validator gets the whole page: the one rendered before, from memory, with its headers.
  const kept = await get('/de/offers', { 'If-None-Match': 'W/"other"' })
  expect(kept.status).toBe(200)
  expect(await kept.text()).toBe('<p>offers</p>')
  expect(kept.headers.get('content-type')).toBe('text/html; charset=utf-8')
  expect(kept.headers.get('etag')).toBe(etag)
  expect(renders).toBe(before)
  // Positive control: once the content changes, the page is rendered again.
  version++
  expect(await (await get('/de/offers')).text()).toBe('<p>offers</p>')
  expect(renders).toBe(before + 1)
})

test('the validator changes with the content, the five minutes and the URL', async () => {
  const etag = async (path = '/de/offers') => (await get(path)).headers.get('etag')
  const start = await etag()
  expect(await etag()).toBe(start)
  version++
  const afterWrite = await etag()
  expect(afterWrite).not.toBe(start)
  clock.advance(5 * minute)
  const later = await etag()
  expect(later).not.toBe(afterWrite)
  expect(await etag('/de/offers?page=2')).not.toBe(later)
  expect((await get('/de/offers', { 'If-None-Match': start! })).status).toBe(200)
})

test('errors, signed-in requests and pages reached by a secret link are not made cacheable', async () => {
  const gone = await get('/de/postings/gone')
  expect(gone.status).toBe(410)
  expect(gone.headers.get('etag')).toBeNull()
  expect(gone.headers.get('cache-control')).toBeNull()
  // Neither an error nor a signed-in request is answered from memory: each renders.
  let before = renders
  await get('/de/postings/gone')
  expect(renders).toBe(before + 1)
  await get('/de/offers')
  before = renders
  const signedIn = await get('/de/offers', { Cookie: 'treffpunkt=abc' })
  expect(renders).toBe(before + 1)
  expect(signedIn.headers.get('etag')).toBeNull()
  const etag = (await get('/de/offers')).headers.get('etag')!
  expect((await get('/de/offers', { Cookie: 'treffpunkt=abc', 'If-None-Match': etag })).status).toBe(200)
  const thread = await get('/de/conversations/secret-token')
  expect(thread.headers.get('etag')).toBeNull()
  expect(thread.headers.get('cache-control')).toBeNull()
  // The JSON API is shared like the pages.
  expect((await get('/api/search?q=kurs')).headers.get('cache-control')).toBe(cacheControl)
})

test('which requests are shared', () => {
  const shared = (path: string, method = 'GET', headers: Record<string, string> = {}) => isShared({ path, method, headers })
  for (const path of ['/de', '/ar/offers', '/fa/search', '/uk/postings/p-1', '/de/groups/cafe/sessions/2026-12-08', '/tr/categories/language.data', '/api/search', '/api/groups/cafe/sessions', '/feeds/groups/cafe.ics', '/de/privacy']) {
    expect(shared(path), path).toBe(true)
  }
  for (const path of ['/de/login', '/de/manage', '/de/volunteer', '/de/postings/p-1/respond', '/de/signups/token', '/de/confirm/token', '/feeds/me/token.ics', '/xx/offers', '/healthz']) {
    expect(shared(path), path).toBe(false)
  }
  expect(shared('/de/offers', 'POST')).toBe(false)
  expect(shared('/de/offers', 'GET', { cookie: 'a=b' })).toBe(false)
})

test('requests for a page that is being rendered wait for that render instead of rendering it again', async () => {
  let open!: () => void
  gate = new Promise((resolve) => (open = resolve))
  const [rendersBefore, arrivalsBefore] = [renders, arrivals]
  const asked = Promise.all([get('/de/groups'), get('/de/groups'), get('/de/groups'), get('/de/groups?n=2')])
  await vi.waitFor(() => expect(arrivals - arrivalsBefore).toBe(4))
  // One render for the page asked three times, one for the other URL (the positive control).
  expect(renders - rendersBefore).toBe(2)
  open()
  const answers = await asked
  expect(await Promise.all(answers.map((answer) => answer.text()))).toEqual(['<p>groups </p>', '<p>groups </p>', '<p>groups </p>', '<p>groups 2</p>'])
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200])
  expect(renders - rendersBefore).toBe(2)
})
