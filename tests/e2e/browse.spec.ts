import fs from 'node:fs'
import { demo, expect, postingIn, postingOnlyIn, sourceNote, test } from './fixtures'

const messages = (lng: string, ns: string) => JSON.parse(fs.readFileSync(`locales/${lng}/${ns}.json`, 'utf8'))
const categoryLabel = (id: string, lng: string) => demo.categories.find((c) => c.id === id)!.label[lng]

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    for (const lng of ['de', 'ar', 'uk']) {
      test(`browse home → category → posting → organisation → group in ${lng}`, async ({ page }) => {
        const common = messages(lng, 'common')
        await page.goto(`/${lng}`)
        await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr')

        const label = categoryLabel('language', lng)
        await page.getByRole('link', { name: new RegExp(`^${label}`) }).first().click()
        await expect(page).toHaveURL(`/${lng}/categories/language`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(label)

        const posting = page.locator(`.cards .card-title a[href^="/${lng}/postings/"]`).first()
        const title = (await posting.innerText()).trim()
        await posting.click()
        await expect(page).toHaveURL(new RegExp(`/${lng}/postings/[^/]+$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

        const organisation = page.locator('dl.details a[href*="/organisations/"]')
        const name = (await organisation.innerText()).trim()
        await organisation.click()
        await expect(page).toHaveURL(new RegExp(`/${lng}/organisations/[^/]+$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)

        await page.getByRole('navigation', { name: common.nav.main }).getByRole('link', { name: common.nav.groups }).click()
        await expect(page).toHaveURL(`/${lng}/groups`)
        // With JavaScript the address changes before the new list is on the page: take a group's link, not the last page's card.
        const group = page.locator(`.cards .card-title a[href^="/${lng}/groups/"]`).first()
        const groupName = (await group.innerText()).trim()
        await group.click()
        // Wait for the navigation, not for time: with JavaScript the list's heading stays until it lands.
        await expect(page).toHaveURL(new RegExp(`/${lng}/groups/[^/]+$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(groupName)
        await expect(page.getByRole('heading', { level: 2, name: messages(lng, 'groups').detail.nextDates })).toBeVisible()
        // The next six dates, each a link to its session (sign-up and free places).
        await expect(page.locator('ul.dates a time')).toHaveCount(6)
      })
    }

    test('filters live in the URL and work as a plain GET form', async ({ page }) => {
      await page.goto('/de/offers')
      await page.getByLabel('Kategorie').selectOption('language')
      await page.getByRole('button', { name: 'Anzeigen' }).click()
      await expect(page).toHaveURL(/\/de\/offers\?category=language/)
      // The URL changes before the new page is parsed: wait for its list.
      await expect(page.locator('.cards > li').first()).toBeVisible()
      const count = await page.locator('.cards > li').count()
      expect(count).toBeGreaterThan(0)
      // Every card names "Sprache" or one of its sub-categories.
      const labels = demo.categories.filter((c) => c.id === 'language' || c.parent === 'language').map((c) => c.label.de)
      for (const meta of await page.locator('.cards .meta').allInnerTexts()) {
        expect(labels.some((label) => meta.includes(label)), meta).toBe(true)
      }
    })
  })
}

// With JavaScript, a switch must leave no string of the old language behind: the switched
// page reads exactly as the same address loaded afresh in the new language.
for (const [from, to, name] of [
  [`/de/postings/${postingIn('de', 'ar').id}`, 'ar', 'العربية'],
  ['/de/offers', 'tr', 'Türkçe'],
  ['/ar/groups', 'de', 'Deutsch'],
] as const) {
  test(`switching ${from} to ${to} switches every string on the page`, async ({ page, context }) => {
    await page.goto(from)
    // The header's language menu opens to the other languages.
    await page.locator('.locale-menu summary').click()
    await page.getByRole('link', { name, exact: true }).click()
    const target = from.replace(/^\/[a-z]{2}/, `/${to}`)
    await expect(page).toHaveURL(target)
    await expect(page.locator('html')).toHaveAttribute('lang', to)
    const fresh = await context.newPage()
    await fresh.goto(target)
    const expected = await fresh.locator('body').innerText()
    await expect(page.locator('body')).toHaveText(expected, { useInnerText: true })
    const nav = messages(to, 'common').nav
    await expect(page.getByRole('navigation', { name: nav.main })).toHaveText([nav.offers, nav.needs, nav.organisations, nav.groups].join(''))
  })
}

test('a posting without an Arabic translation shows its German text, labelled', async ({ page }) => {
  const posting = postingOnlyIn('de')
  await page.goto(`/ar/postings/${posting.id}`)
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(posting.title.de)
  await expect(heading).toHaveAttribute('lang', 'de')
  await expect(heading).toHaveAttribute('dir', 'auto')
  await expect(page.locator('.source-note').first()).toHaveText(sourceNote('ar', 'de'))
})

test('an Arabic-only posting in the German interface is marked as Arabic', async ({ page }) => {
  const posting = postingOnlyIn('ar')
  await page.goto(`/de/postings/${posting.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ar')
  await expect(page.locator('.source-note').first()).toHaveText(sourceNote('de', 'ar'))
})
