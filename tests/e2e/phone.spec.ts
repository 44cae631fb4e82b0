import { expect, locales, test } from './fixtures'

test.use({ viewport: { width: 320, height: 640 } })

// WCAG 1.4.10 Reflow: at 320 CSS pixels nothing may push the page sideways.
for (const lng of locales) {
  test(`no page scrolls sideways at 320 px in ${lng}`, async ({ page }) => {
    const wide: string[] = []
    for (const path of ['', '/offers', '/search?q=kurs', '/login', '/postings/does-not-exist']) {
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
