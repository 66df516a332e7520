import { expect, pdfText, test } from './fixtures.ts'

test.use({ javaScriptEnabled: false })

test('without JavaScript a report can be filed, errors keep what was typed, and a replayed send makes no second case', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kategori')
  await axe()
  await page.getByLabel('Klotter').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  // Without JavaScript the place is an address or a description: no map, no coordinates to type.
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await expect(page.getByLabel('Gatuadress')).toBeVisible()
  await expect(page.getByLabel('Latitud')).toHaveCount(0)
  await expect(page.getByText('Plats på kartan')).toHaveCount(0)
  await expect(page.locator('.place-map')).toHaveCount(0)
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page).toHaveTitle(/^Fel: /)
  await expect(page.locator('.error-summary')).toContainText('Skriv adressen eller beskriv platsen där felet finns')
  await axe()

  // The server judges a point by the definition's rule too: one outside the municipality is refused.
  const csrf = await page.locator('input[name="_csrf"]').inputValue()
  const outside = await page.request.post('/e-tjanster/felanmalan/plats', {
    form: { _csrf: csrf, _action: 'continue', 'point.lat': '57.70', 'point.lon': '11.97' }, maxRedirects: 0,
  })
  expect(outside.status()).toBe(400)
  expect(await outside.text()).toContain('Platsen på kartan ligger utanför kommunen')

  await page.getByLabel('Beskrivning av platsen (frivilligt)').fill('Busskuren vid Tyresö centrum')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning').fill('Klotter på busskuren, svarta bokstäver över hela glaset.')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('E-post (frivilligt)').fill('inte en adress')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Skriv e-postadressen i rätt form, till exempel namn@exempel.se')
  await expect(page.getByLabel('E-post (frivilligt)')).toHaveValue('inte en adress')
  await axe()
  await page.getByLabel('E-post (frivilligt)').fill('klotter@exempel.se')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe()
  await expect(page.locator('main')).toContainText('Busskuren vid Tyresö centrum')

  // Capture the send so it can be replayed as a double click or a refresh would.
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/kontrollera')),
    page.getByRole('button', { name: 'Skicka' }).click(),
  ])
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  const replay = await page.request.post(request.url(), {
    headers: { 'content-type': request.headers()['content-type']! },
    data: request.postData()!,
    maxRedirects: 0,
  })
  expect(replay.status()).toBe(302)
  expect(replay.headers().location).toBe(`/e-tjanster/felanmalan/kvitto/${number}`)

  // The receipt says when it was received, by whom, what happens next with felanmälan's own handling time,
  // and where the confirmation was sent: an address was given, so a mail was queued.
  const main = page.locator('main')
  await expect(main).toContainText('Tyresö kommun har tagit emot ditt ärende ”Felanmälan”.')
  await expect(main).toContainText(/Mottaget \d{1,2} \p{L}+ \d{4}/u)
  await expect(main).toContainText('Servicecenter går igenom din anmälan inom 10 dagar')
  await expect(main).toContainText('Vi skickar också en bekräftelse med ärendenumret till klotter@exempel.se.')

  const pdf = await page.request.get(`/e-tjanster/felanmalan/kvitto/${number}/pdf`)
  const text = pdfText(await pdf.body()).replace(/\s+/g, ' ')
  for (const part of ['Klotter på busskuren', 'Tyresö kommun har tagit emot ditt ärende ”Felanmälan”.', 'Mottaget',
    'Vad händer nu? Servicecenter går igenom din anmälan inom 10 dagar', 'Vi skickar också en bekräftelse med ärendenumret till klotter@exempel.se.'])
    expect(text).toContain(part)
})

test('a page further on cannot be opened before the earlier ones are answered', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kontakt')
  await expect(page).toHaveURL(/\/e-tjanster\/felanmalan\/kategori$/)
  await axe()
})

test('unknown e-services, pages and receipts are 404 pages in Swedish, and oversized posts get 413', async ({ page, axe }) => {
  for (const path of ['/e-tjanster/finns-inte', '/e-tjanster/felanmalan/ingen-sida', '/e-tjanster/felanmalan/kvitto/FEL-2026-000001', '/ingenting']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible()
    await axe()
  }
  const big = await page.request.post('/e-tjanster/felanmalan/beskrivning', {
    headers: { 'content-type': 'application/octet-stream' },
    data: Buffer.alloc(36 * 1024 * 1024),
  })
  expect(big.status()).toBe(413)
  expect(await big.text()).toContain('Filerna är för stora')
})

test('a post without the page’s CSRF token is refused', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kategori')
  await axe()
  const forged = await page.request.post('/e-tjanster/felanmalan/kategori', { form: { category: 'klotter' }, maxRedirects: 0 })
  expect(forged.status()).toBe(403)
  const crossSite = await page.request.post('/e-tjanster/felanmalan/kategori', {
    form: { category: 'klotter' }, headers: { origin: 'https://evil.example' }, maxRedirects: 0,
  })
  expect(crossSite.status()).toBe(403)
})
