import { draftOverHttp, FORM_BASE, sendOverHttp } from '#bench/drafts.ts'
import { expect, test } from './fixtures.ts'
import { E2E_PORT, fillFelanmalan, portalDb } from './kiosk-helpers.ts'
import { startSecondPortal, type PortalProcess } from './second-portal.ts'

/**
 * A portal of its own with the default send limit (10 per address per 10 minutes; the suite's portal raises
 * it): ten reports from this address are received, the eleventh gets the calm 429 page and keeps its answers.
 * Its upload limit is set tiny, so a photo past it is refused on the page while everything typed stays.
 */
const PORT = E2E_PORT + 70
// One address for the browser and for Node's fetch alike (`localhost` may be ::1 for one and 127.0.0.1 for the other).
const base = `http://127.0.0.1:${PORT}`
let server: PortalProcess

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: base })
test.beforeAll(async () => {
  server = await startSecondPortal(PORT, {
    E2E_PG_DIR: '.data/pg-e2e-limits', E2E_PG_PORT: '54389',
    SEND_LIMIT_PER_ADDRESS: '10', SEND_LIMIT_PER_SESSION: '10', SEND_LIMIT_WINDOW_MINUTES: '10',
    // 10 kB of uploads per address: the upload test below crosses it with one file.
    UPLOAD_LIMIT_MB_PER_ADDRESS: '0.01', UPLOAD_LIMIT_MB_PER_SESSION: '100',
  })
})
test.afterAll(async () => {
  await server.stop()
})

test('the eleventh report from one address within ten minutes gets a calm page that says when to try again, and nothing typed is lost', async ({ page, axe }) => {
  test.setTimeout(240_000)
  // Ten reports, each from a visitor of its own (as if cookies were cleared between them), all from this address.
  for (let i = 0; i < 10; i++) {
    const sent = await sendOverHttp(base, await draftOverHttp(base, i))
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toMatch(/\/kvitto\/FEL-\d{4}-\d{6}$/)
  }

  // The eleventh, in a browser on a phone.
  const description = 'Trasig parkbänk vid lekplatsen, en planka saknas helt.'
  await page.goto('/')
  await axe()
  await fillFelanmalan(page, axe, description)
  await page.getByRole('button', { name: 'Skicka' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Vänta en stund innan du skickar' })).toBeVisible()
  const main = page.locator('main')
  await expect(main).toContainText(/Du har skickat många ärenden på kort tid\. Försök igen om (\d+ minuter|1 minut|1 timme|2 timmar)\. Det du har skrivit är sparat\./)
  await expect(main.getByRole('link', { name: '08-578 291 00' })).toBeVisible()
  await expect(main).toContainText('kommun@tyreso.se')
  await expect(main).not.toContainText(/error|stack|at \w+ \(/i)
  await axe()

  // The same send without JavaScript: HTTP 429 with Retry-After and the same calm words.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value
  const db = portalDb(PORT)
  try {
    const [draft] = await db<{ id: string }[]>`select id from drafts where answers->>'description' = ${description}`
    expect(draft).toBeDefined()
    const again = await page.request.post(`${FORM_BASE}/kontrollera`, { form: { _csrf: csrf!, draftId: draft!.id }, maxRedirects: 0 })
    expect(again.status()).toBe(429)
    const retryAfter = Number(again.headers()['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(1200)
    expect(await again.text()).toContain('Du har skickat många ärenden på kort tid.')

    // Nothing was sent, and the answers wait on the check page.
    await page.getByRole('link', { name: 'Tillbaka till dina svar' }).click()
    await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
    await expect(page.locator('main')).toContainText(description)
    await axe()
    const [cases] = await db<{ n: number }[]>`select count(*)::int as n from cases where form_id = 'felanmalan' and answers->>'description' like 'Gatlampan vid port %'`
    expect(cases!.n).toBe(10)
    expect(await db`select 1 from cases where answers->>'description' = ${description}`).toHaveLength(0)
  } finally {
    await db.end()
  }
})

test('a photo past the upload limit is not stored, the page says when to try again, and the text stays', async ({ page, axe }) => {
  await page.goto(`${FORM_BASE}/kategori`)
  await axe()
  await page.getByLabel('Gatubelysning').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Gatuadress').fill('Bollmora allé 4')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort').fill('Tyresö')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  const description = 'Lampan blinkar hela natten, se bifogat foto.'
  await page.getByLabel('Beskrivning', { exact: true }).fill(description)
  await page.getByLabel('Foton (frivilligt)').setInputFiles({ name: 'stort.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(20_000, 1) })
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText(/Du har laddat upp många filer på kort tid, så de nya filerna sparades inte\. Försök igen om (\d+ minuter|1 minut|1 timme|2 timmar)\. Det du har skrivit är sparat\./)
  await expect(page.getByLabel('Beskrivning', { exact: true })).toHaveValue(description)
  await expect(page.getByRole('button', { name: 'Ta bort stort.jpg' })).toHaveCount(0)
  await axe()
  // Without the file the report goes on.
  await page.getByLabel('Foton (frivilligt)').setInputFiles([])
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()
})
