import { request as httpRequest } from 'node:http'
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

/** One GET on a new connection: node:cluster hands connections to the workers in turn. */
function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }))
    }).on('error', reject).end()
  })
}

test('/metrics counts the requests of both workers, and reports a database gauge once', async () => {
  const healthz = async () => {
    const r = await getOnNewConnection(`${base}/metrics`)
    expect(r.status).toBe(200)
    expect(r.body).toContain('portal_database_up 1\n')
    return Number(/^portal_http_requests_total\{method="GET",route="\/healthz",status="200"\} (\d+)$/m.exec(r.body)?.[1] ?? 0)
  }
  const before = await healthz()
  for (let i = 0; i < 10; i++) expect((await getOnNewConnection(`${base}/healthz`)).status).toBe(200)
  // One worker alone saw about half of them: only the sum over both is ten more.
  expect((await healthz()) - before).toBe(10)
})
