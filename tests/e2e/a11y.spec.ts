import AxeBuilder from '@axe-core/playwright'
import { expect, locales, pageTypes as pages, test } from './fixtures'

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
