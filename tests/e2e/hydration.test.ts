import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/**
 * The page the server sent survives hydration in the browser (ADR 052: Preact hydrates what React rendered):
 * the head keeps its style sheet, its one title and the interface texts, the page is not drawn twice, and a
 * page reached inside the app gets its own title. A broken hydration shows up here as a missing style sheet
 * or a second copy of the page, not only as a test that happens to click something unstyled.
 */
const documentState = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    titles: document.querySelectorAll('title').length,
    title: document.title,
    styleSheets: [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname),
    bodies: document.querySelectorAll('body').length,
    mains: document.querySelectorAll('main').length,
    messages: document.querySelectorAll('head link[rel=preload][href^="/i18n/"]').length,
    // The page's scripts are fetched after its look: the module preloads the server sent ask for low priority.
    preloads: document.querySelectorAll('head link[rel=modulepreload]').length,
    eagerPreloads: document.querySelectorAll('head link[rel=modulepreload]:not([fetchpriority=low])').length,
    // Something only app.css draws (the page's font size), so the page is styled, not only linked.
    styled: getComputedStyle(document.body).fontSize === '19px',
  }))

test('a form page keeps its head and its style after hydration, and the next page gets its own title', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kategori')
  // The router exists once the browser's scripts have run and hydrated the page.
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await axe()
  const first = await documentState(page)
  expect(first).toMatchObject({ lang: 'sv', dir: 'ltr', titles: 1, bodies: 1, mains: 1, messages: 1, styled: true, eagerPreloads: 0 })
  expect(first.preloads).toBeGreaterThan(2)
  expect(first.styleSheets).toContain('/styles/app.css')
  expect(first.title).toMatch(/Felanmälan$/)

  // Inside the app: the answer is posted by the router, the next page drawn in the browser.
  await page.getByLabel('Park eller träd').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Var är felet?' })).toBeVisible()
  await expect(page).toHaveTitle('Var är felet? – Felanmälan')
  await axe()
  const next = await documentState(page)
  expect(next).toMatchObject({ lang: 'sv', titles: 1, bodies: 1, mains: 1, messages: 1, styled: true })
  expect(next.styleSheets).toContain('/styles/app.css')
  // The map is drawn only in the browser, and only with its style sheet it has a height.
  const map = page.getByRole('application', { name: 'Plats på kartan' })
  await expect(map).toBeVisible()
  expect((await map.boundingBox())!.height).toBeGreaterThan(100)
})

test('an Arabic page hydrates right to left and stays so', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kategori?lang=ar')
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'))
  await axe()
  const state = await documentState(page)
  expect(state).toMatchObject({ lang: 'ar', dir: 'rtl', titles: 1, bodies: 1, mains: 1, styled: true })
})

test('the interface texts come from a file cached for good, in the page’s language only', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kategori?lang=fi')
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'))
  await axe()
  // Hydrated with the Finnish texts: the page still reads in Finnish after the browser drew it.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi')
  const href = await page.locator('head link[rel=preload][href^="/i18n/"]').getAttribute('href')
  expect(href).toMatch(/^\/i18n\/fi\.[0-9a-z]+\.json$/)
  const html = await (await page.request.get('/e-tjanster/felanmalan/kategori?lang=fi')).text()
  // Not written into the page any more: the skip link's text is in the page once, not again in a catalog.
  expect(html.split('ui.skipLink').length).toBe(1)

  const catalog = await page.request.get(href!)
  expect(catalog.status()).toBe(200)
  expect(catalog.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(catalog.headers()['set-cookie']).toBeUndefined()
  const texts = (await catalog.json()) as Record<string, unknown>
  expect(Object.keys(texts)).toContain('ui.skipLink')
  // An older page's address gets today's texts, not cached; an unknown language nothing.
  const stale = await page.request.get('/i18n/fi.0.json')
  expect(stale.headers()['cache-control']).toBe('no-cache')
  expect((await page.request.get('/i18n/xx.0.json')).status()).toBe(404)
})

test('a page whose texts cannot be fetched is not hydrated and still works as plain HTML', async ({ page, axe }) => {
  await page.route(/\/i18n\/[^/]+\.json$/, (route) => route.abort('connectionfailed'))
  const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/i18n/'))
  await page.goto('/e-tjanster/felanmalan/kategori')
  // The entry asked for the texts, did not get them, and left the page as the server drew it: still in words,
  // not message keys, and not hydrated.
  await failed
  await page.waitForLoadState('networkidle')
  await expect(page.locator('body')).not.toContainText('ui.')
  await axe()
  await expect(page.getByRole('heading', { level: 1, name: 'Vad gäller felet?' })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(false)
  // The form posts to the server as without JavaScript, and the next page comes as a document.
  await page.getByLabel('Park eller träd').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Var är felet?' })).toBeVisible()
  await axe()
})
