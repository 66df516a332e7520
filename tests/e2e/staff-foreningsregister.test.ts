import { loginAs } from './case-handling.ts'
import { expect, test } from './fixtures.ts'

// The seed (tests/e2e/seed-associations.ts) filed Tyresö Bollklubb twice: first by the chair Eva Ek, then by
// the treasurer Bo Ek with a new chair and more members.

test('staff search the register of associations and read what each application changed', async ({ page, axe }) => {
  await loginAs(page, axe, 'anna')
  await page.getByRole('navigation', { name: 'Servicecenter' }).getByRole('link', { name: 'Föreningsregister' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Föreningsregister' })).toBeVisible()
  await axe()

  await page.getByRole('button', { name: 'Sök' }).click()
  await expect(page.locator('.error-summary')).toContainText('Skriv minst två tecken att söka efter')
  await expect(page).toHaveTitle(/^Fel: /)
  await axe()

  // By the organisationsnummer written without its dash, then by part of the name.
  await page.getByLabel('Sök förening').fill('8020051952')
  await page.getByRole('button', { name: 'Sök' }).click()
  await expect(page.getByRole('status')).toHaveText('1 förening')
  await axe()
  await page.getByLabel('Sök förening').fill('bollklu')
  await page.getByRole('button', { name: 'Sök' }).click()
  await expect(page.getByRole('row', { name: /Tyresö Bollklubb 802005-1952 Tyresö/ })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Tyresö Bollklubb' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Tyresö Bollklubb' })).toBeVisible()
  await axe()
  const details = page.locator('.summary-list')
  await expect(details.getByRole('definition').filter({ hasText: 'Ali Ny' })).toBeVisible()
  await expect(details).toContainText('Idrottsvägen 1, 135 40 Tyresö')
  const history = page.locator('.association-history > li')
  await expect(history).toHaveCount(2)
  // Newest first: the treasurer's filing changed the chair and the member count, and nothing else.
  await expect(history.first().getByRole('heading')).toContainText('Bo Ek, kassör')
  await expect(history.first().getByRole('listitem')).toHaveText(['Ordförande: namn: Eva Ek → Ali Ny', 'Antal medlemmar: 120 → 130'])
  await expect(history.last().getByRole('heading')).toContainText('Eva Ek, ordförande')
  await expect(history.last()).toContainText('Föreningens namn: Tyresö Bollklubb')

  // Each change links to the application it came from.
  const number = (await history.first().getByRole('link').textContent())!.trim()
  expect(number).toMatch(/^FORB-\d{4}-\d{6}$/)
  await history.first().getByRole('link', { name: number }).click()
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible()
  await axe()
})

test('a department user does not get the register', async ({ page, axe }) => {
  await loginAs(page, axe, 'sbf')
  await expect(page.getByRole('link', { name: 'Föreningsregister' })).toHaveCount(0)
  expect((await page.goto('/servicecenter/foreningar'))?.status()).toBe(404)
  await axe()
  expect((await page.goto('/servicecenter/foreningar/802005-1952'))?.status()).toBe(404)
  await axe()
})
