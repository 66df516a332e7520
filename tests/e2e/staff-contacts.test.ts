import { expect, test } from './fixtures.ts'
import { loginAs, otherBrowser } from './case-handling.ts'

test('a phone call is registered and closed as answered in one step, and counted in the statistics', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  await page.getByRole('link', { name: 'Ny kontakt' }).click()
  await expect(page.getByRole('heading', { name: 'Ny kontakt', level: 1 })).toBeVisible()
  await axe(page)
  // Phone and "Besvarat direkt" are preselected: a call needs only its reason, question and answer.
  await expect(page.getByRole('group', { name: 'Hur kom kontakten?' }).getByLabel('Telefon')).toBeChecked()
  await expect(page.getByRole('group', { name: 'Vad händer nu?' }).getByLabel('Besvarat direkt')).toBeChecked()
  await page.getByLabel('Avfall och återvinning').check()
  await page.getByLabel('Frågan', { exact: true }).fill('När hämtas grovsoporna på Granvägen?')
  await page.getByRole('button', { name: 'Registrera kontakten' }).click()
  // Answered directly without an answer is refused beside the field; what was typed stays.
  await expect(page.locator('.error-summary')).toContainText('Skriv vilket svar du gav')
  await expect(page.getByLabel('Frågan', { exact: true })).toHaveValue('När hämtas grovsoporna på Granvägen?')
  await axe(page)
  await page.getByLabel('Svaret som gavs (frivilligt)').fill('Första måndagen varje månad; anmälan på webben.')
  await page.getByRole('button', { name: 'Registrera kontakten' }).click()
  const done = page.getByRole('status').filter({ hasText: 'är registrerad och avslutad som besvarad direkt' })
  await expect(done).toBeVisible()
  await expect(done).toContainText(/KON-\d{4}-\d{6}/)
  await axe(page)

  const lead = await otherBrowser(browser, axe, 'lead')
  try {
    await lead.page.goto('/servicecenter/statistik')
    const contacts = lead.page.getByRole('table', { name: 'Kontakter per kanal och orsak' })
    await expect(contacts.getByRole('row', { name: /^Telefon Avfall och återvinning \d+ \d+/ })).toBeVisible()
    await expect(lead.page.getByRole('table', { name: /^Per handläggare/ }).getByRole('row', { name: /^Anna Handläggare/ })).toBeVisible()
    await axe(lead.page)
  } finally {
    await lead.close()
  }
})
