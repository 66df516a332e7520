import { readingOrder } from '#services/library/sip2/person-name.ts'
import { SIP2_TEST_PATRONS, SIP2_UNKNOWN_CARD } from '#services/library/sip2/test-patrons.ts'
import { DEMO_STAFF, expect, test } from './fixtures.ts'
import { createLibraryStaff, enrolKiosk, fillFelanmalan, portalDb, staffLogin, unique } from './kiosk-helpers.ts'

const { valid, blocked, lost } = SIP2_TEST_PATRONS

test('library card login says what is wrong, slows down guessing, and files a felanmälan under the card', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('Lånekort') })
  await close()
  await page.getByRole('link', { name: 'Logga in med lånekort' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med lånekort' })).toBeVisible()
  await axe()
  for (const label of ['Lånekortets nummer', 'PIN-kod']) {
    await expect(page.getByLabel(label)).toHaveAttribute('inputmode', 'numeric')
    await expect(page.getByLabel(label)).toHaveAttribute('autocomplete', 'off')
  }

  const login = async (card: string, pin: string) => {
    await page.getByLabel('Lånekortets nummer').fill(card)
    await page.getByLabel('PIN-kod').fill(pin)
    await page.getByRole('button', { name: 'Logga in' }).click()
  }
  /** A refused attempt: the answer has arrived when the PIN box is emptied again. */
  const refused = async (card: string, pin: string, message: string) => {
    await login(card, pin)
    await expect(page.getByLabel('PIN-kod')).toHaveValue('')
    await expect(page.locator('.error-summary')).toContainText(message)
  }
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.locator('.error-summary')).toContainText('Fyll i lånekortets nummer')
  await expect(page.locator('.error-summary')).toContainText('Fyll i din PIN-kod')
  await axe()
  // A wrong PIN and an unknown card get the same answer: which one it was would tell a guesser which cards exist.
  await refused(valid.cardNumber, '9999', 'Kortnumret eller PIN-koden stämmer inte')
  await expect(page.getByLabel('Lånekortets nummer')).toHaveValue(valid.cardNumber)
  await axe()
  await refused(SIP2_UNKNOWN_CARD, '1234', 'Kortnumret eller PIN-koden stämmer inte')
  await refused(blocked.cardNumber, blocked.pin, 'Lånekortet är spärrat')
  await axe()
  // Guessing on one card at this (new) kiosk: after five wrong PINs even the right one has to wait.
  for (let i = 0; i < 5; i++) await refused(lost.cardNumber, `99${i}9`, 'Kortnumret eller PIN-koden stämmer inte')
  await refused(lost.cardNumber, lost.pin, 'För många felaktiga försök här. Du kan försöka igen klockan')
  await axe()

  await login(valid.cardNumber, valid.pin)
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible()
  // The library system says "Åström, Märta"; the kiosk greets and files under "Märta Åström".
  expect(valid.name).toBe('Åström, Märta')
  await expect(page.locator('header')).toContainText('Inloggad med lånekort: Märta Åström')
  await expect(page.getByRole('link', { name: 'Logga in med lånekort' })).toHaveCount(0)
  await axe()

  await fillFelanmalan(page, axe, 'Papperskorgen vid biblioteket är full.')
  await page.getByRole('button', { name: 'Skicka' }).click()
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  const db = portalDb()
  try {
    const [row] = await db<{ applicant: unknown; channel: string; location: string }[]>`select applicant, channel, location from cases where number = ${number}`
    expect(row).toEqual({ applicant: { name: 'Märta Åström', libraryCard: valid.cardNumber }, channel: 'kiosk', location: 'strand' })
  } finally {
    await db.end()
  }
  await page.getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.locator('header')).not.toContainText('Inloggad')
  await axe()
})

test('a library-card visitor’s draft is kept for the card when the visit ends, and only that card gets it back', async ({ page, browser, axe }) => {
  const card = SIP2_TEST_PATRONS.fines
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('Utkast') })
  await close()
  const login = async () => {
    await page.getByRole('link', { name: 'Logga in med lånekort' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in med lånekort' })).toBeVisible()
    await axe()
    await page.getByLabel('Lånekortets nummer').fill(card.cardNumber)
    await page.getByLabel('PIN-kod').fill(card.pin)
    await page.getByRole('button', { name: 'Logga in' }).click()
    await expect(page.locator('header')).toContainText(`Inloggad med lånekort: ${readingOrder(card.name)}`)
  }
  await login()
  await axe()
  await page.goto('/e-tjanster/felanmalan/kategori')
  await page.getByLabel('Klotter').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('Besöket är avslutat')

  // The next visitor, without the card, starts empty.
  await page.goto('/e-tjanster/felanmalan/kategori')
  await expect(page.getByLabel('Klotter')).not.toBeChecked()
  await axe()
  await page.getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('Besöket är avslutat')
  await axe()

  await login()
  await page.goto('/e-tjanster/felanmalan/kategori')
  await expect(page.getByLabel('Klotter')).toBeChecked()
  await page.getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('Besöket är avslutat')
})

test('a help request shows at once for staff of the kiosk’s location and not for another; staff take it and finish it', async ({ page, browser, axe }) => {
  const name = unique('Hjälpdator')
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Servicecenter, kommunhuset', name })
  await close()
  const librarian = await createLibraryStaff('strand')

  const here = await browser.newContext()
  const servicecenter = await here.newPage()
  await staffLogin(servicecenter, axe, '/servicecenter/hjalp')
  const elsewhere = await browser.newContext()
  const library = await elsewhere.newPage()
  await staffLogin(library, axe, '/servicecenter/hjalp', librarian)
  for (const staff of [servicecenter, library]) {
    await expect(staff.locator('[data-live="on"]')).toBeVisible()
    await axe(staff)
    await staff.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true))
  }
  await expect(library.locator('main')).toContainText('Strands bibliotek')

  await page.getByRole('link', { name: /Felanmälan/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
  await page.getByRole('button', { name: 'Få hjälp av personal' }).click()
  const told = page.getByRole('banner').getByRole('status')
  await expect(told).toHaveText('Personalen har fått ditt meddelande och kommer till dig. Stanna gärna vid datorn.')
  // The visitor's message offers them nothing meant for staff.
  await expect(told.getByRole('link')).toHaveCount(0)
  await axe()

  const request = servicecenter.locator('.help-request').filter({ hasText: name })
  await expect(request).toContainText('Felanmälan')
  await expect(request).toContainText('Väntar på hjälp')
  await expect(servicecenter.getByText('En ny hjälpförfrågan.')).toBeAttached()
  expect(await servicecenter.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true)
  await axe(servicecenter)
  await library.reload()
  await expect(library.locator('main')).not.toContainText(name)
  await axe(library)

  await request.getByRole('button', { name: /Jag tar det/ }).click()
  await expect(request).toContainText('Demo Handläggare hjälper till')
  await request.getByRole('button', { name: /Klar/ }).click()
  await expect(servicecenter.locator('.help-request').filter({ hasText: name })).toHaveCount(0)
  await axe(servicecenter)
  await here.close()
  await elsewhere.close()
})

test('staff unlock assisted mode on the kiosk with their own login, and the case records who helped', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Servicecenter, kommunhuset', name: unique('Hjälpläge') })
  await close()
  await page.getByRole('button', { name: 'Få hjälp av personal' }).click()
  await page.getByRole('link', { name: 'Hjälpläge (för personal)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hjälpläge för personal' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Starta hjälpläge' }).click()
  await expect(page.locator('.error-summary')).toContainText('Fyll i din e-postadress')
  await axe()
  await page.getByLabel('Din e-postadress (personal)').fill(DEMO_STAFF.email)
  await page.getByLabel('Ditt lösenord').fill(DEMO_STAFF.password)
  await page.getByRole('button', { name: 'Starta hjälpläge' }).click()
  await expect(page.locator('header')).toContainText('Demo Handläggare från personalen hjälper dig att fylla i.')
  // It is not a staff login: staff pages stay out of reach on the kiosk.
  await page.goto('/servicecenter')
  await expect(page).toHaveURL(/\/kiosk$/)
  await axe()

  await fillFelanmalan(page, axe, 'Trasig ramp vid entrén, ifyllt med hjälp.')
  await page.getByRole('button', { name: 'Skicka' }).click()
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  const db = portalDb()
  try {
    const [row] = await db<{ data: { assistedBy?: { name: string } }; actor: { kind: string } }[]>`
      select e.data, e.actor from cases c join case_events e on e.case_id = c.id and e.seq = 1 where c.number = ${number}`
    expect(row?.data.assistedBy?.name).toBe('Demo Handläggare')
    expect(row?.actor.kind).toBe('citizen')
  } finally {
    await db.end()
  }
  await page.getByRole('button', { name: 'Avsluta hjälpläget' }).click()
  await expect(page.locator('header')).not.toContainText('hjälper dig')
  await axe()
})

test('the start screen offers language, larger text and high contrast, with big touch targets; Avsluta resets them', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Trollbäckens bibliotek', name: unique('Visning') })
  await close()
  const targets = page.locator('header a, header button, main a.kiosk-choice, main .kiosk-languages a')
  for (const box of await targets.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height }))))
    expect(Math.min(box.w, box.h)).toBeGreaterThanOrEqual(44)

  await page.getByRole('button', { name: 'Större text' }).click()
  await expect(page.locator('html')).toHaveClass(/kiosk--large-text/)
  await expect(page.getByRole('button', { name: 'Större text' })).toHaveAttribute('aria-pressed', 'true')
  await axe()
  await page.getByRole('button', { name: 'Hög kontrast' }).click()
  await expect(page.locator('html')).toHaveClass(/kiosk--contrast/)
  await axe()
  // An e-service page in high contrast, with its warning box and form fields.
  await page.getByRole('link', { name: /Felanmälan/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()
  await expect(page.getByText('Steg 1 av 4')).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await axe()
  await page.getByRole('link', { name: /Tyresö kommun/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible()
  await page.getByRole('link', { name: 'English' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Get help from staff' })).toBeVisible()
  await axe()

  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible()
  await expect(page.locator('html')).not.toHaveClass(/kiosk--/)
  await axe()
})
