import { readFile } from 'node:fs/promises'
import { expect, pdfText, test } from './fixtures.ts'
import { E2E_STAFF } from './case-handling-data.ts'
import { otherBrowser, registerFault } from './case-handling.ts'
import { logIn, useBankIdOf } from './citizen.ts'
import { unique } from './kiosk-helpers.ts'

const INGRID = { pnr: '194608239986', name: 'Ingrid Provsson' }

test('Ladda ner mina uppgifter: the citizen downloads their own data as PDF and JSON, with roles but no staff names', async ({ page, browser, axe }) => {
  test.setTimeout(240_000)
  const anna = await otherBrowser(browser, axe, 'anna')
  const description = unique('Nedfallen gren på gångvägen')
  const number = await registerFault(anna.page, axe, { description, personnummer: '19460823-9986', name: INGRID.name })
  await anna.close()

  await useBankIdOf(page, axe, INGRID)
  await logIn(page, axe)
  await expect(page.getByRole('heading', { level: 2, name: 'Dina uppgifter' })).toBeVisible()
  await axe()

  const link = page.getByRole('link', { name: 'Ladda ner mina uppgifter (PDF)' })
  const [pdf] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(pdf.suggestedFilename()).toMatch(/^mina-uppgifter-\d{4}-\d{2}-\d{2}\.pdf$/)
  const text = pdfText(await readFile((await pdf.path())!)).replace(/\s+/g, ' ')
  for (const expected of ['Dina uppgifter', '19460823-9986', number, description, 'Handlagt av', 'Handläggare', 'Du laddade ner dina uppgifter på Mina sidor'])
    expect(text).toContain(expected)
  expect(text).not.toContain(E2E_STAFF.anna.name)

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Ladda ner mina uppgifter \(JSON/ }).click()])
  const mine = JSON.parse((await readFile((await json.path())!)).toString('utf8'))
  expect(mine.staffNames).toBe(false)
  expect(mine.cases.map((c: { number: string }) => c.number)).toContain(number)
  expect(JSON.stringify(mine)).not.toContain(E2E_STAFF.anna.name)

  // On the citizen's own phone it is a download; the address names no one, so another browser gets a login.
  const direct = await page.request.get('/mina-sidor/mina-uppgifter/pdf')
  expect(direct.headers()['content-disposition']).toMatch(/^attachment; /)
  const stranger = await browser.newContext()
  const other = await stranger.request.get(`${new URL(page.url()).origin}/mina-sidor/mina-uppgifter/json`, { maxRedirects: 0 })
  expect(other.status()).toBe(302)
  expect(other.headers().location).toMatch(/^\/logga-in\?till=/)
  expect((await page.request.get('/mina-sidor/mina-uppgifter/xml')).status()).toBe(404)
  await stranger.close()
})
