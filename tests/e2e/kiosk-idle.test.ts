import { createServer } from 'node:net'
import { SIP2_TEST_PATRONS } from '#services/library/sip2/test-patrons.ts'
import { expect, test } from './fixtures.ts'
import { E2E_PORT, enrolKiosk, unique } from './kiosk-helpers.ts'
import { startSecondPortal, type PortalProcess } from './second-portal.ts'

/**
 * A second portal with short kiosk idle limits and a library system that cannot be reached (SIP2 pointed at
 * a closed port): the idle timeout can be watched in seconds, and "library system down" happens for real.
 */
const PORT = E2E_PORT + 60
const base = `http://localhost:${PORT}`
// The warning comes soon; the end leaves room for the checks the test makes while the warning shows (axe
// alone takes seconds on a busy machine), so the visit cannot end under them.
const IDLE = { warning: 6, end: 30 }
let server: PortalProcess

async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise((resolve) => probe.close(resolve))
  return port
}

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: base })

test.beforeAll(async () => {
  server = await startSecondPortal(PORT, {
    E2E_PG_DIR: '.data/pg-e2e-kiosk', E2E_PG_PORT: '54369',
    KIOSK_IDLE_WARNING_SECONDS: String(IDLE.warning), KIOSK_IDLE_END_SECONDS: String(IDLE.end),
    SIP2_HOST: '127.0.0.1', SIP2_PORT: String(await closedPort()), SIP2_USER: 'kiosk', SIP2_PASSWORD: 'x', SIP2_INSTITUTION: 'TYRESO',
  })
})
test.afterAll(async () => {
  await server?.stop()
})

test('an idle visit is warned, can get more time, and then ends: the next screen and Back show nothing of it', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('Tidsgräns'), baseURL: base })
  await close()
  await page.getByRole('link', { name: /Felanmälan/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()
  await page.getByLabel('Gatubelysning').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort').fill('Tyresö')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  const description = 'Lampan är trasig, skrivet men aldrig skickat.'
  await page.getByLabel('Beskrivning', { exact: true }).fill(description)
  await page.evaluate(() => sessionStorage.setItem('left-behind', 'yes'))

  // The warning: a modal alert dialog with a countdown, focus on "more time", operable by keyboard.
  const dialog = page.getByRole('alertdialog', { name: 'Är du kvar?' })
  // Bounded by the whole idle limit, not to the second: a busy machine delays timers, and the order of
  // events (warning, then end) is what the visitor relies on.
  await expect(dialog).toBeVisible({ timeout: IDLE.end * 1000 })
  await expect(dialog).toContainText(/Om \d+ sekunder avslutas besöket och allt du har fyllt i tas bort/)
  await expect(dialog.getByRole('button', { name: 'Jag behöver mer tid' })).toBeFocused()
  await axe()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByLabel('Beskrivning', { exact: true })).toHaveValue(description)
  await axe()

  // Nobody answers this time: the visit ends by itself and the start screen says why.
  await expect(dialog).toBeVisible({ timeout: IDLE.end * 1000 })
  await expect(page).toHaveURL(/\/kiosk\?slut=tid$/, { timeout: IDLE.end * 1000 })
  await expect(page.locator('main').getByRole('status')).toContainText('Det förra besöket avslutades')
  await expect(page.locator('body')).not.toContainText('Bollmora')
  expect(await page.evaluate(() => sessionStorage.getItem('left-behind'))).toBeNull()
  expect((await page.context().cookies()).map((c) => c.name).sort()).toEqual(['csrf', 'kiosk'])
  await axe()

  await page.goBack()
  await expect(page.locator('main')).not.toContainText('Bollmora')
  await expect(page.locator('main')).not.toContainText(description)
  for (const input of await page.locator('main input[type=text], main textarea').all()) await expect(input).toHaveValue('')
  await axe()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a visit idle past the limit ends on the next request, and nothing of it is kept', async ({ page, browser, axe }) => {
      const { close } = await enrolKiosk(page, browser, axe, { location: 'Trollbäckens bibliotek', name: unique('Utan JS'), baseURL: base })
    await close()
    await page.getByRole('link', { name: /Felanmälan/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
    await axe()
    await page.getByRole('link', { name: 'Starta' }).click()
    await page.getByLabel('Klotter').check()
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
    await expect(page.getByText('Steg 2 av 4')).toBeVisible()
    await axe()
    await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
    await page.waitForTimeout((IDLE.end + 1) * 1000)
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
    await expect(page).toHaveURL(/\/kiosk\?slut=tid$/)
    await expect(page.locator('main').getByRole('status')).toContainText('Det förra besöket avslutades')
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('sid')
    await axe()
    // The answer saved before the pause went with the visit.
    await page.goto('/e-tjanster/felanmalan/plats')
    await expect(page).toHaveURL(/\/e-tjanster\/felanmalan\/kategori$/)
    await expect(page.getByLabel('Klotter')).not.toBeChecked()
    await axe()
  })
})

test('when the library system cannot be reached, the visitor is told so, not that the card is wrong', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('Nere'), baseURL: base })
  await close()
  await page.getByRole('link', { name: 'Logga in med lånekort' }).click()
  await page.getByLabel('Lånekortets nummer').fill(SIP2_TEST_PATRONS.valid.cardNumber)
  await page.getByLabel('PIN-kod').fill(SIP2_TEST_PATRONS.valid.pin)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('alert')).toContainText('Bibliotekets system svarar inte just nu')
  await expect(page.locator('.error-summary')).toHaveCount(0)
  await axe()
})
