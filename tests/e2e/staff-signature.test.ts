import type { Page } from '@playwright/test'
import { DEMO_ADMIN, expect, loginStaff, test } from './fixtures.ts'
import { loginAs, type Axe } from './case-handling.ts'
import { JOHAN, logIn } from './citizen.ts'

/** Finds a case by its number and opens it. */
async function openByNumber(page: Page, axe: Axe, number: string) {
  await page.goto('/servicecenter/sok')
  await page.getByLabel('Sök på').fill(number)
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByRole('link', { name: number })).toBeVisible()
  await axe(page)
  await page.getByRole('link', { name: number }).click()
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible()
  await axe(page)
}

test('the staff case page shows the BankID signature; the personnummer in full for a team lead, masked for an administrator', async ({ page, axe, browser }) => {
  // Johan (the simulator's auto-approved person) signs the test-only application in a browser of his own.
  const his = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' })
  const citizen = await his.newPage()
  let number: string
  try {
    await logIn(citizen, (p = citizen) => axe(p), { till: '/e-tjanster/provansokan/arende' })
    await citizen.getByLabel('Ämne').fill('Ansökan som handläggaren ska se underskriften på')
    await citizen.getByLabel('Telefon').fill('070-123 45 67')
    await citizen.getByRole('button', { name: 'Fortsätt', exact: true }).click()
    await citizen.getByRole('link', { name: 'Skriv under med BankID' }).click()
    await citizen.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
    await citizen.waitForURL(/\/kvitto\/SIGN-\d{4}-\d{6}$/, { timeout: 20_000 })
    number = (await citizen.locator('.case-number').textContent())!.trim()
  } finally {
    await his.close()
  }

  await loginAs(page, axe, 'lead')
  await openByNumber(page, axe, number)
  const signature = page.getByRole('region', { name: 'Underskrift med BankID' })
  await expect(signature).toContainText(`${JOHAN.name}, 19860612-9933`)
  await expect(signature.locator('code')).toHaveText(/^[0-9a-f]{64}$/)
  await expect(signature).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)

  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const adminPage = await admin.newPage()
  try {
    await loginStaff(adminPage, axe, DEMO_ADMIN)
    await openByNumber(adminPage, axe, number)
    const masked = adminPage.getByRole('region', { name: 'Underskrift med BankID' })
    await expect(masked).toContainText(`${JOHAN.name}, 19860612-****`)
    await expect(masked).not.toContainText('9933')
  } finally {
    await admin.close()
  }
})
