import { expect, loginStaff, pdfText, test } from './fixtures.ts'
import { inDays } from './dates.ts'
import { portalDb } from './kiosk-helpers.ts'


test('a newcomer orders several services without logging in, and each becomes a sub-case with its team', async ({ page, axe, browser }) => {
  await page.goto('/')
  await axe()
  await page.getByRole('link', { name: 'Ny i kommunen' }).click()
  await expect(page.getByText('Du behöver inte logga in.')).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()

  // Step 1: the moving notification is Skatteverket's, with a link there; at least one service is needed.
  await expect(page.getByRole('heading', { level: 1, name: 'Vad vill du ha?' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Anmäl flytt hos Skatteverket/ })).toHaveAttribute('href', /^https:\/\/www\.skatteverket\.se\//)
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Välj minst en sak du vill ha')
  await expect(page).toHaveTitle(/^Fel: /)
  await axe()
  for (const service of ['Lånekort på biblioteket', 'Förskola eller fritidshem', 'Abonnemang för sophämtning']) await page.getByLabel(service).check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Preschool was chosen, so its page follows.
  await expect(page.getByRole('heading', { level: 1, name: 'Förskola eller fritidshem' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Antalet barn saknas. Skriv hur många barn det gäller')
  await axe()
  await page.getByLabel('Hur många barn gäller det?').fill('2')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // About you: everything missing, then a moving-in date too far ahead.
  await expect(page.getByRole('heading', { level: 1, name: 'Om dig' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  const summary = page.locator('.error-summary')
  for (const message of ['Namnet saknas. Fyll i ditt namn', 'Datumet saknas. Fyll i dagen då du flyttar in', 'E-postadressen saknas', 'Inget språk är valt']) await expect(summary).toContainText(message)
  await axe()
  await page.getByLabel('Namn').fill('Saara Virtanen')
  await page.getByLabel('Gatuadress').fill('Bollmora allé 1')
  await page.getByLabel('Postnummer').fill('135 81')
  await page.getByLabel('Ort').fill('Tyresö')
  await page.getByLabel('Inflyttningsdatum').fill(inDays(120))
  await page.getByLabel('E-post').fill('saara@example.se')
  await page.getByLabel('Finska (suomi)').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(summary).toContainText('Du kan beställa högst 90 dagar innan du flyttar in')
  await axe()
  await page.getByLabel('Inflyttningsdatum').fill(inDays(30))
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // The household is optional.
  await expect(page.getByRole('heading', { level: 1, name: 'Ditt hushåll' })).toBeVisible()
  await axe()
  await page.getByLabel('Antal vuxna').fill('2')
  await page.getByRole('group', { name: 'Barn 1' }).getByLabel('Ålder').fill('3')
  await page.getByRole('group', { name: 'Barn 2' }).getByLabel('Ålder').fill('5')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Samtycke' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(summary).toContainText('Du behöver samtycka för att vi ska kunna skicka informationen')
  await axe()
  await page.getByLabel(/Jag samtycker/).check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe()
  await expect(page.locator('main')).toContainText('Saara Virtanen')
  await expect(page.locator('main')).not.toContainText(/personnummer/i)
  await page.getByRole('button', { name: 'Skicka' }).click()

  // The receipt lists the request and its three parts, each with who handles it.
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  expect(number).toMatch(/^NY-\d{4}-\d{6}$/)
  const parts = page.getByRole('region', { name: 'Din beställning blev 3 ärenden' }).getByRole('listitem')
  await expect(parts).toHaveCount(3)
  const expected = [
    ['Lånekort', 'Bibliotek (Kultur- och fritidsförvaltningen)'],
    ['Förskola eller fritidshem', 'Förskola (Barn- och utbildningsförvaltningen)'],
    ['Abonnemang för sophämtning', 'Avfall (Samhällsbyggnadsförvaltningen)'],
  ]
  const numbers: string[] = []
  for (const [i, [title, handledBy]] of expected.entries()) {
    await expect(parts.nth(i).getByRole('heading')).toHaveText(title!)
    await expect(parts.nth(i)).toContainText(handledBy!)
    numbers.push((await parts.nth(i).locator('strong').textContent())!.trim())
  }
  for (const n of numbers) expect(n).toMatch(/^NY-\d{4}-\d{6}$/)
  expect(new Set([number, ...numbers]).size).toBe(4)

  const pdf = await page.request.get(await page.getByRole('link', { name: 'Ladda ner kvittot som PDF' }).getAttribute('href') as string)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const text = pdfText(await pdf.body()).replace(/\s+/g, ' ')
  for (const s of [number, 'Din beställning blev 3 ärenden', 'Saara Virtanen', 'Bollmora allé 1, 135 81 Tyresö'])
    expect(text).toContain(s)
  for (const [i, [title, handledBy]] of expected.entries()) expect(text).toContain(`${numbers[i]} ${title}, handläggs av ${handledBy}`)

  // In the database: one sub-case per chosen service, each in its team's queue as a new case.
  const db = portalDb()
  const rows = await db`
    select c.number, c.team, c.department, s.status, s.team as queue_team
    from cases c join case_state s on s.case_id = c.id
    where c.parent_id = (select id from cases where number = ${number}) order by c.number`
  const [parent] = await db<{ id: string }[]>`select id from cases where number = ${number}`
  await db.end()
  expect(rows.map((r) => [r.number, r.team, r.department, r.status, r.queue_team])).toEqual([
    [numbers[0], 'bibliotek', 'kultur-fritid', 'new', 'bibliotek'],
    [numbers[1], 'forskola', 'barn-utbildning', 'new', 'forskola'],
    [numbers[2], 'avfall', 'samhallsbyggnad', 'new', 'avfall'],
  ])

  // Staff see the parts on the request's page, and the request on a part's page.
  const staffContext = await browser.newContext()
  const staff = await staffContext.newPage()
  await loginStaff(staff, (p) => axe(p))
  await staff.goto(`/servicecenter/arenden/${parent!.id}`)
  await expect(staff.getByRole('heading', { level: 1, name: number })).toBeVisible()
  await axe(staff)
  const subCases = staff.getByRole('region', { name: 'Delärenden' })
  await expect(subCases.getByRole('listitem')).toHaveCount(3)
  await subCases.getByRole('link', { name: numbers[0] }).click()
  await expect(staff.getByRole('heading', { level: 1, name: numbers[0] })).toBeVisible()
  await axe(staff)
  await expect(staff.getByText(`Delärende i ${number}`)).toBeVisible()
  // The library's part carries the contact details, not the household.
  await expect(staff.locator('main')).toContainText('Saara Virtanen')
  await expect(staff.locator('main')).not.toContainText('Barn 1')
  await staffContext.close()
})
