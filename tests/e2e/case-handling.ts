import type { Browser, Page } from '@playwright/test'
import { DEMO_ADMIN, expect, loginStaff } from './fixtures.ts'
import { E2E_PASSWORD, E2E_STAFF, type E2EStaffKey } from './case-handling-data.ts'

export type Axe = (p?: Page) => Promise<void>

/** Logs a seeded staff member in and lands on the queue (axe-checked on the way). */
export async function loginAs(page: Page, axe: Axe, who: E2EStaffKey) {
  await page.goto('/servicecenter/logga-in')
  await axe(page)
  await page.getByLabel('E-postadress').fill(E2E_STAFF[who].email)
  await page.getByLabel('Lösenord').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { name: 'Inkomna ärenden' })).toBeVisible()
  await axe(page)
}

/**
 * A second person in their own browser context. Its pages are checked with axe directly (the fixture's
 * bookkeeping follows only the test's main page).
 */
export async function otherBrowser(browser: Browser, axe: Axe, who: E2EStaffKey) {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await loginAs(page, axe, who)
  return { page, close: () => context.close() }
}

/**
 * Registers a felanmälan on a citizen's behalf (staff's one-page form) and lands on its case page, where the
 * case is already claimed by whoever registered it. Returns the new case's number.
 */
export async function registerFault(page: Page, axe: Axe, opts: {
  channel?: string; description: string; email?: string; name?: string; personnummer?: string; onPage?: boolean
}) {
  if (!opts.onPage) {
    await page.goto('/servicecenter/registrera')
    await axe(page)
    await page.getByRole('link', { name: 'Felanmälan' }).click()
  }
  await expect(page.getByRole('heading', { name: 'Felanmälan', level: 1 })).toBeVisible()
  await axe(page)
  await page.getByRole('group', { name: 'Hur kom ärendet in?' }).getByLabel(opts.channel ?? 'Telefon').check()
  // Felanmälan asks for a name itself, so staff type it there, once (not also as "Medborgarens namn").
  if (opts.name) await page.getByLabel('Namn (frivilligt)', { exact: true }).fill(opts.name)
  // With a personnummer the case shows on the citizen's Mina sidor.
  if (opts.personnummer) await page.getByLabel('Medborgarens personnummer (frivilligt)').fill(opts.personnummer)
  await page.getByLabel('Gatubelysning').check()
  await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort').fill('Tyresö')
  await page.getByLabel('Beskrivning', { exact: true }).fill(opts.description)
  if (opts.email) {
    await page.getByLabel('Jag vill ha återkoppling').check()
    await page.getByRole('textbox', { name: 'E-post (frivilligt)' }).fill(opts.email)
  }
  await page.getByRole('button', { name: 'Registrera ärendet' }).click()
  await expect(page.locator('h1')).toHaveText(/^FEL-\d{4}-\d{6}$/)
  await axe(page)
  return (await page.locator('h1').textContent())!
}

/** An e-mail to the citizen reached the development catcher through the outbox (seen by the demo admin on Utkorg). */
export async function expectMailCaught(browser: Browser, axe: Axe, mail: { subject: string; to?: string }) {
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const adminPage = await admin.newPage()
  try {
    await loginStaff(adminPage, axe, DEMO_ADMIN)
    await expect(async () => {
      await adminPage.goto('/servicecenter/utkorg')
      await expect(adminPage.locator('.caught-list')).toContainText(mail.subject)
    }).toPass({ timeout: 20_000 })
    if (mail.to) await expect(adminPage.locator('table').first()).toContainText(mail.to)
    await axe(adminPage)
  } finally {
    await admin.close()
  }
}
