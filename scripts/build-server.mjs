// `npm run build`, after the Remix build: our server and `jobs:once` as plain JavaScript in
// build/, so that `npm run serve` runs on Node alone (no TypeScript loader in production).
// Packages stay imports of node_modules; our own code (server/, db/, search/, app/lib) is bundled.
import { build } from 'esbuild'

await build({
  entryPoints: { serve: 'server/index.ts', 'jobs-once': 'scripts/jobs-once.ts' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
