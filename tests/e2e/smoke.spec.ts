import fs from 'node:fs'
import { expect, test } from './fixtures'

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
