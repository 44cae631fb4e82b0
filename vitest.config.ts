import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{app,db,search,server,scripts,tests/unit}/**/*.test.ts'],
    setupFiles: ['tests/setup/vitest.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
})
