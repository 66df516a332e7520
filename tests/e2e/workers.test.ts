import { startSecondPortal, type PortalProcess } from './second-portal.ts'
import { expect, test } from './fixtures.ts'

/**
 * The portal as a deployment runs it on several cores: WEB_CONCURRENCY=2 HTTP workers behind one port
 * (server/start.ts). A visitor's requests land on both workers in turn, so nothing may live in one worker.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210) + 70
const base = `http://localhost:${PORT}`
let server: PortalProcess

test.describe.configure({ mode: 'serial' })
test.use({ baseURL: base })

test.beforeAll(async () => {
  server = await startSecondPortal(PORT, { WEB_CONCURRENCY: '2', E2E_PG_DIR: '.data/pg-e2e-workers', E2E_PG_PORT: '54379' })
})
test.afterAll(async () => {
  await server?.stop()
})

test('with two HTTP workers a visitor goes page to page and back, and what they answered is kept', async ({ page, axe }) => {
  await page.goto('/e-tjanster/felanmalan/kategori')
  await axe()
  await page.getByLabel('Klotter').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Tillbaka' }).click()
  await expect(page.getByLabel('Klotter')).toBeChecked()
  await axe()
  await page.reload()
  await expect(page.getByLabel('Klotter')).toBeChecked()
  await axe()
})
