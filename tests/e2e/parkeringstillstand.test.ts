import { expect, test } from './fixtures.ts'
import { JOHAN } from './citizen.ts'
import { applyForMyself, fillAddress, next, receiptPdfText, signAndReceive, startApplication } from './application.ts'

// Parkeringstillstånd end to end on a phone: the medical certificate attached and dated within 90 days,
// photo and signature left for later (received, and the citizen told to send them), signed with BankID.

const certificate = { name: 'läkarintyg.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') }

/** A date `days` before today in Stockholm, as the date input takes it. */
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() - days * 24 * 3600_000))

test('a citizen applies for a disabled parking permit with a medical certificate, signs, and reads the receipt', async ({ page, axe }) => {
  // The e2e simulator approves every order as Johan unless told otherwise.
  await startApplication(page, axe, 'Ansök om parkeringstillstånd för rörelsehindrade', 'parkeringstillstand')
  await applyForMyself(page, axe, JOHAN)

  await expect(page.getByRole('heading', { level: 1, name: 'Adress och kontakt' })).toBeVisible()
  await fillAddress(page)
  await page.getByLabel('Telefon', { exact: true }).fill('070-123 45 67')
  await axe()
  await next(page)

  await expect(page.getByRole('heading', { level: 1, name: 'Tillståndet' })).toBeVisible()
  await page.getByLabel('När jag kör själv (förare)').check()
  await page.getByLabel('Ny ansökan').check()
  await page.getByRole('group', { name: /Beräknas svårigheterna/ }).getByLabel('Ja').check()
  await page.getByLabel('Två år').check()
  await axe()
  await next(page)

  // The certificate page sent empty, with a certificate too old, then without the file: each time the
  // error summary (focused) and the message at the field, the missing file named from the first try.
  await expect(page.getByRole('heading', { level: 1, name: 'Läkarintyg' })).toBeVisible()
  await axe()
  await next(page)
  const summary = page.locator('.error-summary')
  const shows = async (message: string) => {
    await expect(summary).toContainText(message)
    await expect(page.locator('.error-message').filter({ hasText: message })).toHaveCount(1)
  }
  await expect(summary).toBeFocused()
  await shows('Datumet saknas. Fyll i dagen då läkaren skrev intyget')
  await shows('Bekräfta att läkaren inte är släkt med dig')
  await shows('Läkarintyget saknas. Bifoga intyget från din läkare')
  await axe()
  await page.getByLabel('Datum då intyget skrevs').fill(daysAgo(120))
  await page.getByLabel('Läkaren som skrev intyget är inte släkt med mig').check()
  await next(page)
  await shows('Läkarintyget får vara högst 90 dagar gammalt')
  await axe()
  await page.getByLabel('Datum då intyget skrevs').fill(daysAgo(10))
  await next(page)
  await shows('Läkarintyget saknas. Bifoga intyget från din läkare')
  await expect(summary).toBeFocused()
  await expect(page.getByLabel('Datum då intyget skrevs')).toHaveValue(daysAgo(10))
  await axe()
  await page.getByLabel('Läkarintyg', { exact: true }).setInputFiles(certificate)
  await next(page)

  await expect(page.getByRole('heading', { level: 1, name: 'Foto och namnteckning' })).toBeVisible()
  await page.getByLabel('Jag lämnar fotot senare').check()
  await page.getByLabel('Jag lämnar namnteckningen senare').check()
  await axe()
  await next(page)

  await expect(page.getByRole('heading', { level: 1, name: 'Bekräfta' })).toBeVisible()
  await page.getByLabel('Jag intygar att uppgifterna stämmer').check()
  await page.getByLabel('Jag har läst hur kommunen behandlar mina personuppgifter').check()
  await axe()
  await next(page)

  await expect(page.locator('main')).toContainText('läkarintyg.pdf')
  const number = await signAndReceive(page, axe, JOHAN, 'parkeringstillstand', 'PARK')

  // Photo and signature to follow: received, and told what to send.
  const photo = 'Skicka in fotot så snart du kan. Kortet kan inte tillverkas utan det.'
  await expect(page.locator('main')).toContainText(photo)
  await expect(page.locator('main')).toContainText('Skicka in namnteckningen så snart du kan')

  const text = await receiptPdfText(page)
  for (const part of [
    'Ansök om parkeringstillstånd för rörelsehindrade', number, 'Johan Testsson', '19860612-9933', 'Bollmora allé 1',
    'När jag kör själv (förare)', 'Två år', 'Lämnas in senare', 'Bifogade filer', 'läkarintyg.pdf',
    `Vad händer nu? ${photo}`, `Underskrift Underskriven med BankID av ${JOHAN.name}`,
  ]) expect(text).toContain(part)
})
