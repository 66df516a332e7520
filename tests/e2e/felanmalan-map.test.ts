import { TILE_HOST } from './tile-fixture.ts'
import { expect, loginStaff, test } from './fixtures.ts'

test('with JavaScript the place is tapped on a map of the configured tiles, and the point reaches the case', async ({ page, axe, browser }) => {
  // Everything the browser fetches comes from the portal or the test's tile server (ADR 036: the profile's server only).
  const hosts = new Set<string>()
  page.on('request', (r) => hosts.add(new URL(r.url()).hostname))

  await page.goto('/e-tjanster/felanmalan/kategori')
  await axe()
  await page.getByLabel('Park eller träd').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Var är felet?' })).toBeVisible()

  // The address is for a place, not the reporter's home: the browser is told not to fill it in.
  for (const label of ['Gatuadress', 'Postnummer', 'Ort'])
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('autocomplete', 'off')
  // No coordinate inputs to type into; the map comes with its tiles from the configured server.
  await expect(page.getByLabel('Latitud')).toHaveCount(0)
  const map = page.getByRole('application', { name: 'Plats på kartan' })
  await expect(map).toBeVisible()
  const tile = page.locator('img.leaflet-tile-loaded').first()
  await expect(tile).toHaveAttribute('src', new RegExp(`^http://${TILE_HOST.replace(/\./g, '\\.')}:\\d+/13/\\d+/\\d+\\.png$`))
  await expect(page.getByText('Ingen plats vald på kartan.')).toBeVisible()
  await axe()

  // Nothing given at all: one message, at the address.
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText('Skriv adressen eller beskriv platsen där felet finns')
  await axe()

  // A tap on the map's middle chooses the profile's start, Tyresö centrum (59.2436, 18.2285), to within a pixel.
  await map.tap()
  const chosen = page.getByText(/^Vald plats: /)
  await expect(chosen).toHaveText(/^Vald plats: 59\.24\d{3}, 18\.2[23]\d{3}$/)
  const shown = (await chosen.textContent())!.replace('Vald plats: ', '')
  const [lat, lon] = shown.split(', ').map(Number) as [number, number]
  expect(Math.abs(lat - 59.2436)).toBeLessThan(0.001)
  expect(Math.abs(lon - 18.2285)).toBeLessThan(0.001)
  await axe()
  await page.getByLabel('Beskrivning av platsen (frivilligt)').fill('Vid dammen i parken')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning').fill('En gren har fallit över gångvägen vid dammen.')
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await axe()
  await expect(page.locator('main')).toContainText(shown)

  // Back on the place page the point is still chosen, on the map and in words.
  await page.getByRole('link', { name: 'Ändra plats på kartan' }).click()
  await expect(page.getByText(`Vald plats: ${shown}`)).toBeVisible()
  await expect(page.locator('.leaflet-interactive')).toHaveCount(1)
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await page.getByRole('button', { name: 'Skicka' }).click()
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  expect([...hosts].filter((h) => h !== 'localhost' && h !== TILE_HOST)).toEqual([])

  // Staff see the point among the case's answers, and in the queue's line.
  const staffContext = await browser.newContext()
  const staff = await staffContext.newPage()
  await loginStaff(staff, (p) => axe(p))
  await staff.goto('/servicecenter?vy=nya&e-tjanst=felanmalan&sortera=nyast')
  await axe(staff)
  await expect(staff.getByRole('row').filter({ hasText: number })).toContainText(`Park eller träd · Vid dammen i parken · ${shown}`)
  await staff.getByRole('link', { name: number }).click()
  await expect(staff.getByRole('heading', { name: number })).toBeVisible()
  await expect(staff.locator('main')).toContainText(shown)
  await axe(staff)
  await staffContext.close()
})
