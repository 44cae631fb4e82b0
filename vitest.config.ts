import { defineConfig } from 'vitest/config'
import { pageScripts } from './scripts/vite-page-scripts'

export default defineConfig({
  plugins: [pageScripts()],
  test: {
    include: ['{app,db,search,server,scripts,tests/unit}/**/*.test.ts'],
    setupFiles: ['tests/setup/vitest.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
})
