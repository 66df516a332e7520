import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { JOHAN, logIn, MARGARETA, useBankIdOf } from './citizen.ts'
import { applyForMyself, fillAddress, next, receiptPdfText, signAndReceive, startApplication } from './application.ts'

// Trygghetslarm end to end on a phone: BankID login, the completeness errors, prefill from the login,
// signing with the simulator, the receipt and its PDF; a draft resumed after logging in again; and an
// applicant under 65 who is still received and told what happens next (flags never reject).

type Axe = (p?: Page) => Promise<void>

async function home(page: Page, axe: Axe) {
  await expect(page.getByRole('heading', { level: 1, name: 'Bostaden' })).toBeVisible()
  await fillAddress(page)
  await page.getByLabel('Portkod (frivilligt)').fill('4711')
  await page.getByLabel('I eget hus eller egen lägenhet (ordinärt boende)').check()
  await page.getByLabel('Telefonnummer').fill('070-123 45 67')
  await axe()
  await next(page)
}

async function theRest(page: Page, axe: Axe) {
  await expect(page.getByRole('heading', { level: 1, name: 'Nycklar' })).toBeVisible()
  await page.getByLabel('Jag lämnar nycklar').check()
  await page.getByLabel('Jag lämnar en komplett uppsättning nycklar').check()
  await axe()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Kontaktpersoner' })).toBeVisible()
  const first = page.getByRole('group', { name: 'Kontaktperson 1' })
  await first.getByLabel('Namn').fill('Anna Testsson')
  await first.getByLabel('Relation till dig').fill('Dotter')
  await first.getByLabel('Telefon').fill('070-123 45 68')
  await axe()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Hälsa och husdjur' })).toBeVisible()
  await page.getByLabel('Jag använder rollator eller rullstol').check()
  await page.getByLabel('Husdjur i bostaden (frivilligt)').fill('En katt')
  await axe()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Om trygghetslarmet och avgiften' })).toBeVisible()
  // Text to read instead of boxes to tick: the fee from the municipality profile, and where personal data is explained.
  await expect(page.getByText('Larmet kostar 250 kr i månaden.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Så behandlar kommunen dina personuppgifter' })).toHaveAttribute('href', '/personuppgifter')
  await page.getByRole('group', { name: /Har du redan trygghetslarm/ }).getByLabel('Nej').check()
  await axe()
  await next(page)
}

test('a citizen of 70 applies for a safety alarm: errors, prefill from BankID, signature, receipt and PDF', async ({ page, axe }) => {
  await useBankIdOf(page, axe, MARGARETA)
  await startApplication(page, axe, 'Ansök om trygghetslarm', 'trygghetslarm')

  // Sending a page empty: the error summary, focused, and the message at the field.
  await next(page)
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('Välj om du ansöker för dig själv eller för någon annan')
  await expect(page.locator('.error-message')).toContainText('Välj om du ansöker för dig själv eller för någon annan')
  await axe()
  await applyForMyself(page, axe, MARGARETA)

  await expect(page.getByRole('heading', { level: 1, name: 'Bostaden' })).toBeVisible()
  await axe()
  await next(page)
  await expect(summary).toBeFocused()
  for (const message of ['Adressen saknas. Fyll i adressen där du är folkbokförd', 'Välj hur du bor', 'Telefonnumret saknas. Fyll i det nummer vi kan ringa dig på']) {
    await expect(summary).toContainText(message)
    await expect(page.locator('.error-message').filter({ hasText: message })).toHaveCount(1)
  }
  await axe()
  await home(page, axe)
  await theRest(page, axe)
  const number = await signAndReceive(page, axe, MARGARETA, 'trygghetslarm', 'LARM')
  // Nothing raised: no special notice about a case officer.
  await expect(page.locator('main')).not.toContainText('biståndshandläggare')
  // The door code is stored encrypted; the applicant's own receipt shows it as given.
  await expect(page.locator('main')).toContainText('4711')

  const text = await receiptPdfText(page)
  for (const part of [
    'Ansök om trygghetslarm', number, 'Margareta Testsson', '19560314-9989', 'Bollmora allé 1', 'Portkod 4711',
    'Anna Testsson', 'En katt', 'Jag använder rollator eller rullstol', 'Bifogade filer', 'Inga bifogade filer',
    `Underskrift Underskriven med BankID av ${MARGARETA.name}`,
  ]) expect(text).toContain(part)
  expect(text).not.toContain('Vad händer nu?')
})

test('an applicant under 65 saves a draft, logs in again, resumes from Mina sidor, and is received and told what happens next', async ({ page, axe }) => {
  await useBankIdOf(page, axe, JOHAN)
  await startApplication(page, axe, 'Ansök om trygghetslarm', 'trygghetslarm')
  await applyForMyself(page, axe, JOHAN)
  await home(page, axe)

  // Log out; the draft waits for him on Mina sidor after logging in again.
  await expect(page.getByRole('heading', { level: 1, name: 'Nycklar' })).toBeVisible()
  await axe()
  await page.locator('.site-header__logout button').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/e-tjanster/trygghetslarm'))
  await axe()
  await logIn(page, axe)
  const draft = page.getByRole('link', { name: 'Fortsätt med Ansök om trygghetslarm' })
  await expect(draft).toBeVisible()
  await axe()
  await draft.click()
  await expect(page).toHaveURL(/\/e-tjanster\/trygghetslarm\/nycklar$/)
  await theRest(page, axe)
  // The door code was saved encrypted with the draft and comes back to its owner on the check page.
  await expect(page.locator('main')).toContainText('4711')
  const number = await signAndReceive(page, axe, JOHAN, 'trygghetslarm', 'LARM')

  // Under 65: received all the same, and told plainly who looks at it.
  const told = 'Vi tar emot ansökan. En biståndshandläggare går igenom den och kontaktar dig om ditt behov av trygghetslarm.'
  await expect(page.locator('main')).toContainText(told)
  const text = await receiptPdfText(page)
  expect(text).toContain(number)
  expect(text).toContain(`Vad händer nu? ${told}`)

  // Mina sidor says the same on the case's page.
  await page.goto('/mina-sidor')
  await axe()
  await page.locator('.case-card', { hasText: number }).getByRole('link').first().click()
  await expect(page.locator('main')).toContainText(told)
  await axe()
})
