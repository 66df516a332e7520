import { readFileSync } from 'node:fs'
import postgres from 'postgres'
import type { Browser, Page } from '@playwright/test'
import { DEMO_ADMIN, DEMO_STAFF, expect, type StaffLogin } from './fixtures.ts'

type Axe = (page?: Page) => Promise<void>

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)

/** The database the portal under test uses (tests/e2e/server.ts writes where it is). */
export function portalDb(port = E2E_PORT) {
  const url = readFileSync(`.data/e2e-${port}.db-url`, 'utf8').trim()
  return postgres(url, { max: 1, onnotice: () => {} })
}

/** A name no other test running at the same time uses, so tests can find their own rows. */
export const unique = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 7)}`

export async function staffLogin(page: Page, axe: Axe, to: string, who: StaffLogin = DEMO_STAFF) {
  await page.goto(`/servicecenter/logga-in?till=${encodeURIComponent(to)}`)
  await axe(page)
  await page.getByLabel('E-postadress').fill(who.email)
  await page.getByLabel('Lösenord').fill(who.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/?]/g, '\\$&')}$`))
}

/** An admin (the demo admin) makes a one-time enrolment code for a kiosk at `location`. */
export async function createEnrolmentCode(browser: Browser, axe: Axe, opts: { location: string; name: string; baseURL?: string }) {
  const context = await browser.newContext(opts.baseURL ? { baseURL: opts.baseURL } : {})
  const admin = await context.newPage()
  await staffLogin(admin, axe, '/servicecenter/kiosker', DEMO_ADMIN)
  await axe(admin)
  await admin.getByLabel(opts.location).check()
  await admin.getByLabel('Namn på kunddatorn').fill(opts.name)
  await admin.getByRole('button', { name: 'Skapa engångskod' }).click()
  const code = (await admin.locator('.kiosk-code').textContent())!.trim()
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  await axe(admin)
  return { code, admin, close: () => context.close() }
}

/** Makes `page`'s browser a kiosk at `location` through the admin page and /kiosk/enrol. */
export async function enrolKiosk(page: Page, browser: Browser, axe: Axe, opts: { location: string; name: string; baseURL?: string }) {
  const { code, admin, close } = await createEnrolmentCode(browser, axe, opts)
  await page.goto(`${opts.baseURL ?? ''}/kiosk/enrol`)
  await axe(page)
  await page.getByLabel('Engångskod').fill(code.toLowerCase())
  await page.getByRole('button', { name: 'Registrera' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible()
  await axe(page)
  return { code, admin, close }
}

/** Fills in a felanmälan from the kiosk start screen up to "Kontrollera dina svar". */
export async function fillFelanmalan(page: Page, axe: Axe, description: string) {
  await page.getByRole('link', { name: /Felanmälan/ }).click()
  // The click returns before the navigation: wait for the start page, or axe checks the page before it.
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
  await axe(page)
  await page.getByRole('link', { name: 'Starta' }).click()
  await expect(page.getByText('Steg 1 av 4')).toBeVisible()
  await page.getByLabel('Gatubelysning').check()
  await axe(page)
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort').fill('Tyresö')
  await axe(page)
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await page.getByLabel('Beskrivning').fill(description)
  await axe(page)
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe(page)
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe(page)
}

/** A branch-library staff member at `location`, straight into the portal's database (quicker than /servicecenter/personal, which staff-admin.test.ts covers). */
export const createLibraryStaff = (location: string) => createStaffAccount('bibliotek', location)

/** A staff account of `role` (a unique name and e-mail), straight into the portal's database. */
export async function createStaffAccount(role: string, location: string | null = null) {
  const { hash } = await import('@node-rs/argon2')
  const who = { email: `${unique(role).replace(' ', '-')}@demo.invalid`, password: 'ett långt lösenord', name: unique(role === 'bibliotek' ? 'Bibliotekarie' : 'Personal') }
  const db = portalDb()
  try {
    await db`insert into staff (email, name, role, password_hash, location) values (${who.email}, ${who.name}, ${role}, ${await hash(who.password)}, ${location})`
  } finally {
    await db.end()
  }
  return who
}
