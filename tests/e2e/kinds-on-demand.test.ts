import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/**
 * A form page brings the code of its questions' kinds, not every kind's (ADR 053): the telephone kind, the personnummer and organisationsnummer checks, the file and giro inputs, the map come only with a
 * page that asks them, before it hydrates or, inside the app, before it is drawn. Without them the page still
 * works, as it does without JavaScript.
 */
const PHONE_CHUNK = /\/assets\/phone-[\w-]{8}\.js$/
// The telephone check with the Nordic numbering plans (10 kB, ADR 054), fetched when a number is typed (ADR 055).
const PHONE_CHECK = /\/assets\/phone-numbers-[\w-]{8}\.js$/
const ADDRESS_CHUNK = /\/assets\/address-[\w-]+\.js$/

function watch(page: Page) {
  const fetched: string[] = []
  const posts: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/assets/')) fetched.push(path)
    if (r.method() === 'POST') posts.push(path)
  })
  return { fetched, posts, count: (chunk: RegExp) => fetched.filter((p) => chunk.test(p)).length }
}
const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'))
const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

const PHONE_INVALID = 'Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67'

/** The page was posted (the count of posts so far) and the server refused the number: its message, what was typed kept. */
async function refusedByServer(page: Page, seen: ReturnType<typeof watch>, posts: number, typed: string, axe: () => Promise<void>) {
  await expect.poll(() => seen.posts.length).toBe(posts)
  await expect(page.locator('.error-summary')).toContainText(PHONE_INVALID)
  await expect(page.getByLabel('Telefon (frivilligt)')).toHaveValue(typed)
  await axe()
}

/** A number that can be called takes the citizen on to check the answers. */
async function acceptedNumber(page: Page, number: string, axe: () => Promise<void>) {
  await page.getByLabel('Telefon (frivilligt)').fill(number)
  await next(page)
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe()
}

/** Felanmälan's first three pages, each checked by axe, to the contact page. */
async function toContactPage(page: Page, axe: () => Promise<void>) {
  await page.goto('/e-tjanster/felanmalan/kategori')
  await hydrated(page)
  await axe()
  await page.getByLabel('Park eller träd').check()
  await next(page)
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning av platsen (frivilligt)').fill('Vid dammen')
  await next(page)
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning', { exact: true }).fill('En gren har fallit.')
  await next(page)
}

test('each page fetches only its own kinds, and the telephone page checks a number in the browser', async ({ page, axe }) => {
  const seen = watch(page)
  await page.goto('/e-tjanster/felanmalan/kategori')
  await hydrated(page)
  await axe()
  // The first page asks only a choice: nothing on demand.
  expect(seen.count(PHONE_CHUNK) + seen.count(ADDRESS_CHUNK)).toBe(0)
  await page.getByLabel('Park eller träd').check()
  await next(page)
  // The place: an address and a point on the map, drawn inside the app once their kinds are here.
  await expect(page.getByRole('heading', { level: 1, name: 'Var är felet?' })).toBeVisible()
  await expect(page.getByRole('application', { name: 'Plats på kartan' })).toBeVisible()
  expect(seen.count(ADDRESS_CHUNK)).toBe(1)
  await axe()
  await page.getByLabel('Beskrivning av platsen (frivilligt)').fill('Vid dammen i parken')
  await next(page)
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning', { exact: true }).fill('En gren har fallit över gångvägen.')
  expect(seen.count(PHONE_CHUNK)).toBe(0)
  await next(page)
  // The contact page asks for a telephone number: the kind comes with it, once; the check only when a number is typed.
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()
  expect(seen.count(PHONE_CHUNK)).toBe(1)
  await page.getByLabel('Jag vill ha återkoppling').check()
  expect(seen.count(PHONE_CHECK)).toBe(0)

  // A number that cannot be called is refused in the browser: the page is not posted.
  await page.getByLabel('Telefon (frivilligt)').fill('070-12')
  const postsBefore = seen.posts.length
  await next(page)
  await expect(page.locator('.error-summary')).toContainText(PHONE_INVALID)
  expect(seen.posts.length).toBe(postsBefore)
  await axe()

  await page.getByLabel('Telefon (frivilligt)').fill('070-123 45 67')
  await next(page)
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(page.locator('main')).toContainText('070-123 45 67')
  await axe()
  expect(seen.count(PHONE_CHUNK)).toBe(1)
  expect(seen.count(PHONE_CHECK)).toBe(1)
  // A citizen's own browser is no kiosk: the kiosk's chrome never came.
  expect(seen.count(/\/assets\/kiosk-chrome-[\w-]+\.js$/)).toBe(0)
})

test('a page opened directly fetches its kinds before it hydrates, checks Nordic numbers in the browser and leaves others to the server', async ({ page, axe }) => {
  await toContactPage(page, axe)
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()

  // A fresh load of the contact page: its kinds are named in the page, fetched, and then it hydrates.
  const seen = watch(page)
  await page.reload()
  await hydrated(page)
  expect(seen.count(PHONE_CHUNK)).toBe(1)
  await expect(page.locator('form[data-field-kinds]')).toHaveAttribute('data-field-kinds', /\bphone\b/)
  await page.getByLabel('Jag vill ha återkoppling').check()
  // Typed and sent at once, before the check has come: the browser waits for it and then refuses the number.
  await page.route(PHONE_CHECK, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    await route.continue()
  })
  await page.getByLabel('Telefon (frivilligt)').fill('070-12')
  await next(page)
  await expect(page.locator('.error-summary')).toContainText(PHONE_INVALID)
  expect(seen.posts).toEqual([])
  expect(seen.count(PHONE_CHECK)).toBe(1)
  await axe()

  // The browser carries the Nordic numbering plans only (ADR 054): a British number goes to the server, which
  // judges it on every country's plan and refuses one that cannot be called, with the same message.
  await page.getByLabel('Telefon (frivilligt)').fill('+44 1234567')
  await next(page)
  await refusedByServer(page, seen, 1, '+44 1234567', axe)
  await acceptedNumber(page, '+44 20 7946 0018', axe)
  await expect(page.locator('main')).toContainText('+44 20 7946 0018')
})

test('without its kinds a page still works: unhydrated on arrival, loaded as a document inside the app', async ({ page, axe }) => {
  // A connection that loses the telephone kind's chunk.
  await page.route(PHONE_CHUNK, (route) => route.abort('connectionfailed'))
  const documents: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname)
  })
  await toContactPage(page, axe)
  // Inside the app the contact page could not be drawn, so it came as a document, not hydrated.
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await expect.poll(() => documents).toContain('/e-tjanster/felanmalan/kontakt')
  await axe()
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(false)

  // The server checks the number instead, and says the same thing.
  await page.getByLabel('Jag vill ha återkoppling').check()
  await page.getByLabel('Telefon (frivilligt)').fill('070-12')
  await next(page)
  await expect(page.locator('.error-summary')).toContainText(PHONE_INVALID)
  await expect(page.getByLabel('Telefon (frivilligt)')).toHaveValue('070-12')
  await axe()
  await acceptedNumber(page, '070-123 45 67', axe)
})

test('a telephone check that cannot be fetched leaves the number to the server', async ({ page, axe }) => {
  const seen = watch(page)
  await page.route(PHONE_CHECK, (route) => route.abort('connectionfailed'))
  await toContactPage(page, axe)
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await hydrated(page)
  await page.getByLabel('Jag vill ha återkoppling').check()
  await page.getByLabel('Telefon (frivilligt)').fill('070-12')
  const postsBefore = seen.posts.length
  await next(page)
  // Posted, and refused by the server with the message the browser would have given.
  await refusedByServer(page, seen, postsBefore + 1, '070-12', axe)
  await acceptedNumber(page, '070-123 45 67', axe)
})
