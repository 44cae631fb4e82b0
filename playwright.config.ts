import fs from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh database seeded with the demo municipality, served from the production build.
    command: 'rm -rf tests/.tmp/e2e && npm run serve',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_PATH: 'tests/.tmp/e2e/treffpunkt.db',
      OUTBOX_DIR: 'tests/.tmp/e2e/outbox',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // Tests speak as many clients through X-Forwarded-For; the limits themselves stay real.
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    },
  },
})
