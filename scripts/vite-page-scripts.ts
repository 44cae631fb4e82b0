import path from 'node:path'
import { build as esbuild } from 'esbuild'
import type { Plugin } from 'vite'

/**
 * `import src from './x.ts?script'`: the URL of a small standalone browser script, for a
 * page's `<script type="module" src>`. The pages are not hydrated (ADR 018): the few that
 * improve with JavaScript load their own script and nothing else. A build bundles and
 * minifies it into a hashed asset; the development server serves the source, which Vite
 * compiles on request.
 */
export function pageScripts(): Plugin {
  let serve = false
  let root = ''
  let base = '/'
  return {
    name: 'treffpunkt:page-scripts',
    configResolved(config) {
      serve = config.command === 'serve'
      root = config.root
      base = config.base
    },
    // The same public URL in the browser's build and the server's (not a file: URL there).
    resolveFileUrl({ fileName }) {
      return JSON.stringify(`${base}${fileName}`)
    },
    async load(id) {
      if (!id.endsWith('?script')) return null
      const file = id.slice(0, -'?script'.length)
      if (serve) return `export default ${JSON.stringify(`/${path.relative(root, file)}`)}`
      const result = await esbuild({ entryPoints: [file], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false })
      const ref = this.emitFile({ type: 'asset', name: `${path.basename(file, '.ts')}.js`, source: result.outputFiles[0].text })
      return `export default import.meta.ROLLUP_FILE_URL_${ref}`
    },
  }
}
