import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, pdfText, test } from './fixtures.ts'
import { E2E_STAFF } from './case-handling-data.ts'
import { otherBrowser, registerFault } from './case-handling.ts'
import { createStaffAccount, staffLogin, unique } from './kiosk-helpers.ts'

// A personnummer no other end-to-end test (nor an earlier run of this one) uses, so the extract holds exactly
// this test's case: born 1972-03-15, a random birth number, and the check digit that makes it valid.
const PERSON = (() => {
  const digits = `720315${String(1 + Math.floor(Math.random() * 999)).padStart(3, '0')}`
  const sum = [...digits].reduce((n, d, i) => { const v = Number(d) * (i % 2 === 0 ? 2 : 1); return n + (v > 9 ? v - 9 : v) }, 0)
  const last = `${digits.slice(6)}${(10 - (sum % 10)) % 10}`
  const wrong = `${digits.slice(6)}${(11 - (sum % 10)) % 10}`
  return { pnr: `19720315-${last}`, twelve: `19720315${last}`, ten: `720315-${last}`, wrong: `19720315-${wrong}`, last }
})()

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

test('the data protection officer makes a register extract for a personnummer, as PDF and JSON', async ({ page, browser, axe }) => {
  // Three people's pages, each checked with axe, on a shared machine.
  test.setTimeout(240_000)
  // A handläggare registers a matter for the person (and so opens its case page, which is audited).
  const anna = await otherBrowser(browser, axe, 'anna')
  const description = unique('Trasig gatlykta vid registerutdraget')
  const number = await registerFault(anna.page, axe, { description, personnummer: PERSON.pnr, name: 'Regina Registersson' })
  await anna.page.goto('/servicecenter/registerutdrag')
  await expect(anna.page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible()
  await anna.close()

  const officer = await createStaffAccount('dataskydd')
  await staffLogin(page, axe, '/servicecenter/registerutdrag', officer)
  await expect(page.getByRole('heading', { level: 1, name: 'Registerutdrag' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Servicecenter' }).getByRole('link', { name: 'Registerutdrag' })).toBeVisible()
  await axe()

  // A clear Swedish message, with what was typed kept.
  await page.getByRole('button', { name: 'Skapa registerutdrag' }).click()
  await expect(page.getByRole('alert')).toContainText('Personnumret saknas. Fyll i ett personnummer')
  await axe()
  await page.getByLabel('Personnummer').fill(PERSON.wrong)
  await page.getByRole('button', { name: 'Skapa registerutdrag' }).click()
  await expect(page.locator('#personnummer-error')).toHaveText('Fel: Det finns inget sådant personnummer. Kontrollera siffrorna')
  await expect(page.getByLabel('Personnummer')).toHaveValue(PERSON.wrong)
  await expect(page).toHaveTitle(/^Fel: /)
  await axe()

  await page.getByLabel('Personnummer').fill(PERSON.ten)
  await page.getByRole('button', { name: 'Skapa registerutdrag' }).click()
  await expect(page.getByRole('heading', { name: `Registerutdrag för ${PERSON.pnr}` })).toBeVisible()
  await expect(page.locator('.facts div').filter({ hasText: /^Ärenden\d+$/ }).locator('dd')).toHaveText('1')
  await axe()
  // The personnummer stays out of the address.
  expect(page.url()).not.toContain(PERSON.last)

  const pdf = await download(page, 'Ladda ner som PDF')
  expect(pdf.name).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.pdf$/)
  const text = pdfText(pdf.bytes).replace(/\s+/g, ' ')
  for (const expected of ['Registerutdrag', PERSON.pnr, number, description, 'Vem har öppnat uppgifterna', `${E2E_STAFF.anna.name} (Handläggare)`, 'Öppnade ärendet'])
    expect(text).toContain(expected)

  const json = await download(page, 'Ladda ner som JSON')
  expect(json.name).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.json$/)
  const extract = JSON.parse(json.bytes.toString('utf8'))
  expect(extract.personnummer).toBe(PERSON.twelve)
  expect(extract.cases.map((c: { number: string }) => c.number)).toEqual([number])
  expect(extract.access.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['case.view', 'register.extract']))
  // Each download is logged with the officer's name: the next extract shows who made the earlier ones.
  expect(extract.access.filter((a: { action: string; by: { name: string } }) => a.action === 'register.extract' && a.by.name === officer.name).length).toBeGreaterThanOrEqual(2)
})
