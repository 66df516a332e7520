import { expect, test } from './fixtures.ts'
import { startPortalProcess, type PortalProcess } from './second-portal.ts'

const PORT = Number(process.env.E2E_PORT ?? 3210) + 50
const base = `http://localhost:${PORT}`
let server: PortalProcess

test.beforeAll(async () => {
  // Up means answering at all: its /healthz says 503, as it should without a database.
  server = await startPortalProcess('tests/e2e/down-server.ts', PORT, {}, () => true)
})
test.afterAll(async () => {
  await server?.stop()
})

test('when the database is down, pages say so calmly with 503 and typed answers are kept', async ({ page, axe }) => {
  expect((await fetch(`${base}/healthz`)).status).toBe(503)

  await page.goto(`${base}/e-tjanster/felanmalan/kategori`)
  await axe()
  await page.getByLabel('Lekplats').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Vi kunde inte spara just nu' })).toBeVisible()
  await expect(page.getByLabel('Lekplats')).toBeChecked()
  await axe()

  // A page that needs the database for this visitor's session: the 503 page, in Swedish, no stack trace.
  await page.context().addCookies([{ name: 'sid', value: 'a'.repeat(43), url: base }])
  const response = await page.goto(`${base}/e-tjanster/felanmalan/kategori`)
  expect(response?.status()).toBe(503)
  await expect(page.getByRole('heading', { name: 'Tjänsten är inte tillgänglig just nu' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText(/ECONNREFUSED|at .*\.js|Error:/)
  await axe()
})
