import AxeBuilder from '@axe-core/playwright'
import { demo, expect, test } from './fixtures'

const locales = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr']
const posting = demo.postings.find((p) => p.status === 'published' && !p.validUntil && Object.keys(p.title).length >= 3)!
const pages: Array<[string, string, number]> = [
  ['home', '', 200],
  ['offers', '/offers', 200],
  ['needs filtered', '/needs?category=donations&audience=families', 200],
  ['posting', `/postings/${posting.id}`, 200],
  ['organisations', '/organisations?kind=advisory_centre', 200],
  ['organisation', `/organisations/${demo.organisations[0].id}`, 200],
  ['groups', '/groups', 200],
  ['group', `/groups/${demo.workingGroups[0].id}`, 200],
  ['category', '/categories/language', 200],
  ['district', '/districts/oststadt', 200],
  ['search', '/search?q=kurs&kind=posting', 200],
  ['search without results', '/search?q=qqqxyzzy&district=oststadt', 200],
  ['not found', '/postings/does-not-exist', 404],
]

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
