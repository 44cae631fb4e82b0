import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, locales, pageTypes, test } from './fixtures'

const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')

type VnuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string }

/**
 * The bytes of every page type in every locale: no NUL byte anywhere (React 18's streaming
 * renderer leaked them at 2,048-byte boundaries when a multi-byte character did not fit;
 * the pages are now rendered to a string), and valid HTML by the Nu HTML Checker, which
 * sees the document up to `</html>`.
 */
for (const lng of locales) {
  test(`pages in ${lng} are clean bytes and valid HTML`, async ({ request }, testInfo) => {
    const dir = testInfo.outputPath('pages')
    fs.mkdirSync(dir, { recursive: true })
    const files: string[] = []
    for (const [name, pagePath, status] of pageTypes) {
      const response = await request.get(`/${lng}${pagePath}`)
      expect(response.status(), name).toBe(status)
      const bytes = await response.body()
      expect(bytes.length, name).toBeGreaterThan(0)
      expect(bytes.indexOf(0), `${name}: first NUL byte`).toBe(-1)
      const html = bytes.toString('utf8')
      const end = html.indexOf('</html>')
      expect(end, name).toBeGreaterThan(0)
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`)
      fs.writeFileSync(file, html.slice(0, end + '</html>'.length))
      files.push(file)
    }
    // The lists and searches cross several 2,048-byte boundaries, or the check above proves little.
    expect(Math.max(...files.map((file) => fs.statSync(file).size))).toBeGreaterThan(8 * 2048)

    // The checker writes its JSON report to standard error.
    const run = spawnSync('java', ['-jar', vnu, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8' })
    expect(run.error, 'the Nu HTML Checker needs Java').toBeUndefined()
    const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] }
    expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message}`)).toEqual([])
  })
}
