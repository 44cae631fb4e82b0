import AxeBuilder from '@axe-core/playwright'
import { demoAccounts, signIn } from './accounts'
import { expect, locales, pageTypes as pages, signedInPageTypes, test } from './fixtures'

for (const lng of locales) {
  test.describe(`axe in ${lng}`, () => {
    for (const [name, path, status] of pages) {
      test(name, async ({ page }) => {
        const response = await page.goto(`/${lng}${path}`)
        expect(response?.status()).toBe(status)
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      })
    }
  })
}

test.describe('signed in', () => {
  test.use({ signsIn: true })
  for (const lng of locales) {
    test(`account pages in ${lng}, and a rejected form`, async ({ page, context, playwright, baseURL }) => {
      test.setTimeout(180_000)
      // One sign-in per person, not per page: logins are rate-limited per account.
      const cookies = new Map<string, string>()
      for (const [what, path, who] of signedInPageTypes) {
        if (!cookies.has(who)) cookies.set(who, await signIn(playwright, baseURL!, demoAccounts[who]))
        const [name, value] = cookies.get(who)!.split('=')
        await context.clearCookies()
        await context.addCookies([{ name, value, url: baseURL! }])
        const response = await page.goto(`/${lng}${path}`)
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
