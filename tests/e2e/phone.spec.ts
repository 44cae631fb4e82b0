import { expect, locales, test } from './fixtures'

test.use({ viewport: { width: 320, height: 640 } })

// WCAG 1.4.10 Reflow: at 320 CSS pixels nothing may push the page sideways.
for (const lng of locales) {
  test(`no page scrolls sideways at 320 px in ${lng}`, async ({ page }) => {
    const wide: string[] = []
    // The second page of all offers holds cards with long German compounds in narrow cards.
    for (const path of ['', '/offers', '/search?q=kurs', '/search?type=offer&page=2', '/login', '/postings/does-not-exist']) {
      await page.goto(`/${lng}${path}`)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (overflow > 0) wide.push(`${path || '/'}: ${overflow} px`)
    }
    expect(wide).toEqual([])
    // The positive control: the header's search field is there and usable.
    await page.goto(`/${lng}`)
    expect((await page.locator('#header-q').boundingBox())!.width).toBeGreaterThan(100)
  })
}

// 200 % zoom of a 1280 × 800 window: 640 × 400 CSS pixels at twice the density.
test.describe('at 200 % zoom', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })
  test('no page scrolls sideways, the skip link stays out of sight until focused, the languages take one line', async ({ page }) => {
    const wide: string[] = []
    for (const lng of locales) {
      for (const path of ['', '/offers', '/groups', '/search?q=kurs']) {
        await page.goto(`/${lng}${path}`)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        if (overflow > 0) wide.push(`/${lng}${path}: ${overflow} px`)
      }
      const skip = page.locator('.skip-link')
      expect((await skip.boundingBox())!.height, lng).toBeLessThanOrEqual(1)
      await page.keyboard.press('Tab')
      await expect(skip).toBeFocused()
      expect((await skip.boundingBox())!.height, lng).toBeGreaterThan(20)
      // The language menu is one line until opened; opened, it offers every other language.
      const summary = page.locator('.locale-menu summary')
      expect((await summary.boundingBox())!.height, lng).toBeLessThan(40)
      await expect(page.locator('.locale-menu a:visible')).toHaveCount(0)
      await summary.click()
      await expect(page.locator('.locale-menu a:visible')).toHaveCount(locales.length - 1)
    }
    expect(wide).toEqual([])
  })
})

test('a whole result card is the link to its posting, not only its title', async ({ page }) => {
  await page.goto('/ar/offers')
  const card = page.locator('.posting-card').first()
  const href = await card.locator('.card-title a').getAttribute('href')
  await card.locator('.meta').scrollIntoViewIfNeeded()
  const box = (await card.locator('.meta').boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(page).toHaveURL(href!)
})
