import { expect, pdfText, test } from './fixtures.ts'
import { expectMailCaught, loginAs, otherBrowser, registerFault } from './case-handling.ts'
import { DECIDABLE } from './case-handling-data.ts'
import { DEMO_ADMIN, loginStaff } from './fixtures.ts'
import { JOHAN, logIn } from './citizen.ts'

// A 1×1 PNG, enough for the portal's type check by content.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

test('a matter registered by phone is claimed and a supplement is asked for; the citizen is e-mailed', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  const number = await registerFault(page, axe, { description: 'Gatlampan blinkar hela natten vid porten.', email: 'greta@example.com', name: 'Greta Gatlampa' })
  await expect(page.getByText('Ärendet är registrerat.')).toBeVisible()
  await expect(page.locator('.facts')).toContainText('Telefon, registrerat av Anna Handläggare')
  await expect(page.locator('.timeline')).toContainText('Registrerat för medborgarens räkning av Anna Handläggare')
  // Whoever took the call has the case: no "Ta ärendet" step.
  await expect(page.locator('.facts')).toContainText('Under handläggning')
  await expect(page.getByRole('button', { name: 'Ta ärendet', exact: true })).toHaveCount(0)

  // A request without a message is refused with the error summary; what was ticked is kept.
  const supplement = page.locator('section.action', { has: page.getByRole('heading', { name: 'Begär komplettering' }) })
  await supplement.getByLabel('Bilaga: Foton').check()
  await supplement.getByRole('button', { name: 'Skicka begäran om komplettering' }).click()
  await expect(page.locator('.error-summary')).toContainText('Skriv vad medborgaren ska komplettera med')
  await expect(supplement.getByLabel('Bilaga: Foton')).toBeChecked()
  await axe(page)
  await page.locator('.error-summary a').first().click()
  await expect(supplement.getByLabel('Meddelande till medborgaren')).toBeFocused()
  await supplement.getByLabel('Meddelande till medborgaren').fill('Skicka gärna en bild på lampan så att vi hittar rätt stolpe.')
  await supplement.getByRole('button', { name: 'Skicka begäran om komplettering' }).click()
  await expect(page.getByText('Begäran om komplettering är skickad.')).toBeVisible()
  await expect(page.locator('.facts')).toContainText('Väntar på medborgaren')
  await expect(page.locator('.timeline')).toContainText('Komplettering begärd')
  await axe(page)

  // The e-mail went through the outbox over SMTP to the development catcher.
  await expectMailCaught(browser, axe, { subject: `Vi behöver fler uppgifter i ärende ${number}`, to: 'greta@example.com' })
})

test('a case forwarded to a department is accepted and returned; another department cannot open it', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  const number = await registerFault(page, axe, { channel: 'Besök', description: 'Trasig gatlykta på parkeringen vid skolan.' })
  const caseUrl = page.url().replace(/\?.*$/, '')
  const forward = page.locator('section.action', { has: page.getByRole('heading', { name: 'Vidarebefordra till förvaltning' }) })
  await forward.getByLabel('Förvaltning', { exact: true }).selectOption({ label: 'Samhällsbyggnadsförvaltningen' })
  await forward.getByLabel('Anteckning till förvaltningen').fill('Lyktan behöver bytas, tekniska enheten.')
  await forward.getByRole('button', { name: 'Vidarebefordra' }).click()
  await expect(page.getByText('Ärendet är vidarebefordrat.')).toBeVisible()
  await axe(page)

  const sbf = await otherBrowser(browser, axe, 'sbf')
  const soc = await otherBrowser(browser, axe, 'soc')
  try {
    await expect(sbf.page.locator('tbody')).toContainText(number)
    await sbf.page.getByRole('link', { name: number }).click()
    await expect(sbf.page.locator('.timeline')).toContainText('Lyktan behöver bytas')
    await axe(sbf.page)
    await sbf.page.getByRole('button', { name: 'Ta emot ärendet' }).click()
    await expect(sbf.page.getByText('Förvaltningen har tagit emot ärendet.')).toBeVisible()
    await sbf.page.getByLabel('Kommentar till servicecenter').fill('Gäller en privat parkering, inte kommunens.')
    await sbf.page.getByRole('button', { name: 'Återför ärendet' }).click()
    await expect(sbf.page.getByRole('heading', { name: 'Inkomna ärenden' })).toBeVisible()
    await axe(sbf.page)

    // Another department gets the same 404 as for a case that does not exist, for the page and its files.
    const response = await soc.page.goto(caseUrl)
    expect(response?.status()).toBe(404)
    await axe(soc.page)
    expect((await soc.page.request.get(`${caseUrl}/kvitto.pdf`)).status()).toBe(404)
    // And once returned, the first department no longer sees it either.
    expect((await sbf.page.goto(caseUrl))?.status()).toBe(404)
    await axe(sbf.page)
  } finally {
    await sbf.close()
    await soc.close()
  }

  await page.reload()
  await expect(page.locator('.flag-reasons')).toContainText('Återförd: Gäller en privat parkering, inte kommunens.')
  await expect(page.locator('.facts')).toContainText('Under handläggning')
  await axe(page)
})

test('a routine matter is decided; the letter gives the reasons and how to appeal; the citizen reads it; views and searches are audited', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  await page.getByRole('link', { name: 'Sök', exact: true }).click()
  await expect(page.getByLabel('Sök på')).toBeVisible()
  await axe(page)
  await page.getByLabel('Sök på').fill(DECIDABLE.personnummer.replace(/^(\d{8})/, '$1-'))
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('(sökt på personnummer)')
  await expect(page.locator('tbody')).toContainText('Tillstånd för braskamin')
  await axe(page)
  await page.getByLabel('Sök på').fill(DECIDABLE.words)
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('1 ärende (sökt på fritext)')
  await page.locator('tbody a').first().click()
  await expect(page.locator('h1')).toHaveText(/^PROV-\d{4}-\d{6}$/)
  const number = (await page.locator('h1').textContent())!
  await expect(page.locator('.facts')).toContainText('19860612-9933')
  await axe(page)

  await page.getByRole('button', { name: 'Ta ärendet' }).first().click()
  await page.getByRole('button', { name: /^Klar\s?: Sotarens intyg finns$/ }).click()
  await expect(page.getByText('Kontrollpunkten är sparad.')).toBeVisible()
  const decide = page.locator('section.action', { has: page.getByRole('heading', { name: 'Fatta beslut' }) })
  await decide.getByLabel('Bifall – ansökan beviljas').check()
  await decide.getByLabel('Skäl för beslutet').fill('Sotarens intyg visar att eldstaden uppfyller kraven.')
  await decide.getByRole('button', { name: 'Fatta beslut' }).click()
  await expect(page.getByText('Beslutet är fattat.')).toBeVisible()
  await expect(page.locator('.facts')).toContainText('Beslutad')
  await axe(page)

  const pdf = await page.request.get((await page.getByRole('link', { name: 'Beslutsbrev som PDF' }).getAttribute('href'))!)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  const text = pdfText(await pdf.body()).replace(/\s+/g, ' ')
  for (const expected of ['Tyresö kommun', 'Beslut', number, DECIDABLE.name, '19860612-9933', 'Din ansökan om tillstånd för braskamin beviljas.',
    'Sotarens intyg visar att eldstaden uppfyller kraven.', 'Så överklagar du', 'inom tre veckor', 'Anna Handläggare']) expect(text).toContain(expected)

  // The citizen reads the same letter on Mina sidor.
  const citizen = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } })
  const me = await citizen.newPage()
  try {
    await logIn(me, axe)
    await me.locator('.case-card').filter({ hasText: number }).getByRole('link').first().click()
    await expect(me.locator('.stages__item--current')).toHaveText(/^Beslut/)
    await axe(me)
    const letter = await me.request.get((await me.getByRole('link', { name: 'Läs beslutet (PDF)' }).getAttribute('href'))!)
    expect(pdfText(await letter.body()).replace(/\s+/g, ' ')).toContain('Sotarens intyg visar att eldstaden uppfyller kraven.')
  } finally {
    await citizen.close()
  }

  const close = page.locator('section.action', { has: page.getByRole('heading', { name: 'Avsluta ärendet' }) })
  await close.getByLabel('Handlagt av servicecenter').check()
  await close.getByRole('button', { name: 'Avsluta ärendet' }).click()
  await expect(page.getByText('Ärendet är avslutat.')).toBeVisible()
  await axe(page)

  // The admins' audit log names the personnummer search and the opening of the case.
  const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const adminPage = await admin.newPage()
  try {
    await loginStaff(adminPage, axe, DEMO_ADMIN)
    await adminPage.goto('/servicecenter/utkorg')
    const log = adminPage.locator('table').last()
    await expect(log).toContainText('Sökte på personnummer')
    await expect(log).toContainText(DECIDABLE.personnummer)
    await expect(log.locator('tr', { hasText: number }).first()).toContainText('Anna Handläggare')
    await axe(adminPage)
  } finally {
    await admin.close()
  }
})

test('a supplement round trip: the citizen answers on Mina sidor with a file; the case comes back marked', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  await page.goto('/servicecenter/registrera/felanmalan')
  const number = await registerFault(page, axe, { description: 'Trasig parkbänk i Alléparken, vill ha svar.', personnummer: JOHAN.pnr, name: JOHAN.name, onPage: true })
  const supplement = page.locator('section.action', { has: page.getByRole('heading', { name: 'Begär komplettering' }) })
  await supplement.getByLabel('Meddelande till medborgaren').fill('Vilken bänk gäller det? Skicka gärna en bild.')
  await supplement.getByRole('button', { name: 'Skicka begäran om komplettering' }).click()
  await expect(page.getByText('Begäran om komplettering är skickad.')).toBeVisible()

  const citizen = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } })
  const me = await citizen.newPage()
  try {
    await logIn(me, axe)
    await me.locator('.case-card').filter({ hasText: number }).getByRole('link').first().click()
    await expect(me.getByText('Vilken bänk gäller det? Skicka gärna en bild.').first()).toBeVisible()
    await axe(me)
    await me.getByRole('link', { name: 'Svara och komplettera' }).click()
    await expect(me.getByRole('button', { name: 'Skicka kompletteringen' })).toBeVisible()
    await axe(me)
    await me.getByRole('button', { name: 'Skicka kompletteringen' }).click()
    await expect(me.locator('.error-summary')).toContainText('Skriv ditt svar eller bifoga en fil')
    await axe(me)
    await me.getByLabel('Ditt svar').fill('Bänken närmast lekplatsen, bild bifogad.')
    await me.getByLabel('Bifoga filer (frivilligt)').setInputFiles({ name: 'bank.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') })
    await me.getByRole('button', { name: 'Skicka kompletteringen' }).click()
    await expect(me.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
    await axe(me)
  } finally {
    await citizen.close()
  }

  await page.reload()
  await expect(page.locator('.flag-reasons')).toContainText('Komplettering inkommen')
  await expect(page.locator('.facts')).toContainText('Under handläggning')
  await expect(page.locator('.timeline')).toContainText('Bänken närmast lekplatsen, bild bifogad.')
  await expect(page.locator('.attachment-list')).toContainText('bank.png')
  await axe(page)
})

test('two people on one case: the second is told it changed, sees it fresh, and keeps what they typed', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'anna')
  await registerFault(page, axe, { channel: 'Brev', description: 'Nedfallen skylt vid cykelbanan mot centrum.' })
  const url = page.url().replace(/\?.*$/, '')
  const bo = await otherBrowser(browser, axe, 'bo')
  try {
    await bo.page.goto(url)
    await axe(bo.page)
    await page.getByLabel('Anteckning', { exact: true }).fill('Skylten ligger kvar, enligt brevet.')
    await page.getByRole('button', { name: 'Spara anteckning' }).click()
    await expect(page.getByText('Anteckningen är sparad.')).toBeVisible()
    // Bo's page still shows the case without Anna's note: his note carries the old seq.
    await bo.page.getByLabel('Anteckning', { exact: true }).fill('Ringde och pratade med brevskrivaren.')
    await bo.page.getByRole('button', { name: 'Spara anteckning' }).click()
    await expect(bo.page.getByRole('alert')).toContainText('Någon annan ändrade ärendet')
    await expect(bo.page.getByLabel('Anteckning', { exact: true })).toHaveValue('Ringde och pratade med brevskrivaren.')
    await expect(bo.page.locator('.facts')).toContainText('Anna Handläggare')
    await axe(bo.page)
    await bo.page.getByRole('button', { name: 'Spara anteckning' }).click()
    await expect(bo.page.getByText('Anteckningen är sparad.')).toBeVisible()
    await expect(bo.page.locator('.timeline')).toContainText('Ringde och pratade med brevskrivaren.')
  } finally {
    await bo.close()
  }
})
