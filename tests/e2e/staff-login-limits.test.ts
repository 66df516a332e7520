import { DEMO_STAFF, expect, test } from './fixtures.ts'

// The open redirect: without JavaScript the browser itself follows the Location header.
test.use({ javaScriptEnabled: false })

const EVIL = '/%09/evil.example'
const onPortal = (url: string, base: string | undefined) => new URL(url).origin === new URL(base!).origin

test('a staff login with a return path that points at another host lands on the portal', async ({ page, axe, baseURL }) => {
  await page.goto(`/servicecenter/logga-in?till=${EVIL}`)
  await axe()
  await expect(page.locator('input[name="till"]')).toHaveValue('/servicecenter')
  await page.getByLabel('E-postadress').fill(DEMO_STAFF.email)
  await page.getByLabel('Lösenord').fill(DEMO_STAFF.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { name: 'Inkomna ärenden' })).toBeVisible()
  expect(onPortal(page.url(), baseURL)).toBe(true)
  expect(new URL(page.url()).pathname).toBe('/servicecenter')
  await axe()

  // Already logged in, the login page sends a staff member straight on: to the portal, whatever the form of the path.
  for (const till of [EVIL, '/%5C/evil.example', '%2F%2Fevil.example', '/.//evil.example', 'https://evil.example/']) {
    const answer = await page.request.get(`/servicecenter/logga-in?till=${till}`, { maxRedirects: 0 })
    expect(answer.status(), till).toBe(302)
    expect(answer.headers().location, till).toBe('/servicecenter')
  }
  const kept = await page.request.get(`/servicecenter/logga-in?till=${encodeURIComponent('/servicecenter/sok?q=a b')}`, { maxRedirects: 0 })
  expect(kept.headers().location).toBe('/servicecenter/sok?q=a%20b')
})

test('a BankID login with a return path that points at another host lands on Mina sidor', async ({ page, axe, baseURL }) => {
  await page.goto(`/logga-in?till=${EVIL}`)
  await axe()
  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
  await axe()
  // The page refreshes itself until the simulator (BANKID_SIMULATOR_AUTO_APPROVE) has approved the order.
  await page.waitForURL((u) => u.pathname === '/mina-sidor', { timeout: 30_000 })
  expect(onPortal(page.url(), baseURL)).toBe(true)
  await expect(page.getByRole('heading', { level: 1, name: 'Mina sidor' })).toBeVisible()
  await axe()
})

test('after five wrong passwords the login says calmly when to try again, and keeps the e-mail address', async ({ page, axe }) => {
  // An account of its own, so the demo account other tests log in with is never locked.
  const email = `ingen-${Math.random().toString(36).slice(2, 8)}@demo.invalid`
  await page.goto('/servicecenter/logga-in')
  await axe()
  const attempt = async (expected: string | RegExp) => {
    await page.getByLabel('E-postadress').fill(email)
    await page.getByLabel('Lösenord').fill('fel lösenord')
    await page.getByRole('button', { name: 'Logga in' }).click()
    await expect(page.locator('.error-summary')).toContainText(expected)
  }
  for (let i = 0; i < 5; i++) await attempt('E-postadressen eller lösenordet är fel')
  await axe()
  await attempt(/För många misslyckade inloggningar från den här datorn\. Du kan försöka igen klockan \d{2}:\d{2}\./)
  await expect(page.getByLabel('E-postadress')).toHaveValue(email)
  await expect(page.getByLabel('Lösenord')).toHaveValue('')
  await axe()
})
