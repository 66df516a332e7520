import { startPortalProcess, type PortalProcess } from './second-portal.ts'
import { readFileSync } from 'node:fs'
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// A portal whose database the test takes away and brings back: its connection to the end-to-end database
// goes through a TCP relay here that can be closed (connections cut, new ones refused) and opened again.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
const PORT = E2E_PORT + 51
const base = `http://localhost:${PORT}`
const database = new URL(readFileSync(`.data/e2e-${E2E_PORT}.db-url`, 'utf8').trim())

let relay: Server | undefined
let relayPort = 0
const sockets = new Set<Socket>()

async function databaseUp() {
  if (relay?.listening) return
  relay = createServer((client) => {
    const upstream = connect(Number(database.port || 5432), database.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => s.destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((r) => relay!.listen(relayPort, '127.0.0.1', r))
  relayPort = (relay.address() as AddressInfo).port
}

async function databaseDown() {
  const closed = new Promise((r) => relay?.close(r))
  for (const s of sockets) s.destroy()
  await closed
}

let server: PortalProcess
// Serial: both tests cut the same connection. Two portals and a browser share a loaded machine here.
test.describe.configure({ mode: 'serial', timeout: 180_000 })
test.beforeAll(async () => {
  await databaseUp()
  const url = new URL(database)
  url.hostname = '127.0.0.1'
  url.port = String(relayPort)
  server = await startPortalProcess('tests/e2e/down-server.ts', PORT, { OUTAGE_DATABASE_URL: url.toString() })
})
test.afterAll(async () => {
  await server.stop()
  await databaseDown()
})

/** Category, then the place page filled in; the draft and its session exist before the outage. */
async function fillPlace(page: Page, axe: () => Promise<void>) {
  await page.goto(`${base}/e-tjanster/felanmalan/kategori`)
  await axe()
  await page.getByLabel('Lekplats').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Var är felet?' })).toBeVisible()
  await axe()
  await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort', { exact: true }).fill('Tyresö')
}

async function expectKept(page: Page) {
  await expect(page.getByRole('alert').filter({ hasText: 'Vi kunde inte spara just nu' })).toContainText('försök igen om en stund')
  await expect(page.getByRole('heading', { name: 'Var är felet?' })).toBeVisible()
  await expect(page.getByLabel('Gatuadress')).toHaveValue('Bollmora allé 2')
  await expect(page.getByLabel('Postnummer')).toHaveValue('135 40')
  await expect(page.getByLabel('Ort', { exact: true })).toHaveValue('Tyresö')
  await expect(page.locator('body')).not.toContainText(/ECONN|at .*\.js|Error:/)
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('a page posted while the database is down keeps what was typed, and sends once it is back', async ({ page, axe }) => {
      await databaseUp()
      await fillPlace(page, axe)

      await databaseDown()
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Fortsätt', exact: true }).click(),
      ])
      expect(response.status()).toBe(503)
      await expectKept(page)
      await axe()

      await databaseUp()
      await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
      await expect(page.getByRole('heading', { name: 'Beskriv felet' })).toBeVisible()
      await axe()
    })
  })
}
