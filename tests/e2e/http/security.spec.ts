import Database from 'better-sqlite3'
import { databaseFile, demoAccounts, signIn } from '../accounts'
import { expect, test } from '../fixtures'
import { routeTable } from './routes'

/** The page as a reader sees it, without what differs between two builds (the search page's script). */
const comparable = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '')

test('every route refuses a foreign Origin, and Sec-Fetch-Site: cross-site without one, with 403', async ({ request }) => {
  const wrong: string[] = []
  for (const row of routeTable) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const foreign = await request.fetch(row.path, { method, headers: { Origin: 'https://evil.example' }, form: { email: 'a@b.de', password: 'x' }, maxRedirects: 0 })
      if (foreign.status() !== 403) wrong.push(`${method} ${row.path} with a foreign Origin: ${foreign.status()}`)
      const crossSite = await request.fetch(row.path, { method, headers: { 'Sec-Fetch-Site': 'cross-site' }, form: {}, maxRedirects: 0 })
      if (crossSite.status() !== 403) wrong.push(`${method} ${row.path} cross-site: ${crossSite.status()}`)
    }
  }
  expect(wrong).toEqual([])
  // The positive control: the same POST from our own origin reaches the route.
  const own = await request.post('/de/search', { headers: { Origin: 'http://127.0.0.1:3100' }, form: {} })
  expect(own.status()).toBe(405)
})

test('login, sign-up and reset answer alike for a known and an unknown address', async ({ request, baseURL }) => {
  const known = demoAccounts.volunteer.email
  const unknown = 'nobody-here@lindenfeld.example'
  const cases: Array<[string, (email: string) => Record<string, string>]> = [
    ['/de/login', (email) => ({ email, password: 'Falsches-Passwort-123' })],
    ['/de/signup', (email) => ({ email, name: 'Neu', password: 'Kastanienallee-Fruehling-9', locale: 'de' })],
    ['/de/reset', (email) => ({ email })],
  ]
  for (const [path, form] of cases) {
    const a = await request.post(path, { form: form(known), headers: { Origin: baseURL! } })
    const b = await request.post(path, { form: form(unknown), headers: { Origin: baseURL! } })
    expect(a.status(), path).toBe(b.status())
    expect(comparable(await a.text()).replaceAll(known, 'ADDRESS'), path).toBe(comparable(await b.text()).replaceAll(unknown, 'ADDRESS'))
  }
})

test('the eleventh failed login from one address gets 429 with Retry-After; a correct login from elsewhere works', async ({ playwright, baseURL }) => {
  const attacker = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.66', Origin: baseURL! } })
  const statuses: number[] = []
  let retryAfter: string | undefined
  for (let attempt = 1; attempt <= 11; attempt++) {
    const response = await attacker.post('/de/login', { form: { email: demoAccounts.owner.email, password: `Falsch-${attempt}-Passwort` } })
    statuses.push(response.status())
    if (attempt === 11) {
      retryAfter = response.headers()['retry-after']
      expect(await response.text()).toContain('Zu viele Versuche')
    }
  }
  expect(statuses).toEqual([...Array(10).fill(400), 429])
  expect(Number(retryAfter)).toBeGreaterThan(0)
  // Even the right password from the blocked address waits …
  const blocked = await attacker.post('/de/login', { form: demoAccounts.owner, maxRedirects: 0 })
  expect(blocked.status()).toBe(429)
  await attacker.dispose()
  // … while the owner signs in from her own address.
  expect(await signIn(playwright, baseURL!, demoAccounts.owner)).toMatch(/^treffpunkt=/)
})

test('the session cookie: HttpOnly, SameSite=Lax, Path=/, only a hash stored, and a new session at every login', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL })
  const response = await request.post('/de/login', { form: demoAccounts.editor, headers: { Origin: baseURL! }, maxRedirects: 0 })
  const header = response.headers()['set-cookie']
  expect(header).toMatch(/^treffpunkt=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly; SameSite=Lax; Expires=/)
  const token = header.split(';')[0].split('=')[1]
  const db = new Database(databaseFile, { readonly: true })
  const dump = JSON.stringify(db.prepare('select * from sessions').all())
  expect(dump).not.toContain(token)
  // Fixation: signing in again with that cookie gives a new token and ends the old session.
  const again = await request.post('/de/login', { form: demoAccounts.editor, headers: { Origin: baseURL!, Cookie: `treffpunkt=${token}` }, maxRedirects: 0 })
  expect(again.status()).toBe(302)
  const second = again.headers()['set-cookie'].split(';')[0].split('=')[1]
  expect(second).not.toBe(token)
  const old = await request.get('/de/account', { headers: { Cookie: `treffpunkt=${token}` }, maxRedirects: 0 })
  expect(old.status()).toBe(302)
  const fresh = await request.get('/de/account', { headers: { Cookie: `treffpunkt=${second}` }, maxRedirects: 0 })
  expect(fresh.status()).toBe(200)
  db.close()
  await request.dispose()
})

test('extra fields are ignored and another person’s session cannot be ended', async ({ playwright, baseURL, request }) => {
  const volunteer = await signIn(playwright, baseURL!, demoAccounts.volunteer)
  const admin = await signIn(playwright, baseURL!, demoAccounts.admin)
  const headers = { Cookie: volunteer, Origin: baseURL! }
  const saved = await request.post('/fa/account', { headers, form: { intent: 'profile', name: 'Vera Ehrenamt', locale: 'fa', role: 'admin', verified: 'true', organisation: 'caritas-migrationsberatung' } })
  expect(saved.status()).toBe(200)
  const db = new Database(databaseFile, { readonly: true })
  const vera = db.prepare('select id from users where email = ?').get(demoAccounts.volunteer.email) as { id: string }
  expect(db.prepare('select count(*) n from user_roles where user_id = ?').get(vera.id)).toEqual({ n: 0 })
  expect(db.prepare('select count(*) n from organisation_members where user_id = ?').get(vera.id)).toEqual({ n: 0 })
  // The admin's session id, sent by the volunteer, ends nothing.
  const adminSession = db.prepare("select s.id from sessions s join users u on u.id = s.user_id where u.email = ? order by s.created_at desc").get(demoAccounts.admin.email) as { id: string }
  db.close()
  await request.post('/fa/account', { headers, form: { intent: 'endSession', session: adminSession.id } })
  expect((await request.get('/de/account', { headers: { Cookie: admin }, maxRedirects: 0 })).status()).toBe(200)
})

test('a signed-in person’s pages and data are private to their browser; anonymous pages set no cookie', async ({ playwright, baseURL, request }) => {
  const cookie = await signIn(playwright, baseURL!, demoAccounts.volunteer)
  for (const path of ['/de/account', '/de', '/de/offers.data']) {
    const response = await request.get(path, { headers: { Cookie: cookie }, maxRedirects: 0 })
    expect(response.headers()['cache-control'], path).toBe('private, no-store')
  }
  const anonymous = await request.get('/de')
  expect(anonymous.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300')
  expect(anonymous.headers()['set-cookie']).toBeUndefined()
  // What everyone sees alike is revalidated without a render; a signed-in person's page never is.
  // Other tests write meanwhile, and each commit moves the validator: ask until a pair falls between two commits.
  for (const path of ['/ar/offers', '/api/search?q=kurs&lang=de', '/de/offers.data']) {
    await expect
      .poll(async () => {
        const etag = (await request.get(path)).headers()['etag']
        expect(etag, path).toMatch(/^W\/"/)
        return (await request.get(path, { headers: { 'If-None-Match': etag } })).status()
      }, { message: path })
      .toBe(304)
  }
  const etag = anonymous.headers()['etag']
  const signedIn = await request.get('/de', { headers: { Cookie: cookie, 'If-None-Match': etag } })
  expect(signedIn.status()).toBe(200)
  expect(signedIn.headers()['etag']).toBeUndefined()
})

test('every response carries the security headers; pages an enforced CSP that allows no inline script', async ({ request }) => {
  const page = await request.get('/ar/offers')
  const css = (await page.text()).match(/href="(\/assets\/[^"]+\.css)"/)![1]
  for (const response of [page, await request.get(css), await request.get('/api/search?q=kurs'), await request.post('/de/login', { headers: { Origin: 'https://evil.example' } })]) {
    expect(response.headers(), response.url()).toMatchObject({
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    })
  }
  expect(page.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';.*frame-ancestors 'none'/)
  expect((await request.get(css)).headers()['cache-control']).toBe('public, max-age=31536000, immutable')
})
