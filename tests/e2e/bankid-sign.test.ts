import { expect, pdfText, test } from './fixtures.ts'
import { JOHAN, logIn, MARGARETA, myOrder, startQrOrder, TOLVAN, useBankIdOf } from './citizen.ts'

// The signing mechanism through the test-only e-service "provansokan" (forms/testing/provansokan.ts),
// which only the end-to-end server adds (tests/e2e/server.ts): it tries the signing flow on a short form, apart from the real e-services
// (trygghetslarm, parkeringstillstånd and föreningsbidrag sign too, and their own tests go through it).

const certificate = { name: 'intyg från läkaren.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') }

test('an application is signed with BankID, received with who signed it, and followed on Mina sidor; nobody else can open it', async ({ page, axe, browser }) => {
  // An e-service that needs BankID asks for login before its first page, and comes back to it.
  await page.goto('/e-tjanster/provansokan')
  await expect(page.getByText('Du loggar in med BankID innan du börjar.')).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fe-tjanster%2Fprovansokan%2Farende$/)
  await logIn(page, axe, { till: '/e-tjanster/provansokan/arende' })
  await expect(page.getByRole('heading', { level: 1, name: 'Vad gäller ansökan?' })).toBeVisible()
  await axe()
  await page.getByLabel('Ämne').fill('Bidrag till ramp vid entrén')
  await page.getByLabel('Telefon').fill('070-123 45 67')
  await page.getByLabel('Bilaga (frivilligt)').setInputFiles(certificate)
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Check your answers: the applicant comes from the login; no plain "Skicka" for an application that is signed.
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(page.locator('main')).toContainText('Johan Testsson')
  await expect(page.locator('main')).toContainText('19860612-9933')
  await expect(page.getByRole('button', { name: 'Skicka' })).toHaveCount(0)
  await axe()
  await page.getByRole('link', { name: 'Skriv under med BankID' }).click()

  // What will be signed is shown before the app shows it.
  await expect(page.getByRole('heading', { level: 1, name: 'Skriv under med BankID' })).toBeVisible()
  const text = page.locator('.signing-text')
  for (const part of ['Provansökan (endast för test)', 'Johan Testsson, 19860612-9933', 'Bidrag till ramp vid entrén', 'intyg från läkaren.pdf'])
    await expect(text).toContainText(part)
  await axe()
  await startQrOrder(page)

  // The simulator signs as the one person the order allows; then the receipt.
  await page.waitForURL(/\/e-tjanster\/provansokan\/kvitto\/SIGN-\d{4}-\d{6}$/, { timeout: 20_000 })
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await expect(page.locator('.panel')).toContainText(`Underskriven med BankID av ${JOHAN.name}`)
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  const receipt = await page.request.get(await page.getByRole('link', { name: 'Ladda ner kvittot som PDF' }).getAttribute('href') as string)
  expect(pdfText(await receipt.body())).toMatch(new RegExp(`Signerat av\\s+${JOHAN.name}`))

  // Mina sidor lists it as received, with its own page, receipt and files.
  await page.goto('/mina-sidor')
  const card = page.locator('.case-card').filter({ hasText: number })
  await expect(card).toContainText('Provansökan (endast för test)')
  await expect(card).toContainText('Mottagen')
  await axe()
  await card.getByRole('link', { name: 'Provansökan (endast för test)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
  await expect(page.locator('.stages__item--current')).toHaveText(/^Mottagen/)
  await expect(page.locator('[aria-current="step"]')).toHaveCount(1)
  await expect(page.getByText(`Underskriven med BankID av ${JOHAN.name}`)).toBeVisible()
  await axe()
  const caseUrl = page.url()
  const pdfHref = await page.getByRole('link', { name: 'Ladda ner kvittot som PDF' }).getAttribute('href') as string
  const fileHref = await page.getByRole('link', { name: 'intyg från läkaren.pdf' }).getAttribute('href') as string
  const pdf = await page.request.get(pdfHref)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect(pdfText(await pdf.body())).toContain(number)
  expect((await page.request.get(fileHref)).status()).toBe(200)

  // Margareta, logged in on her own phone, gets 404 for all of it; someone not logged in is asked to log in.
  const herContext = await browser.newContext()
  const her = await herContext.newPage()
  const herAxe = (p = her) => axe(p)
  await useBankIdOf(her, herAxe, MARGARETA)
  await logIn(her, herAxe)
  await expect(her.getByText(`Inloggad som ${MARGARETA.name}`)).toBeVisible()
  await expect(her.locator('main')).not.toContainText(number)
  await axe(her)
  const response = await her.goto(caseUrl)
  expect(response?.status()).toBe(404)
  await expect(her.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible()
  await axe(her)
  expect((await her.request.get(pdfHref)).status()).toBe(404)
  expect((await her.request.get(fileHref)).status()).toBe(404)
  await herContext.close()

  const anonymous = await browser.newContext()
  const nobody = await anonymous.newPage()
  await nobody.goto(caseUrl)
  await expect(nobody).toHaveURL(/\/logga-in\?till=/)
  expect((await nobody.request.get(pdfHref, { maxRedirects: 0 })).status()).toBe(302)
  await anonymous.close()
})

test('a signature made with someone else’s BankID is refused with a clear message, and nothing is sent', async ({ page, axe, context }) => {
  // Tolvan, whom no other test logs in as, so "no cases" below is about this test alone.
  await useBankIdOf(page, axe, TOLVAN)
  await logIn(page, axe, { till: '/e-tjanster/provansokan/arende' })
  await axe()
  await page.getByLabel('Ämne').fill('Ansökan som någon annan försöker skriva under')
  await page.getByLabel('Telefon').fill('070-765 43 21')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe()

  // From now on the control page decides; it lets Margareta sign an order meant for Tolvan.
  const control = await context.newPage()
  await useBankIdOf(control, axe, 'manual')
  await page.getByRole('link', { name: 'Skriv under med BankID' }).click()
  await expect(page.getByRole('button', { name: 'BankID på den här enheten' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click()
  await expect(page.getByRole('link', { name: 'Starta BankID-appen' })).toBeVisible()
  await axe()
  const order = await myOrder(control, axe)
  await expect(order).toContainText('Underskrift')
  await expect(order).toContainText(`bara för ${TOLVAN.pnr}`)
  await order.getByLabel('Person').selectOption(MARGARETA.pnr)
  await order.getByRole('button', { name: 'Godkänn' }).click()

  await expect(page.getByRole('status')).toHaveText(
    'Ansökan skrevs under med ett annat BankID än det du loggade in med, så den har inte skickats. Skriv under med ditt eget BankID.',
  )
  await expect(page.getByRole('button', { name: 'Försök igen' })).toBeVisible()
  await axe()

  // Nothing was received; the answers wait as a draft on Mina sidor.
  await page.goto('/mina-sidor')
  await expect(page.getByText('Du har inga ärenden här ännu.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Fortsätt med Provansökan (endast för test)' })).toHaveAttribute('href', '/e-tjanster/provansokan/kontrollera')
  await axe()
})
