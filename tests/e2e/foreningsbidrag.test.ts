import { JOHAN, logIn, startQrOrder } from './citizen.ts'
import { expect, pdfText, test } from './fixtures.ts'
import { inDays } from './dates.ts'
import { portalDb } from './kiosk-helpers.ts'

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') })
const DOCUMENTS = [['Stadgar', 'stadgar.pdf'], ['Årsmötesprotokoll', 'protokoll.pdf'], ['Verksamhetsberättelse', 'verksamhet.pdf'],
  ['Resultat- och balansräkning', 'ekonomi.pdf'], ['Revisionsberättelse', 'revision.pdf']] as const
// Not the seeded association (tests/e2e/seed-associations.ts): this application adds one of its own.
const ORGNR = '802510-0002'

test('an association’s chair applies for an activity grant late, signs with BankID and gets a receipt; the register gets the association', async ({ page, axe }) => {
  await page.goto('/')
  await axe()
  await page.getByRole('link', { name: 'Ansök om föreningsbidrag' }).click()
  await expect(page.getByText('Du loggar in med BankID innan du börjar.')).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()
  await logIn(page, axe, { till: '/e-tjanster/foreningsbidrag/forening' })

  // The association: an organisationsnummer that fails its check digit is named at the field.
  await expect(page.getByRole('heading', { level: 1, name: 'Föreningen' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  const summary = page.locator('.error-summary')
  for (const m of ['Namnet saknas. Skriv föreningens namn', 'Organisationsnumret saknas', 'Adressen saknas']) await expect(summary).toContainText(m)
  await axe()
  await page.getByLabel('Föreningens namn').fill('Bollmora Innebandyklubb')
  await page.getByLabel('Organisationsnummer').fill('802510-0003')
  await page.getByLabel('Säte (kommun)').fill('Tyresö')
  await page.getByLabel('Gatuadress').fill('Bollmoravägen 5')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort', { exact: true }).fill('Tyresö')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(summary).toContainText('Organisationsnumret stämmer inte')
  await axe()
  await page.getByLabel('Organisationsnummer').fill(ORGNR)
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Ordförande och kassör' })).toBeVisible()
  await axe()
  await page.getByLabel('Ordförande: namn').fill(JOHAN.name)
  await page.getByLabel('Ordförande: telefon').fill('070-123 45 67')
  await page.getByLabel('Ordförande: e-post').fill('johan@example.se')
  await page.getByLabel('Kassör: namn').fill('Kim Kassör')
  await page.getByLabel('Kassör: telefon').fill('070-765 43 21')
  await page.getByLabel('Kassör: e-post').fill('kim@example.se')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Utbetalning' })).toBeVisible()
  await axe()
  await page.getByLabel('Bankgiro', { exact: true }).check()
  await page.getByLabel('Nummer', { exact: true }).fill('5050-1055')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Members: a sub-count larger than the total is refused with both numbers in view.
  await expect(page.getByRole('heading', { level: 1, name: 'Medlemmar och årsmöte' })).toBeVisible()
  await axe()
  await page.getByLabel('Antal medlemmar').fill('85')
  await page.getByLabel('Varav 7–20 år').fill('90')
  await page.getByLabel('Varav folkbokförda i kommunen').fill('70')
  await page.getByLabel('Medlemsavgift per år i kronor').fill('400')
  await page.getByLabel('Datum för senaste årsmötet').fill(inDays(-200))
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(summary).toContainText('Antalet 7–20 år kan inte vara fler än alla medlemmar (85)')
  await axe()
  await page.getByLabel('Varav 7–20 år').fill('60')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Vilket bidrag söker ni?' })).toBeVisible()
  await axe()
  await page.getByLabel('Aktivitetsbidrag (LOK)').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Sessions from about ten months ago: the round's closing date (configuration) has passed.
  await expect(page.getByRole('heading', { level: 1, name: 'Sammankomster' })).toBeVisible()
  await axe()
  const sessions = [[inDays(-300), 'P12', '14', '45'], [inDays(-293), 'P12', '16', '90']] as const
  for (const [i, [date, group, participants, minutes]] of sessions.entries()) {
    const row = page.getByRole('group', { name: `Sammankomst ${i + 1}` })
    await row.getByLabel('Datum', { exact: true }).fill(date)
    await row.getByLabel('Grupp eller lag').fill(group)
    await row.getByLabel('Ledare', { exact: true }).fill('Kim Kassör')
    await row.getByLabel('Deltagare 7–20 år').fill(participants)
    await row.getByLabel('Längd i minuter').fill(minutes)
  }
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(summary).toContainText('En sammankomst ska vara minst 60 minuter')
  await axe()
  await page.getByRole('group', { name: 'Sammankomst 1' }).getByLabel('Längd i minuter').fill('75')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Attachments: each required document is named when missing.
  await expect(page.getByRole('heading', { level: 1, name: 'Bilagor' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  for (const m of ['Stadgarna saknas', 'Protokollet saknas', 'Revisionsberättelsen saknas']) await expect(summary).toContainText(m)
  await axe()
  for (const [label, file] of DOCUMENTS) await page.getByLabel(label, { exact: true }).setInputFiles(pdf(file))
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Den som skriver under' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(summary).toContainText('Välj din roll i föreningen')
  await axe()
  await page.getByLabel('Ordförande', { exact: true }).check()
  await page.getByLabel('Jag intygar att uppgifterna stämmer').check()
  await page.getByLabel('Jag har läst hur kommunen behandlar mina personuppgifter').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(page.locator('main')).toContainText('Bollmora Innebandyklubb')
  await expect(page.locator('main')).toContainText('19860612-9933')
  await axe()
  await page.getByRole('link', { name: 'Skriv under med BankID' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Skriv under med BankID' })).toBeVisible()
  await expect(page.locator('.signing-text')).toContainText('Bollmora Innebandyklubb')
  await axe()
  await startQrOrder(page)

  // Late, and still received: the receipt says what happens next.
  await page.waitForURL(/\/e-tjanster\/foreningsbidrag\/kvitto\/FORB-\d{4}-\d{6}$/, { timeout: 20_000 })
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await expect(page.locator('.panel')).toContainText(`Underskriven med BankID av ${JOHAN.name}`)
  await expect(page.getByRole('heading', { name: 'Vad händer nu?' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()

  const receipt = await page.request.get(await page.getByRole('link', { name: 'Ladda ner kvittot som PDF' }).getAttribute('href') as string)
  expect(receipt.headers()['content-type']).toBe('application/pdf')
  const text = pdfText(await receipt.body()).replace(/\s+/g, ' ')
  for (const s of [number, 'Ansök om föreningsbidrag', 'Bollmora Innebandyklubb', ORGNR, 'Bankgiro 5050-1055', 'Aktivitetsbidrag (LOK)',
    `Signerat av ${JOHAN.name}`, 'stadgar.pdf', 'revision.pdf'])
    expect(text).toContain(s)

  // The register now holds the association, changed by this case and its signer.
  const db = portalDb()
  const [entry] = await db`select a.name, h.actor, c.number from associations a join association_history h on h.orgnr = a.orgnr
    join cases c on c.id = h.case_id where a.orgnr = ${ORGNR}`
  await db.end()
  expect(entry).toMatchObject({ name: 'Bollmora Innebandyklubb', number, actor: { name: JOHAN.name, role: 'chair' } })
})
