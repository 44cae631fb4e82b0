import fs from 'node:fs'
import { demo, expect, test } from './fixtures'

test('/ sends a Farsi reader to /fa, and the page is right-to-left', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fa-IR', extraHTTPHeaders: { 'Accept-Language': 'fa-IR,fa;q=0.9,en;q=0.5' } })
  const page = await context.newPage()
  const response = await page.request.get('/', { maxRedirects: 0, headers: { 'Accept-Language': 'fa-IR,fa;q=0.9' } })
  expect(response.status()).toBe(302)
  expect(response.headers()['vary']).toMatch(/Accept-Language/i)
  await page.goto('/')
  await expect(page).toHaveURL(/\/fa$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa')
  await context.close()
})

test('an unknown locale prefix is a 404 page offering the locales', async ({ page }) => {
  const response = await page.goto('/xx/offers')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('link', { name: 'العربية' })).toBeVisible()
})

test('a broken filter in a shared link is left out with a translated notice, not an error page', async ({ page }) => {
  const notice = JSON.parse(fs.readFileSync('locales/uk/common.json', 'utf8')).ignoredFilters
  const response = await page.goto('/uk/offers?page=abc&category=no-such-topic&utm_source=whatsapp')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible()
  // A tracking parameter alone is no reason for a notice.
  await page.goto('/uk/offers?fbclid=abc')
  await expect(page.getByText(notice)).toHaveCount(0)
  await expect(page.locator('.cards > li').first()).toBeVisible()
})

test('healthz answers without a cookie', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
  expect(response.headers()['set-cookie']).toBeUndefined()
})

test('an ended posting says so and shows what is current; 410 when withdrawn or expired, 404 when never public', async ({ page }) => {
  const postings = JSON.parse(fs.readFileSync('locales/de/postings.json', 'utf8'))
  const byStatus = (status: string) => demo.postings.find((p) => p.status === status)!
  for (const [status, code] of [['withdrawn', 410], ['expired', 410], ['fulfilled', 200]] as const) {
    const posting = byStatus(status)
    const response = await page.goto(`/de/postings/${posting.id}`)
    expect(response?.status(), status).toBe(code)
    await expect(page.locator('.notice')).toHaveText(postings.ended[status])
    await expect(page.getByRole('heading', { level: 2 })).toContainText(postings.ended.similar.split('„')[0].trim())
  }
  expect((await page.goto(`/de/postings/${byStatus('draft').id}`))?.status()).toBe(404)
})

test('an error page keeps the header with its search box', async ({ page }) => {
  const response = await page.goto('/ar/postings/does-not-exist')
  expect(response?.status()).toBe(404)
  const search = JSON.parse(fs.readFileSync('locales/ar/search.json', 'utf8'))
  await expect(page.getByRole('search').getByRole('searchbox', { name: search.box })).toBeVisible()
  await expect(page).toHaveTitle(new RegExp(JSON.parse(fs.readFileSync('locales/ar/common.json', 'utf8')).errors.notFound.title))
})
