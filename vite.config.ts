import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import { pageScripts } from './scripts/vite-page-scripts'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// Server-only code (the database, the search engines) must never reach the browser bundle.
const serverOnly = [/^better-sqlite3$/, /^meilisearch$/, /^#(db|search)\//, /(^|\/)(db|search)\//]

export default defineConfig({
  server: { port: 3000 },
  build: { target: 'es2022' },
  plugins: [
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
    pageScripts(),
    {
      name: 'treffpunkt:deny-server-imports-in-client',
      enforce: 'pre',
      resolveId(source, importer, options) {
        if (options?.ssr || !importer) return null
        if (importer.includes('node_modules')) return null
        if (serverOnly.some((pattern) => pattern.test(source)) && !importer.endsWith('.server.ts')) {
          this.error(`server-only module "${source}" imported by client code in ${importer}`)
        }
        return null
      },
    },
  ],
})
