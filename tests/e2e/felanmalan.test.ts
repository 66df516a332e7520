import exifr from 'exifr'
import { photo as phonePhoto } from '../images.ts'
import { expect, loginStaff, pdfText, test } from './fixtures.ts'

const notAPhoto = { name: 'bild.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('det här är ingen bild') }

test('a citizen reports a broken street light from a phone, and staff find it in the queue', async ({ page, axe, browser }) => {
  // A real phone photo, taken with the position on.
  const photo = { name: 'lampan.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto('jpeg') }
  await page.goto('/')
  await axe()
  await page.getByRole('link', { name: 'Felanmälan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()

  // Step 1: nothing chosen → error summary, focused, linked to the field; title says "Fel: ".
  await expect(page.getByText('Steg 1 av 4')).toBeVisible()
  await expect(page.getByText(/Ring 112 vid fara för liv/)).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(page).toHaveTitle(/^Fel: /)
  await axe()
  await summary.getByRole('link', { name: 'Välj vad felet gäller' }).click()
  await expect(page.getByLabel('Gatubelysning')).toBeFocused()
  await page.getByLabel('Gatubelysning').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Step 2: the address (the map beside it is an addition); a bad postcode is named at its input.
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
  await page.getByLabel('Postnummer').fill('1354')
  await page.getByLabel('Ort').fill('Tyresö')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Postnumret ska ha fem siffror')
  await axe()
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Step 3: a file that is not an image is refused by its bytes, named; a real photo is kept.
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning').fill('Släckt')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Beskriv felet med minst 10 tecken')
  await axe()
  await page.getByLabel('Beskrivning').fill('Gatlampan utanför porten är släckt sedan i måndags.')
  await page.getByLabel('Foton (frivilligt)').setInputFiles([notAPhoto, photo])
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  // The browser believed the name; the server read the bytes.
  await expect(page.locator('.error-summary')).toContainText('Filen bild.jpg har fel filtyp. Välj en fil av typen JPEG, PNG, WebP eller HEIC')
  await expect(page.getByRole('button', { name: 'Ta bort lampan.jpg' })).toBeVisible()
  await expect(page.getByLabel('Beskrivning')).toHaveValue('Gatlampan utanför porten är släckt sedan i måndags.')
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Step 4: feedback wanted → a way to reach the reporter is required.
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Jag vill ha återkoppling').check()
  await page.getByLabel('Namn (frivilligt)').fill('Åsa Öberg')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Fyll i e-post eller telefon så att vi kan ge dig återkoppling')
  await axe()
  await page.getByLabel('Telefon (frivilligt)').fill('070-123 45 67')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Check your answers, change one, send.
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe()
  await expect(page.locator('main')).toContainText('Bollmora allé 2, 135 40 Tyresö')
  await expect(page.locator('main')).toContainText('070-123 45 67')
  await page.getByRole('link', { name: 'Ändra kategori' }).click()
  await expect(page.getByLabel('Park eller träd')).toBeVisible()
  await axe()
  await page.getByLabel('Park eller träd').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(page.locator('main')).toContainText('Park eller träd')
  await page.getByRole('button', { name: 'Skicka' }).click()

  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  expect(number).toMatch(/^FEL-\d{4}-\d{6}$/)
  await expect(page.locator('main')).toContainText('Tyresö kommun har tagit emot ditt ärende ”Felanmälan”.')
  await expect(page.locator('main')).toContainText('Servicecenter går igenom din anmälan inom 10 dagar')
  // Only a phone number was given: no mail was queued, so the receipt promises none.
  await expect(page.locator('main')).not.toContainText('bekräftelse')

  // The PDF receipt holds the same rows, with å/ä/ö intact.
  const pdf = await page.request.get(await page.getByRole('link', { name: 'Ladda ner kvittot som PDF' }).getAttribute('href') as string)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const text = pdfText(await pdf.body())
  for (const expected of [number, 'Park eller träd', 'Bollmora allé 2, 135 40 Tyresö', 'Gatlampan utanför porten är släckt sedan i måndags.', 'Åsa Öberg', 'lampan.jpg'])
    expect(text).toContain(expected)

  // Staff see it in the queue, with the photo stripped of its location.
  const staffContext = await browser.newContext()
  const staff = await staffContext.newPage()
  await loginStaff(staff, (p) => axe(p))
  // The newest fault reports first: other tests running alongside fill the oldest-first default view.
  await staff.goto('/servicecenter?vy=nya&e-tjanst=felanmalan&sortera=nyast')
  await axe(staff)
  await staff.getByRole('link', { name: number }).click()
  await expect(staff.getByRole('heading', { name: number })).toBeVisible()
  await expect(staff.locator('main')).toContainText('Gatlampan utanför porten är släckt sedan i måndags.')
  await axe(staff)
  // The photo opens in the viewer beside the case's data; its own address serves the stripped file.
  await staff.getByRole('link', { name: 'lampan.jpg' }).click()
  await expect(staff.getByRole('heading', { name: 'lampan.jpg' })).toBeVisible()
  await axe(staff)
  const img = await staff.request.get(await staff.getByRole('link', { name: 'Öppna lampan.jpg för sig' }).getAttribute('href') as string)
  expect(img.headers()['content-type']).toBe('image/jpeg')
  expect(await exifr.gps(await img.body()).catch(() => undefined)).toBeUndefined()
  expect(await exifr.gps(photo.buffer)).toBeDefined()
  await staffContext.close()
})
