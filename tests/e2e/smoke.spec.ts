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

test('a broken filter is a translated 400 page with a way back, not a 500', async ({ page }) => {
  const response = await page.goto('/uk/offers?page=abc')
  expect(response?.status()).toBe(400)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Недійсний запит')
  await expect(page.getByRole('link', { name: 'На головну сторінку' })).toHaveAttribute('href', '/uk')
})

test('healthz answers without a cookie', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
  expect(response.headers()['set-cookie']).toBeUndefined()
})
