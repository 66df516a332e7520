import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3210)
// Debian's Chromium on CI and these machines; Playwright's own browser on a developer laptop. Debian's headless
// shell first: the same engine without the full browser's window machinery, and the end-to-end run is about a
// sixth shorter with it on two cores (ADR 025).
const executablePath = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p))

export default defineConfig({
  testDir: 'tests/e2e',
  globalTeardown: './tests/e2e/teardown.ts',
  testMatch: '**/*.test.ts',
  // A hang detector, not a speed target: the longest journeys (a citizen and staff in two browsers, axe on
  // every page) take minutes when the machine is shared with other work.
  timeout: 300_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // CI has two cores, which the portal, PostgreSQL and Chromium already share: a second test worker only
  // makes every test slower and the waits tighter (ADR 025).
  // Two workers on CI's two cores: one made the whole run pass 30 minutes (ADR 025); waits are for events, not time.
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    // Most citizens file from a phone: the citizen journeys run on a phone-sized screen.
    { name: 'phone', use: { ...devices['Pixel 7'], defaultBrowserType: 'chromium' }, testIgnore: ['**/staff*.test.ts', '**/kiosk*.test.ts'] },
    { name: 'desktop', use: { ...devices['Desktop Chrome'] }, testMatch: '**/staff*.test.ts' },
    // Kiosk computers (issue 6): a touch screen on a stand in the servicecenter or a library.
    { name: 'kiosk', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 1024 }, hasTouch: true }, testMatch: '**/kiosk*.test.ts' },
  ],
  webServer: {
    command: './node_modules/.bin/tsx tests/e2e/server.ts',
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    // Migrations and the seed (argon2 hashes of every test account) before the first answer: slow when busy.
    timeout: 300_000,
    env: { PORT: String(PORT) },
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
