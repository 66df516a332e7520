import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#server/demo-accounts.ts'

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
    // One browser context with JavaScript for every copy a test without it checks: a context per check
    // cost seconds on a loaded machine.
    let copies: BrowserContext | undefined
    await use(async (p = page) => {
      await p.waitForLoadState('domcontentloaded')
      const { url, problems } = javaScriptEnabled
        ? { url: p.url(), problems: await problemsOf(p) }
        : await analyseCopy(p, (copies ??= await browser.newContext({ javaScriptEnabled: true })))
      expect(problems, `axe on ${url}`).toEqual([])
      checked.add(key(url))
    })
    await copies?.close()
    const missed = [...visited].filter((u) => !checked.has(u))
    expect(missed, 'pages visited without an axe check').toEqual([])
  },
})

// Legacy mode runs axe in the page itself. Otherwise @axe-core/playwright opens a blank page per check to merge
// the frames' results, which took ten seconds a check on a loaded machine; the portal's frames (the staff
// attachment viewer) are same-origin, which legacy mode still checks.
const analyse = (p: Page) => new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze()

/**
 * Documents this worker has already found free of violations, by structure. Journeys pass the same pages
 * again and again (the login page, an e-service's start page, the queue); axe takes seconds a page on two
 * cores, and its verdict depends only on the markup, the styles and the window, so an identical document
 * in an identical window is not checked twice. Only text and values may differ (digits, tokens), never an
 * element, an id, a role, a class or an ARIA attribute.
 */
const passed = new Set<string>()

async function problemsOf(p: Page): Promise<string[]> {
  const structure = await p.evaluate(() => {
    // Copied into a document with no window: an <img> whose src is rewritten below must not load (map tiles).
    const inert = document.implementation.createHTMLDocument('')
    const copy = inert.importNode(document.documentElement, true)
    const vary = (v: string) => v.replace(/[A-Za-z0-9_-]{16,}/g, 'T').replace(/\d/g, '0')
    const texts = inert.createTreeWalker(copy, NodeFilter.SHOW_TEXT)
    for (let n = texts.nextNode(); n; n = texts.nextNode()) n.nodeValue = vary(n.nodeValue ?? '')
    for (const el of copy.querySelectorAll('*')) {
      for (const name of ['value', 'href', 'action', 'src', 'nonce', 'content', 'datetime', 'title', 'alt']) {
        const v = el.getAttribute(name)
        if (v !== null) el.setAttribute(name, vary(v))
      }
    }
    return `${window.innerWidth}x${window.innerHeight}:${copy.outerHTML}`
  })
  const id = createHash('sha256').update(structure).digest('hex')
  if (passed.has(id)) return []
  const results = await analyse(p)
  const problems = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  if (!problems.length) passed.add(id)
  return problems
}

/**
 * axe runs as a script, which a page without JavaScript cannot run: check an exact copy of that
 * page's HTML, served at the same URL (so styles load) but with every script blocked.
 */
async function analyseCopy(p: Page, context: BrowserContext) {
  const { url, html } = await settledContent(p)
  const copy = await context.newPage()
  await copy.route(url, (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': "script-src 'none'" } }))
  await copy.goto(url)
  try {
    return { url, problems: await problemsOf(copy) }
  } finally {
    await copy.close()
  }
}

/**
 * The HTML and URL of one loaded document. A page that reloads itself (the BankID page's meta refresh
 * without JavaScript) may be between two documents when asked: then the next one is waited for.
 */
async function settledContent(p: Page): Promise<{ url: string; html: string }> {
  for (;;) {
    const url = p.url()
    const html = await p.content().catch((e: unknown) => {
      if (e instanceof Error && /navigating/.test(e.message)) return null
      throw e
    })
    if (html !== null && p.url() === url) return { url, html }
    await p.waitForLoadState('domcontentloaded')
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

/** The demo data's logins (server/demo-accounts.ts): a handläggare on the servicecenter and teknik teams, and an admin. */
export type StaffLogin = { email: string; password: string }
export const DEMO_STAFF: StaffLogin = { email: DEMO_ACCOUNTS.handlaggare.email, password: DEMO_PASSWORD }
export const DEMO_ADMIN: StaffLogin = { email: DEMO_ACCOUNTS.admin.email, password: DEMO_PASSWORD }

/** Logs a demo account in (the handläggare unless told) and lands on the queue. */
export async function loginStaff(page: Page, axe: (p?: Page) => Promise<void>, who: StaffLogin = DEMO_STAFF) {
  await page.goto('/servicecenter/logga-in')
  await axe(page)
  await page.getByLabel('E-postadress').fill(who.email)
  await page.getByLabel('Lösenord').fill(who.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { name: 'Inkomna ärenden' })).toBeVisible()
  await axe(page)
}
