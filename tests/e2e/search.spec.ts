import fs from 'node:fs'
import { demo, expect, sourceNote, test } from './fixtures'

const messages = (lng: string, ns: string) => JSON.parse(fs.readFileSync(`locales/${lng}/${ns}.json`, 'utf8'))
const search = messages('ar', 'search')
const courses = demo.categories.find((c) => c.id === 'language-courses')!
/** The Arabic name of German courses finds courses written only in German. */
const query = courses.label.ar
const germanOnlyCourse = demo.postings.find(
  (p) => p.category === 'language-courses' && p.status === 'published' && !p.validUntil && Object.keys(p.title).join() === 'de',
)
if (!germanOnlyCourse) throw new Error('the demo needs a visible German-only language course')

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('search in Arabic, narrow by district, share the URL, land on the same results', async ({ page, browser }) => {
      await page.goto('/ar')
      const box = page.getByRole('search').getByRole('searchbox', { name: search.box })
      await box.fill(query)
      await box.press('Enter')
      await expect(page).toHaveURL(/\/ar\/search\?q=/)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(search.title)
      // A filter chosen before the page's script runs would wait for "apply": wait for it.
      if (javaScriptEnabled) await expect(page.locator('html')).toHaveAttribute('data-enhanced', 'true')

      const results = page.locator('.hits > li')
      await expect(results.first()).toBeVisible()
      // Found in German, shown in German and marked as such in Arabic.
      const hit = results.filter({ hasText: germanOnlyCourse.title.de }).first()
      await expect(hit.locator('a[lang="de"]')).toBeVisible()
      await expect(hit.locator('.source-note')).toHaveText(sourceNote('ar', 'de'))

      const facet = page.locator('.facets details').filter({ hasText: search.facets.district })
      if (!(await facet.getAttribute('open'))) await facet.locator('summary').click()
      const district = facet.getByRole('checkbox').first()
      await district.check()
      if (!javaScriptEnabled) await page.getByRole('button', { name: search.facets.apply }).click()
      await expect(page).toHaveURL(/district=/)
      await expect(page.locator('.facets').getByRole('checkbox', { checked: true })).toHaveCount(1)
      const titles = await results.locator('h3').allInnerTexts()
      expect(titles.length).toBeGreaterThan(0)

      const shared = await browser.newPage({ javaScriptEnabled })
      await shared.goto(page.url())
      await expect(shared.locator('.hits > li h3')).toHaveText(titles)
      await shared.close()
    })

    test('no results: what to drop, related topics, advice in the reader’s language', async ({ page, request }) => {
      await page.goto(`/ar/search?q=${encodeURIComponent('قققزززيي')}`)
      await expect(page.getByRole('heading', { name: search.empty.title })).toBeVisible()
      await expect(page.getByRole('heading', { name: search.empty.related })).toBeVisible()
      await expect(page.getByRole('heading', { name: search.empty.advice })).toBeVisible()
      await page.locator('.no-results .link-list a').first().click()
      await expect(page).toHaveURL(/\/ar\/organisations\//)

      // A district where the query finds nothing, though it finds courses elsewhere.
      const total = async (params: string) => (await (await request.get(`/api/search?lang=ar&q=${encodeURIComponent(query)}${params}`)).json()).total as number
      expect(await total('')).toBeGreaterThan(0)
      const districts = [...new Set(demo.postings.map((p) => (p as { district?: string }).district).filter(Boolean))] as string[]
      let empty: string | undefined
      for (const id of districts) if (!empty && (await total(`&district=${id}`)) === 0) empty = id
      expect(empty).toBeDefined()
      await page.goto(`/ar/search?q=${encodeURIComponent(query)}&district=${empty}`)
      await expect(page.getByRole('heading', { name: search.empty.title })).toBeVisible()
      await page.locator('.no-results .link-list a').first().click()
      await expect(page).not.toHaveURL(/district=/)
      await expect(page.locator('.hits > li').first()).toBeVisible()
    })
  })
}

test('with JavaScript the results follow the typing and the URL keeps in step', async ({ page }) => {
  await page.goto('/de/search')
  // Typing before the page's script runs would race it: wait for the page to be interactive.
  await expect(page.locator('html')).toHaveAttribute('data-enhanced', 'true')
  const field = page.getByRole('searchbox', { name: messages('de', 'search').label })
  const entries = await page.evaluate(() => history.length)
  await field.pressSequentially('Fahrrad', { delay: 40 })
  await expect(page).toHaveURL(/q=Fahrrad/)
  await expect(page.locator('.hits > li').first()).toBeVisible()
  // The field keeps focus and its text while results arrive.
  await expect(field).toBeFocused()
  await expect(field).toHaveValue('Fahrrad')
  await expect(page.getByRole('status')).toContainText('Treffer')
  // The page was not loaded anew, typing added no step to Back, and the language links
  // carry the new query along.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
  expect(await page.evaluate(() => history.length)).toBe(entries)
  await expect(page.locator('.locale-switcher a[hreflang="ar"]')).toHaveAttribute('href', /^\/ar\/search\?q=Fahrrad(&|$)/)
})

test('with JavaScript, Back undoes a filter and stays on the search page', async ({ page }) => {
  const de = messages('de', 'search')
  await page.goto('/de/search?q=Deutsch')
  await expect(page.locator('html')).toHaveAttribute('data-enhanced', 'true')
  await expect(page.locator('.hits > li').first()).toBeVisible()
  const facet = page.locator('.facets details').filter({ hasText: de.facets.district })
  if (!(await facet.getAttribute('open'))) await facet.locator('summary').click()
  await facet.getByRole('checkbox').first().check()
  await expect(page).toHaveURL(/district=/)
  // The box just checked keeps the focus in the new results' filters.
  await expect(facet.getByRole('checkbox').first()).toBeFocused()
  await page.goBack()
  await expect(page).toHaveURL(/\/de\/search\?q=Deutsch$/)
  await expect(page.locator('.facets').getByRole('checkbox', { checked: true })).toHaveCount(0)
})

test('GET /api/search answers JSON, and 400 with a message for bad parameters', async ({ request }) => {
  const ok = await request.get('/api/search?q=Deutschkurs&lang=uk&kind=posting&perPage=5')
  expect(ok.status()).toBe(200)
  const body = await ok.json()
  expect(body).toMatchObject({ engine: 'embedded', page: 1, perPage: 5 })
  expect(body.hits.length).toBeGreaterThan(0)
  expect(body.hits[0].url).toMatch(/^\/uk\/postings\//)
  const bad = await request.get('/api/search?perPage=500')
  expect(bad.status()).toBe(400)
  expect(await bad.json()).toEqual({ error: 'perPage is at most 100' })
})
