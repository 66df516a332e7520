import { expect, test } from './fixtures.ts'
import { expectMailCaught, loginAs, registerFault } from './case-handling.ts'
import { logIn, MARGARETA, useBankIdOf } from './citizen.ts'

// A 1×1 PNG, enough for the portal's type check by content.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

test('staff and the citizen write to each other in one thread; the citizen’s message, with a file, marks the case in the queue', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  const number = await registerFault(page, axe, {
    description: 'Lampan vid lekplatsen lyser hela dagen.', email: 'margareta@example.com', name: MARGARETA.name, personnummer: MARGARETA.pnr,
  })
  const caseUrl = page.url().replace(/\?.*$/, '')
  const caseId = caseUrl.split('/').pop()!
  const thread = page.getByRole('region', { name: 'Meddelanden med medborgaren' })
  await expect(thread).toContainText('Inga meddelanden ännu.')

  const write = page.locator('section.action', { has: page.getByRole('heading', { name: 'Meddelande till medborgaren' }) })
  await write.getByRole('button', { name: 'Skicka meddelande' }).click()
  await expect(page.locator('.error-summary')).toContainText('Skriv meddelandet till medborgaren')
  await axe(page)
  await write.getByLabel('Meddelande', { exact: true }).fill('Vilken lyktstolpe gäller det?')
  await write.getByRole('button', { name: 'Skicka meddelande' }).click()
  await expect(page.getByText('Meddelandet är skickat.')).toBeVisible()
  await expect(thread.getByRole('listitem')).toHaveCount(1)
  await expect(thread).toContainText('Till medborgaren')
  await expect(thread).toContainText('Vilken lyktstolpe gäller det?')
  await axe(page)

  // The citizen reads it on Mina sidor and answers with a picture.
  const herContext = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' })
  const her = await herContext.newPage()
  const herAxe = (p = her) => axe(p)
  try {
    await useBankIdOf(her, herAxe, MARGARETA)
    await logIn(her, herAxe, { till: `/mina-sidor/arenden/${caseId}` })
    const herThread = her.getByRole('list', { name: 'Meddelanden' })
    await expect(herThread).toContainText('Från servicecenter')
    await expect(herThread).toContainText('Vilken lyktstolpe gäller det?')
    await axe(her)
    await her.getByRole('link', { name: 'Skriv ett meddelande' }).click()
    await expect(her.getByRole('heading', { level: 1, name: `Skriv ett meddelande om ärende ${number}` })).toBeVisible()
    await axe(her)
    await her.getByRole('button', { name: 'Skicka meddelandet' }).click()
    await expect(her.locator('.error-summary')).toContainText('Skriv ditt meddelande')
    await axe(her)
    await her.locator('.error-summary a').first().click()
    await expect(her.getByLabel('Ditt meddelande')).toBeFocused()
    await her.getByLabel('Ditt meddelande').fill('Stolpen närmast gungorna.')
    await her.getByLabel('Bifoga filer (frivilligt)').setInputFiles({ name: 'stolpen.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') })
    await her.getByRole('button', { name: 'Skicka meddelandet' }).click()
    await expect(her.getByRole('status')).toContainText('Ditt meddelande är skickat.')
    const items = herThread.getByRole('listitem').filter({ has: her.locator('.message__meta') })
    await expect(items).toHaveCount(2)
    await expect(items.nth(0)).toContainText('Vilken lyktstolpe gäller det?')
    await expect(items.nth(1)).toContainText('Från dig')
    await expect(items.nth(1)).toContainText('Stolpen närmast gungorna.')
    await expect(items.nth(1).getByRole('link', { name: 'stolpen.png' })).toBeVisible()
    await axe(her)
  } finally {
    await herContext.close()
  }

  // The queue marks the case, and the flag filter finds it (among Anna's own: she registered it, so it is hers).
  await page.goto('/servicecenter?vy=mina')
  await page.getByLabel('Flagga').selectOption({ label: 'Nytt meddelande' })
  await page.getByRole('button', { name: 'Visa' }).click()
  const row = page.getByRole('row').filter({ hasText: number })
  await expect(row).toContainText('Nytt meddelande')
  await axe(page)

  await page.goto(caseUrl)
  const entries = thread.getByRole('listitem').filter({ has: page.locator('.message__meta') })
  await expect(entries).toHaveCount(2)
  await expect(entries.nth(1)).toContainText('Från medborgaren')
  await expect(entries.nth(1)).toContainText('Stolpen närmast gungorna.')
  const file = entries.nth(1).getByRole('link', { name: 'stolpen.png' })
  expect((await page.request.get((await file.getAttribute('href'))!)).status()).toBe(200)
  await expect(page.locator('.flag-reasons')).toContainText('Nytt meddelande')
  await axe(page)

  // Staff answer: the mark goes, and the citizen is e-mailed through the outbox.
  await write.getByLabel('Meddelande', { exact: true }).fill('Tack! Vi byter lampan i veckan.')
  await write.getByRole('button', { name: 'Skicka meddelande' }).click()
  await expect(page.getByText('Meddelandet är skickat.')).toBeVisible()
  await expect(entries).toHaveCount(3)
  await expect(entries.nth(2)).toContainText('Tack! Vi byter lampan i veckan.')
  await expect(page.locator('.flag-reasons')).toHaveCount(0)
  await axe(page)

  await expectMailCaught(browser, axe, { subject: `Nytt meddelande i ärende ${number}`, to: 'margareta@example.com' })
})
