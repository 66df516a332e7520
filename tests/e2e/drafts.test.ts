import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { logIn, startQrOrder, useBankIdOf } from './citizen.ts'
import { portalDb } from './kiosk-helpers.ts'

// Drafts (issue 4) through the test-only e-service "provansokan". Persons no other test logs in as, one
// per test, so the drafts and cases on their Mina sidor are this file's alone.
const ELIAS = { pnr: '200004059937', name: 'Elias Provsson' }
const INGRID = { pnr: '194608239986', name: 'Ingrid Provsson' }
const TITLE = 'Provansökan (endast för test)'

type Axe = (p?: Page) => Promise<void>

async function beginDraft(page: Page, axe: Axe, subject: string) {
  await logIn(page, axe, { till: '/e-tjanster/provansokan/arende' })
  await expect(page.getByRole('heading', { level: 1, name: 'Vad gäller ansökan?' })).toBeVisible()
  await axe(page)
  await page.getByLabel('Ämne').fill(subject)
  await page.getByLabel('Telefon').fill('070-123 45 67')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe(page)
}

/** The day a draft saved today is kept until, as Mina sidor writes it. */
const in30Days = () => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' })
  .format(new Date(Date.now() + 30 * 24 * 3600 * 1000))

test('a draft saved on one device is continued after logging in on another, and sent', async ({ page, axe, browser }) => {
  await useBankIdOf(page, axe, ELIAS)
  await beginDraft(page, axe, 'Ramp vid entrén')
  // Back on the page, a changed answer is kept with "Spara och fortsätt senare", and the page says until when.
  await page.goto('/e-tjanster/provansokan/arende')
  await expect(page.getByText('De finns kvar på Mina sidor i 30 dagar efter att du senast sparade.')).toBeVisible()
  await page.getByLabel('Ämne').fill('Ramp och hiss vid entrén')
  await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dina svar är sparade' })).toBeVisible()
  await expect(page.locator('main')).toContainText(`Du kan fortsätta med ansökan till och med ${in30Days()}.`)
  await axe()
  await page.getByRole('navigation', { name: 'Mina sidor' }).getByRole('button', { name: 'Logga ut' }).click()
  await expect(page.getByText('Du är utloggad.')).toBeVisible()
  await axe()

  // Another device: a browser with nothing of the first one.
  const otherContext = await browser.newContext()
  const phone = await otherContext.newPage()
  const phoneAxe = (p = phone) => axe(p)
  await useBankIdOf(phone, phoneAxe, ELIAS)
  await logIn(phone, phoneAxe)
  const drafts = phone.getByRole('region', { name: 'Utkast' })
  const card = drafts.locator('.case-card').filter({ hasText: TITLE })
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Senast sparad')
  await expect(card).toContainText(`Sparas till${in30Days()}`)
  // Drafts are not received cases.
  await expect(phone.locator('.case-card').filter({ hasText: TITLE })).toHaveCount(1)
  await axe(phone)

  await card.getByRole('link', { name: `Fortsätt med ${TITLE}` }).click()
  await expect(phone.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(phone.locator('main')).toContainText('Ramp och hiss vid entrén')
  await axe(phone)
  await phone.getByRole('link', { name: 'Skriv under med BankID' }).click()
  await expect(phone.getByRole('heading', { level: 1, name: 'Skriv under med BankID' })).toBeVisible()
  await axe(phone)
  await startQrOrder(phone)
  await phone.waitForURL(/\/e-tjanster\/provansokan\/kvitto\/SIGN-\d{4}-\d{6}$/, { timeout: 20_000 })
  await expect(phone.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe(phone)
  const number = (await phone.locator('.case-number').textContent())!.trim()

  // Sent: a received case on Mina sidor, and no longer a draft.
  await phone.goto('/mina-sidor')
  await expect(phone.locator('.case-card').filter({ hasText: number })).toContainText('Mottagen')
  await expect(phone.getByRole('region', { name: 'Utkast' })).toHaveCount(0)
  await axe(phone)
  await otherContext.close()
})

test('a draft begun on an older version asks the changed question again, and is deleted from Mina sidor', async ({ page, axe }) => {
  await useBankIdOf(page, axe, INGRID)
  await beginDraft(page, axe, 'Från förra versionen')
  // As if the subject question had changed since: the draft's fingerprint for it is not today's.
  const db = portalDb()
  await db`update drafts set form_version = 0, fingerprints = fingerprints || '{"subject": "en äldre fråga"}'
    where owner_personnummer = ${INGRID.pnr} and form_id = 'provansokan'`
  await db.end()

  await page.goto('/mina-sidor')
  const card = page.getByRole('region', { name: 'Utkast' }).locator('.case-card').filter({ hasText: TITLE })
  await expect(card).toHaveCount(1)
  await axe()
  await card.getByRole('link', { name: `Fortsätt med ${TITLE}` }).click()
  await expect(page).toHaveURL(/\/e-tjanster\/provansokan\/arende\?andrad-tjanst$/)
  await expect(page.getByRole('heading', { name: 'E-tjänsten har ändrats sedan du började.' })).toBeVisible()
  await expect(page.getByText('Svara på frågorna igen där det behövs.')).toBeVisible()
  await expect(page.getByLabel('Ämne')).toHaveValue('')
  await expect(page.getByLabel('Telefon')).not.toHaveValue('')
  await axe()

  await page.goto('/mina-sidor')
  await card.getByRole('button', { name: `Ta bort ${TITLE}` }).click()
  await expect(page.getByRole('status')).toHaveText('Utkastet är borttaget.')
  await expect(page.getByRole('region', { name: 'Utkast' })).toHaveCount(0)
  await axe()

  // Starting the e-service again starts from empty.
  await page.goto('/e-tjanster/provansokan/arende')
  await expect(page.getByLabel('Telefon')).toHaveValue('')
  await axe()
})
