import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Browser, type Page } from '@playwright/test'

/**
 * `page` that remembers every document it showed; `axe(page)` checks the current one against WCAG 2.1
 * A/AA. After each test, every visited page must have been checked: a journey cannot skip a page.
 */
export const test = base.extend<{ axe: (page?: Page) => Promise<void> }>({
  axe: async ({ page, javaScriptEnabled, browser }, use) => {
    const visited = new Set<string>()
    const checked = new Set<string>()
    const key = (url: string) => {
      const u = new URL(url)
      return u.pathname
    }
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(key(frame.url()))
    })
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) throw new Error(`Browser console error: ${msg.text()}`)
    })
    await use(async (p = page) => {
      await p.waitForLoadState('domcontentloaded')
      const results = javaScriptEnabled ? await analyse(p) : await analyseCopy(p, browser)
      const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
      expect(problems, `axe on ${p.url()}`).toEqual([])
      checked.add(key(p.url()))
    })
    const missed = [...visited].filter((u) => !checked.has(u))
    expect(missed, 'pages visited without an axe check').toEqual([])
  },
})

const analyse = (p: Page) => new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()

/**
 * axe runs as a script, which a page without JavaScript cannot run: check an exact copy of that
 * page's HTML, served at the same URL (so styles load) but with every script blocked.
 */
async function analyseCopy(p: Page, browser: Browser) {
  const html = await p.content()
  // Playwright Test gives new contexts the test's options; this one must run axe's script.
  const context = await browser.newContext({ javaScriptEnabled: true })
  const copy = await context.newPage()
  await copy.route(p.url(), (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': "script-src 'none'" } }))
  await copy.goto(p.url())
  try {
    return await analyse(copy)
  } finally {
    await context.close()
  }
}

export { expect }

/** Reads a PDF's text with poppler, as a person reading the receipt would see it. */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'))
  const file = join(dir, 'doc.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

export const DEMO_STAFF = { email: 'handlaggare@demo.invalid', password: 'demo-servicecenter' }

export async function loginStaff(page: Page, axe: (p?: Page) => Promise<void>) {
  await page.goto('/servicecenter/logga-in')
  await axe(page)
  await page.getByLabel('E-postadress').fill(DEMO_STAFF.email)
  await page.getByLabel('Lösenord').fill(DEMO_STAFF.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { name: 'Inkomna ärenden' })).toBeVisible()
  await axe(page)
}
