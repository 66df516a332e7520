import type { Page } from '@playwright/test'
import { expect, pdfText } from './fixtures.ts'
import { logIn, startQrOrder, type JOHAN } from './citizen.ts'

/** Steps the BankID applications (trygghetslarm, parkeringstillstånd) share on a phone. */

type Axe = (p?: Page) => Promise<void>
type Person = typeof JOHAN

export const next = (page: Page) => page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

/** From the start page, through the BankID login, to the e-service's first page. */
export async function startApplication(page: Page, axe: Axe, title: string, formId: string) {
  await page.goto('/')
  await axe()
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByText('Du loggar in med BankID innan du börjar.')).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()
  await logIn(page, axe, { till: `/e-tjanster/${formId}/vem` })
}

/** "Who is it for?" answered "myself": name and personnummer then come filled in from the login. */
export async function applyForMyself(page: Page, axe: Axe, who: Person) {
  await expect(page.getByRole('heading', { level: 1, name: 'Vem gäller ansökan?' })).toBeVisible()
  await axe()
  await page.getByLabel('Ja, för mig själv').check()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Den som ansökan gäller' })).toBeVisible()
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(who.name)
  await expect(page.getByLabel('Personnummer', { exact: true })).toHaveValue(new RegExp(`^${who.pnr.slice(0, 8)}-?${who.pnr.slice(8)}$`))
  await axe()
  await next(page)
}

/** The registered address and phone, as both applications ask them. */
export async function fillAddress(page: Page) {
  await page.getByLabel('Gatuadress', { exact: true }).fill('Bollmora allé 1')
  await page.getByLabel('Postnummer', { exact: true }).fill('135 81')
  await page.getByLabel('Ort', { exact: true }).fill('Tyresö')
}

/** Check your answers, signing with the simulator, the receipt; gives the case number. */
export async function signAndReceive(page: Page, axe: Axe, who: Person, formId: string, prefix: string) {
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(page.locator('main')).toContainText(who.name)
  await expect(page.locator('main')).toContainText('Bollmora allé 1, 135 81 Tyresö')
  await axe()
  await page.getByRole('link', { name: 'Skriv under med BankID' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv under med BankID' })).toBeVisible()
  await axe()
  await startQrOrder(page)
  await page.waitForURL(new RegExp(`/e-tjanster/${formId}/kvitto/${prefix}-\\d{4}-\\d{6}$`), { timeout: 20_000 })
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await expect(page.locator('.panel')).toContainText(`Underskriven med BankID av ${who.name}`)
  await axe()
  return (await page.locator('.case-number').textContent())!.trim()
}

/** The receipt PDF the receipt page links to, as text on one line (pdftotext). */
export async function receiptPdfText(page: Page) {
  const href = await page.getByRole('link', { name: 'Ladda ner kvittot som PDF' }).getAttribute('href')
  const response = await page.request.get(href!)
  expect(response.headers()['content-type']).toBe('application/pdf')
  return pdfText(await response.body()).replace(/\s+/g, ' ')
}
