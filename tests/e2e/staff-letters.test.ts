import type { Page } from '@playwright/test'
import { expect, pdfText, test } from './fixtures.ts'
import { loginAs } from './case-handling.ts'
import { BY_POST } from './case-handling-data.ts'

type Axe = (page?: Page) => Promise<void>

/** Opens a seeded case by searching for its applicant's name, and takes it. */
async function openAndTake(page: Page, axe: Axe, name: string): Promise<string> {
  await page.getByRole('link', { name: 'Sök', exact: true }).click()
  await page.getByLabel('Sök på').fill(name)
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('1 ärende')
  await axe(page)
  await page.locator('tbody a').first().click()
  await expect(page.locator('h1')).toHaveText(/^PROV-\d{4}-\d{6}$/)
  await page.getByRole('button', { name: 'Ta ärendet' }).first().click()
  await expect(page.getByText('Du har tagit ärendet.')).toBeVisible()
  await axe(page)
  return (await page.locator('h1').textContent())!
}

test('a supplement request to a citizen without e-mail goes as a letter: printed from the post list and marked sent', async ({ page, axe }) => {
  await loginAs(page, axe, 'anna')
  const number = await openAndTake(page, axe, BY_POST.supplement.name)

  const supplement = page.locator('section.action', { has: page.getByRole('heading', { name: 'Begär komplettering' }) })
  await expect(supplement).toContainText('Det finns ingen e-postadress i ärendet')
  await expect(supplement.getByLabel('Skicka som brev')).toBeChecked()
  await expect(supplement).toContainText('till Lisa Brevsson, Postvägen 3, 135 40 TYRESÖ')
  await supplement.getByLabel('Meddelande till medborgaren').fill('Skicka sotarens intyg om eldstaden.')
  await supplement.getByRole('button', { name: 'Skicka begäran om komplettering' }).click()
  await expect(page.getByText('Begäran om komplettering är skickad.')).toBeVisible()
  await axe(page)

  await page.getByRole('link', { name: 'Att skicka med post' }).click()
  const row = page.locator('tbody tr', { hasText: number })
  await expect(row).toContainText('Begäran om komplettering')
  await expect(row).toContainText('Lisa Brevsson, Postvägen 3, 135 40 TYRESÖ')
  await expect(row).toContainText('Inte än')
  await axe(page)

  // "Skriv ut alla brev" answers with one PDF of every pending letter; the window shows the address.
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue()
  const pdf = await page.request.post('/servicecenter/post/brev.pdf', { form: { _csrf: csrf } })
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const text = pdfText(await pdf.body()).replace(/\s+/g, ' ')
  for (const expected of ['Lisa Brevsson', 'Postvägen 3', '135 40 TYRESÖ', number, 'Skicka sotarens intyg om eldstaden.', 'Tyresö kommun']) expect(text).toContain(expected)

  await page.reload()
  await expect(row.getByRole('checkbox')).toBeChecked()
  await expect(row).not.toContainText('Inte än')
  // Printing marked every pending letter printed, and printed letters come ticked: untick those of the tests
  // running beside this one (another's decision letter), as staff untick a letter that did not go in an envelope.
  for (const box of await page.locator('tbody tr').filter({ hasNotText: number }).getByRole('checkbox').all()) await box.uncheck()
  await page.getByRole('button', { name: 'Markera valda som skickade' }).click()
  await expect(page.getByRole('status')).toContainText(`Markerade som skickade: ${number}`)
  await expect(page.locator('tbody tr', { hasText: number })).toHaveCount(0)
  await axe(page)

  // The case's log says so.
  await page.getByRole('link', { name: 'Sök', exact: true }).click()
  await page.getByLabel('Sök på').fill(number)
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await page.locator('tbody a').first().click()
  await expect(page.locator('.timeline')).toContainText('Brev skickat med post')
  await axe(page)
})

test('the decision letter is previewed before the decision: plain wording, the legal ground and the appeal route', async ({ page, axe }) => {
  await loginAs(page, axe, 'anna')
  const number = await openAndTake(page, axe, BY_POST.decision.name)

  const decide = page.locator('section.action', { has: page.getByRole('heading', { name: 'Fatta beslut' }) })
  await decide.getByLabel('Bifall – ansökan beviljas').check()
  await decide.getByLabel('Skäl för beslutet').fill('Sotarens intyg visar att eldstaden uppfyller kraven.')
  await decide.getByRole('button', { name: 'Förhandsgranska beslutsbrevet' }).click()
  const preview = page.getByRole('region', { name: 'Förhandsgranskning av beslutsbrevet' })
  await expect(preview).toContainText('Din ansökan om tillstånd för braskamin beviljas.')
  await expect(preview).toContainText('Beslutet är fattat enligt kommunens föreskrifter om eldstäder.')
  await expect(preview).toContainText('Så överklagar du')
  await expect(preview).toContainText('Länsstyrelsen prövar överklagandet.')
  await expect(preview).toContainText(number)
  // Nothing is decided yet, and what was typed is still in the form.
  await expect(page.locator('.facts')).toContainText('Under handläggning')
  await expect(decide.getByLabel('Skäl för beslutet')).toHaveValue('Sotarens intyg visar att eldstaden uppfyller kraven.')
  await expect(decide.getByLabel('Skicka som brev')).toBeChecked()
  await axe(page)

  await decide.getByRole('button', { name: 'Fatta beslut' }).click()
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible()
  await axe(page)
  await page.getByRole('link', { name: 'Att skicka med post' }).click()
  await expect(page.locator('tbody tr', { hasText: number })).toContainText('Beslut')
  await axe(page)
})
