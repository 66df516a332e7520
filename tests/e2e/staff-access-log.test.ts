import { readFileSync } from 'node:fs'
import { E2E_PASSWORD, E2E_STAFF } from './case-handling-data.ts'
import { loginAs, registerFault } from './case-handling.ts'
import { expect, test } from './fixtures.ts'

// A Skatteverket test number no other test files a case for.
const PERSON = '20030606-2381'

// A long journey with an axe check on every page, on a shared machine.
test.describe.configure({ timeout: 300_000 })

test('the data protection officer lands on the access log and sees, once per opening, who looked at a person', async ({ page, axe }) => {
  // Anna registers a case for the person (landing on its case page), reloads it, and searches for the person.
  await loginAs(page, axe, 'anna')
  const number = await registerFault(page, axe, { description: 'Lampan lyser inte', name: 'Pia Person', personnummer: PERSON })
  await page.reload()
  await expect(page.locator('h1')).toHaveText(number)
  await axe(page)
  await page.getByRole('link', { name: 'Sök' }).click()
  await page.getByLabel('Sök på').fill(PERSON)
  await page.getByRole('button', { name: 'Sök' }).click()
  await expect(page.getByRole('link', { name: number })).toBeVisible()
  await axe(page)
  await page.getByRole('button', { name: 'Logga ut' }).click()

  // The data protection officer has no queue: after login they start on the access log.
  await page.getByLabel('E-postadress').fill(E2E_STAFF.dpo.email)
  await page.getByLabel('Lösenord').fill(E2E_PASSWORD)
  await axe(page)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { name: 'Åtkomstlogg', level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/\/servicecenter\/atkomstlogg$/)
  await axe(page)

  // Something that is neither a personnummer nor a case number is refused in Swedish, and kept.
  await page.getByLabel('Personnummer eller ärendenummer').fill('Svensson')
  await page.getByRole('button', { name: 'Visa åtkomster' }).click()
  await expect(page.getByRole('alert').getByText(/Skriv ett personnummer med 12 siffror/)).toBeVisible()
  await expect(page.getByLabel('Personnummer eller ärendenummer')).toHaveValue('Svensson')
  await axe(page)

  await page.getByLabel('Personnummer eller ärendenummer').fill(PERSON)
  await page.getByRole('button', { name: 'Visa åtkomster' }).click()
  await expect(page.getByText(`Ärenden där personnumret finns: ${number}.`)).toBeVisible()
  const table = page.getByRole('table', { name: 'Åtkomster, senaste först' })
  const row = (what: string) => table.getByRole('row').filter({ hasText: 'Anna Handläggare' }).filter({ hasText: what })
  // Registering, the redirect to the case page and the reload are one opening.
  await expect(row('Öppnade ärende')).toHaveCount(1)
  await expect(row('Öppnade ärende')).toContainText(number)
  await expect(row('Sökte på personnummer')).toContainText('200306062381')
  // The lookup itself is in the log, newest first.
  await expect(table.getByRole('row').nth(1)).toContainText('Sökte i åtkomstloggen')
  await expect(table.getByRole('row').nth(1)).toContainText('Dora Dataskydd')
  await axe(page)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Ladda ner som CSV/ }).click()])
  expect(download.suggestedFilename()).toMatch(/^atkomstlogg-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.subarray(3).toString('utf8').split('\r\n')
  expect(lines[0]).toBe('Tid;Personal;E-post;Vad;Ärende;Detalj')
  expect(lines.filter((l) => l.includes(';Anna Handläggare;') && l.includes(`;Öppnade ärende;${number};`))).toHaveLength(1)
  expect(lines[1]).toMatch(/;Dora Dataskydd;dataskydd@e2e\.invalid;Sökte i åtkomstloggen;;200306062381 \(CSV\)$/)

  // No case handling: the queue sends them back here, and cases and search are not theirs.
  await page.goto('/servicecenter')
  await expect(page).toHaveURL(/\/servicecenter\/atkomstlogg$/)
  await axe(page)
  expect((await page.goto('/servicecenter/sok'))?.status()).toBe(404)
  await axe(page)
})

test('a handläggare has no access log', async ({ page, axe }) => {
  await loginAs(page, axe, 'anna')
  await expect(page.getByRole('link', { name: 'Åtkomstlogg' })).toHaveCount(0)
  expect((await page.goto('/servicecenter/atkomstlogg'))?.status()).toBe(404)
  await axe(page)
})
