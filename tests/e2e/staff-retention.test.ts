import { readFile } from 'node:fs/promises'
import { unzipSync } from 'fflate'
import { DEMO_ADMIN, expect, loginStaff, test } from './fixtures.ts'
import { fillFelanmalan, portalDb, unique } from './kiosk-helpers.ts'

test('an admin sees what is due, exports its archive packages, runs retention and reads the gallringslogg', async ({ page, axe, browser }) => {
  test.setTimeout(360_000)
  // A citizen files a fault report; the servicecenter closed it over two years ago (the profile keeps felanmälan two years).
  const citizenContext = await browser.newContext()
  const citizen = await citizenContext.newPage()
  await citizen.goto('/')
  const description = unique('Gatlampan vid gallringstestet är trasig')
  await fillFelanmalan(citizen, axe, description)
  await citizen.getByRole('button', { name: 'Skicka' }).click()
  await expect(citizen.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  const number = (await citizen.locator('.case-number').textContent())!.trim()
  await citizenContext.close()
  const db = portalDb()
  let caseId: string
  try {
    const [row] = await db<{ id: string }[]>`select id from cases where number = ${number}`
    caseId = row!.id
    await db`update case_state set status = 'closed', outcome = 'handled', due_at = null, closed_at = now() - interval '2 years 1 day' where case_id = ${caseId}`
  } finally {
    await db.end()
  }

  // A handläggare is offered no Gallring and gets the 404 of a page that does not exist.
  const staffContext = await browser.newContext()
  const handlaggare = await staffContext.newPage()
  await loginStaff(handlaggare, axe)
  await expect(handlaggare.getByRole('navigation', { name: 'Servicecenter' }).getByRole('link', { name: 'Gallring' })).toHaveCount(0)
  expect((await handlaggare.goto('/servicecenter/gallring'))?.status()).toBe(404)
  await axe(handlaggare)
  await staffContext.close()

  await loginStaff(page, axe, DEMO_ADMIN)
  await page.getByRole('navigation', { name: 'Servicecenter' }).getByRole('link', { name: 'Gallring' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Gallring' })).toBeVisible()
  await axe()
  const row = page.getByRole('row').filter({ hasText: number })
  await expect(row).toContainText('Felanmälan')
  await expect(row).toContainText('Raderas')
  await expect(row).toContainText('Dokumenthanteringsplan KS 2024/112')
  await expect(row).toContainText('Inte exporterat')

  // The staff case page offers the same package for one case.
  await page.goto(`/servicecenter/arenden/${caseId}`)
  await axe()
  const one = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exportera arkivpaket (zip)' }).click()
  const single = unzipSync(await readFile((await (await one).path())))
  const metadata = JSON.parse(new TextDecoder().decode(single[`${number}/metadata.json`])) as { number: string; answers: { description: string } }
  expect(metadata).toMatchObject({ number, answers: { description } })
  expect(Object.keys(single)).toContain(`${number}/arende.pdf`)

  await page.goto('/servicecenter/gallring')
  await expect(page.getByRole('row').filter({ hasText: number })).toContainText('Exporterat')
  await axe()
  await page.getByRole('button', { name: 'Gallra nu' }).click()
  await expect(page.getByRole('status')).toContainText('Gallringen är körd')
  await expect(page.getByRole('row').filter({ hasText: number })).toHaveCount(1)
  const logged = page.getByRole('table', { name: 'Gallringslogg, senaste först' }).getByRole('row').filter({ hasText: number })
  await expect(logged).toContainText('felanmalan')
  await expect(logged).toContainText('Raderas')
  // The run may take other due cases with it (a parallel copy of this test): at least this one is counted.
  await expect(logged).toContainText(/[1-9]\d* ärenden/)
  await axe()

  const gone = await page.request.get(`/servicecenter/arenden/${caseId}`)
  expect(gone.status()).toBe(404)
})
