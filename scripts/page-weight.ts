import zlib from 'node:zlib'

/**
 * Page weight as a phone on a slow network sees it: the HTML and every stylesheet,
 * script and module preload it references, each gzipped. Usage:
 *   npm run bench:weight -- http://localhost:3000/ar http://localhost:3000/ar/postings/p-001
 */
const urls = process.argv.slice(2)
if (urls.length === 0) {
  console.error('usage: npm run bench:weight -- URL [URL …]')
  process.exit(2)
}

const gzip = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 6 }).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`

for (const url of urls) {
  const response = await fetch(url)
  const html = Buffer.from(await response.arrayBuffer())
  const text = html.toString('utf8')
  const assets = new Set<string>()
  for (const match of text.matchAll(/<(?:link|script)[^>]+(?:href|src)="([^"]+)"/g)) {
    if (/\.(css|js)$/.test(match[1])) assets.add(new URL(match[1], url).href)
  }
  // Module imports inside the inline bootstrap script.
  for (const match of text.matchAll(/import\s*(?:\(|[^'"]*from\s*)?["'](\/assets\/[^"']+\.js)["']/g)) {
    assets.add(new URL(match[1], url).href)
  }
  const sizes = { html: gzip(html), css: 0, js: 0 }
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(asset)).arrayBuffer())
    sizes[asset.endsWith('.css') ? 'css' : 'js'] += gzip(body)
  }
  console.log(
    `${url}: HTML ${kb(sizes.html)}, CSS ${kb(sizes.css)}, JS ${kb(sizes.js)} (${assets.size} files), ` +
      `total ${kb(sizes.html + sizes.css + sizes.js)} gzipped`,
  )
}
