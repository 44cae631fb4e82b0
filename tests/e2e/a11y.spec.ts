import AxeBuilder from '@axe-core/playwright'
import { demoAccounts, signIn } from './accounts'
import { expect, locales, pageTypes as pages, signedInPageTypes, test } from './fixtures'

/**
 * Every page type in every locale, one test per locale: the page is loaded and checked
 * in turn in one browser page, so the suite pays for a browser context seven times, not
 * two hundred (it stays within its time on a two-core machine as pages multiply).
 */
for (const lng of locales) {
  test(`axe: every page type in ${lng}`, async ({ page }) => {
    test.setTimeout(180_000)
    const problems: string[] = []
    for (const [name, path, status] of pages) {
      const response = await page.goto(`/${lng}${path}`)
      if (response?.status() !== status) problems.push(`${name}: status ${response?.status()}, expected ${status}`)
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      problems.push(...results.violations.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
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
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        expect(results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
      // Errors next to their fields must pass too.
      await page.goto(`/${lng}/account`)
      await page.locator('form[aria-labelledby="password"] button').click()
      await expect(page.locator('.field-error').first()).toBeVisible()
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(results.violations.map((v) => v.id)).toEqual([])
    })
  }
})
