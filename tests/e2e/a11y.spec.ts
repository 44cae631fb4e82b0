import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import type { AxeResults, RunOptions } from 'axe-core'
import { demoAccounts, signIn } from './accounts'
import { expect, locales, pageTypes as pages, signedInPageTypes, test } from './fixtures'

// axe-core as @axe-core/playwright resolves it, put into every document of the test's
// context before the page's own scripts: injecting it anew for each check was two thirds
// of this suite's time.
const axeSource = fs.readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8')
test.beforeEach(async ({ context }) => context.addInitScript(axeSource))

/**
 * axe's WCAG 2.1 A/AA rules on the page, as "rule: selectors". Colour contrast depends on
 * the stylesheet alone, which every locale shares: it is checked left to right (de) and
 * right to left (ar), and left out elsewhere, where it was half of axe's time.
 */
async function violations(page: Page, lng: string): Promise<string[]> {
  const options: RunOptions = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: lng === 'de' || lng === 'ar' } },
  }
  const results = await page.evaluate((options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options), options)
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('the check finds a violation when there is one', async ({ page }) => {
  await page.goto('/ar')
  expect(await violations(page, 'ar')).toEqual([])
  await page.evaluate(() => {
    const main = document.querySelector('main')!
    main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><p id="pale">some pale text</p>')
    Object.assign(document.getElementById('pale')!.style, { color: '#eeeeee', background: '#ffffff' })
  })
  const found = await violations(page, 'ar')
  expect(found.map((v) => v.split(':')[0]).sort()).toEqual(['color-contrast', 'image-alt'])
})

for (const lng of locales) {
  test(`axe: every page type in ${lng}`, async ({ page }) => {
    test.setTimeout(180_000)
    const problems: string[] = []
    for (const [name, path, status] of pages) {
      const response = await page.goto(`/${lng}${path}`)
      if (response?.status() !== status) problems.push(`${name}: status ${response?.status()}, expected ${status}`)
      problems.push(...(await violations(page, lng)).map((v) => `${name}: ${v}`))
    }
    expect(problems).toEqual([])
  })
}

test.describe('signed in', () => {
  test.use({ signsIn: true })
  for (const lng of locales) {
    test(`account pages in ${lng}, and a rejected form`, async ({ page, context, playwright, baseURL }) => {
      test.setTimeout(240_000)
      // One sign-in per person, not per page: logins are rate-limited per account.
      const cookies = new Map<string, string>()
      for (const [what, path, who] of signedInPageTypes) {
        if (!cookies.has(who)) cookies.set(who, await signIn(playwright, baseURL!, demoAccounts[who]))
        const [name, value] = cookies.get(who)!.split('=')
        await context.clearCookies()
        await context.addCookies([{ name, value, url: baseURL! }])
        const response = await page.goto(`/${lng}${typeof path === 'function' ? path() : path}`)
        expect(response?.status(), what).toBe(200)
        expect((await violations(page, lng)).map((v) => `${what}: ${v}`)).toEqual([])
      }
      // Errors next to their fields must pass too.
      await page.goto(`/${lng}/account`)
      await page.locator('form[aria-labelledby="password"] button').click()
      await expect(page.locator('.field-error').first()).toBeVisible()
      expect(await violations(page, lng)).toEqual([])
    })
  }
})
