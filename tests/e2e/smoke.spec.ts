import { expect, test } from '@playwright/test'

test('/ sends a Farsi reader to /fa, and the page is right-to-left', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fa-IR', extraHTTPHeaders: { 'Accept-Language': 'fa-IR,fa;q=0.9,en;q=0.5' } })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page).toHaveURL(/\/fa$/)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa')
  await context.close()
})

test('the German home page shows what the board holds and offers the other languages', async ({ page }) => {
  await page.goto('/de')
  await expect(page.getByRole('heading', { level: 1, name: 'Treffpunkt' })).toBeVisible()
  await expect(page.getByText(/aktuelle Aushänge/)).toBeVisible()
  await page.getByRole('link', { name: 'Українська' }).click()
  await expect(page).toHaveURL(/\/uk$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
})

test('an unknown locale prefix is a 404 page offering the locales', async ({ page }) => {
  const response = await page.goto('/xx/offers')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('link', { name: 'العربية' })).toBeVisible()
})

test('an anonymous visitor gets no cookie', async ({ page, context }) => {
  await page.goto('/ar')
  expect(await context.cookies()).toEqual([])
})
