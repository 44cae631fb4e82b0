import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * `npm run test:meilisearch`: the shared search contract (search/contract/) against the
 * Meilisearch server at MEILI_URL, with fallback off, so every answer that differs from
 * the embedded engine's fails (docs/meilisearch.md). Without MEILI_URL it says so and
 * succeeds; a server that cannot be reached, or one older than we support, fails.
 */
const oldestSupported = [1, 18] as const
const url = process.env.MEILI_URL
if (!url) {
  console.log('test:meilisearch: SKIPPED, MEILI_URL is not set (e.g. MEILI_URL=http://127.0.0.1:7700 npm run test:meilisearch; see docs/meilisearch.md)')
  process.exit(0)
}

let version: string
try {
  const headers: Record<string, string> = process.env.MEILI_API_KEY ? { authorization: `Bearer ${process.env.MEILI_API_KEY}` } : {}
  const response = await fetch(new URL('/version', url), { headers, signal: AbortSignal.timeout(5_000) })
  if (!response.ok) throw new Error(`GET /version answered ${response.status}`)
  version = ((await response.json()) as { pkgVersion: string }).pkgVersion
} catch (error) {
  console.error(`test:meilisearch: FAILED, no Meilisearch answers at ${url}: ${(error as Error).message}`)
  process.exit(1)
}

const [major, minor] = version.split('.').map(Number)
if (major < oldestSupported[0] || (major === oldestSupported[0] && minor < oldestSupported[1])) {
  console.error(`test:meilisearch: FAILED, Meilisearch ${version} at ${url} is older than ${oldestSupported.join('.')}, the oldest Treffpunkt supports (docs/meilisearch.md)`)
  process.exit(1)
}

console.log(`test:meilisearch: the search contract against Meilisearch ${version} at ${url}`)
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
const { status } = spawnSync(process.execPath, [vitest, 'run', 'search/meilisearch/contract.test.ts'], { stdio: 'inherit', env: process.env })
process.exit(status ?? 1)
