import { chromium, type Page } from 'playwright-core'
import { startBenchServer } from './bench/server'

/**
 * A cheap phone on a slow line (docs/performance.md):
 *   npm run bench:phone -- [--runs 5]
 * Chromium at 360 × 740 with 4× CPU slowdown on simulated slow 4G (150 ms latency,
 * 1.6 Mbit/s down, 750 kbit/s up), a first visit each time (empty cache), against the
 * production server on a fresh demo database. Prints the largest contentful paint of the
 * Arabic home page and an Arabic search, and the JavaScript a first visit receives (bytes
 * on the wire, i.e. compressed).
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const runs = arg('runs', 5)
const { base, stop } = await startBenchServer({ postings: 0, port: arg('port', 3401) })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })

type Visit = { lcp: number; js: number; total: number }
async function firstVisit(url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ar' })
  const page: Page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  const types = new Map<string, string>()
  let js = 0
  let total = 0
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type))
  cdp.on('Network.loadingFinished', (event) => {
    total += event.encodedDataLength
    if (types.get(event.requestId) === 'Script') js += event.encodedDataLength
  })
  // LCP is final once the network is quiet (no input happened).
  await page.goto(`${base}${url}`, { waitUntil: 'networkidle' })
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries()
          resolve(entries[entries.length - 1].startTime)
        }).observe({ type: 'largest-contentful-paint', buffered: true })
      }),
  )
  await context.close()
  return { lcp, js, total }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const pages = [
  { name: 'home /ar', url: '/ar' },
  { name: 'search /ar/search?q=ترجمة', url: `/ar/search?q=${encodeURIComponent('ترجمة')}` },
]
console.log(`bench:phone: 360 × 740, 4× CPU slowdown, 150 ms latency, 1.6 Mbit/s down; first visits, median of ${runs}`)
console.log('| page | LCP median ms | LCP worst ms | JavaScript on the wire | everything on the wire |')
console.log('|---|---|---|---|---|')
for (const page of pages) {
  const visits: Visit[] = []
  for (let run = 0; run < runs; run++) visits.push(await firstVisit(page.url))
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  console.log(`| ${page.name} | ${median(visits.map((v) => v.lcp)).toFixed(0)} | ${Math.max(...visits.map((v) => v.lcp)).toFixed(0)} | ${kb(median(visits.map((v) => v.js)))} | ${kb(median(visits.map((v) => v.total)))} |`)
}
await browser.close()
stop()
process.exit(0)
