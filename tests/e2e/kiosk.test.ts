import { expect, test } from './fixtures.ts'
import { createEnrolmentCode, enrolKiosk, fillFelanmalan, portalDb, unique } from './kiosk-helpers.ts'

test('an admin enrols a kiosk with a one-time code, sees it listed, and revoking it makes it an ordinary browser', async ({ page, browser, axe }) => {
  const name = unique('Entrén')
  // Codes are checked: a location must be chosen.
  const first = await createEnrolmentCode(browser, axe, { location: 'Strands bibliotek', name })
  await first.admin.goto('/servicecenter/kiosker')
  await first.admin.getByLabel('Namn på kunddatorn').fill('Utan plats')
  await first.admin.getByRole('button', { name: 'Skapa engångskod' }).click()
  await expect(first.admin.locator('.error-summary')).toContainText('Välj var kunddatorn står')
  await axe(first.admin)
  await first.close()

  await page.goto('/kiosk')
  await expect(page.getByRole('heading', { name: 'Kunddatorer' })).toBeVisible()
  await axe()
  await page.goto('/kiosk/enrol')
  await page.getByLabel('Engångskod').fill('ABCD-EFGH')
  await page.getByRole('button', { name: 'Registrera' }).click()
  await expect(page.locator('.error-summary')).toContainText('Koden är fel, redan använd eller för gammal')
  await expect(page.getByLabel('Engångskod')).toHaveAttribute('autocomplete', 'off')
  await axe()

  const { code, admin, close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name })
  await expect(page.locator('header')).toContainText('Strands bibliotek')
  const cookie = (await page.context().cookies()).find((c) => c.name === 'kiosk')!
  expect(cookie.httpOnly).toBe(true)
  expect(cookie.expires * 1000).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000)
  // The public start page and the staff pages lead a kiosk to its own start screen.
  await page.goto('/')
  await expect(page).toHaveURL(/\/kiosk$/)
  await page.goto('/servicecenter/logga-in')
  await expect(page).toHaveURL(/\/kiosk$/)

  // The code was used up.
  const other = await browser.newContext()
  const second = await other.newPage()
  await second.goto('/kiosk/enrol')
  await second.getByLabel('Engångskod').fill(code)
  await second.getByRole('button', { name: 'Registrera' }).click()
  await expect(second.locator('.error-summary')).toContainText('Koden är fel, redan använd eller för gammal')
  await other.close()

  await admin.reload()
  const row = admin.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText('Strands bibliotek')
  await axe(admin)
  await row.getByRole('button', { name: /Återkalla/ }).click()
  await expect(admin.getByRole('status')).toContainText(`${name} är inte längre kunddator`)
  await expect(admin.getByRole('row').filter({ hasText: name })).toContainText('Återkallad')
  await axe(admin)
  await close()

  await page.goto('/kiosk')
  await expect(page.getByRole('heading', { name: 'Kunddatorer' })).toBeVisible()
  expect((await page.context().cookies()).some((c) => c.name === 'kiosk')).toBe(false)
  await axe()
})

test('a felanmälan filed at a kiosk records channel and location; the receipt is printed, and Avsluta leaves nothing behind', async ({ page, browser, axe }) => {
  const name = unique('Kunddator')
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Trollbäckens bibliotek', name })
  await close()
  await expect(page.getByRole('button', { name: 'Få hjälp av personal' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Avsluta' })).toBeVisible()

  const description = `Lampan vid kunddatorn ${name} är trasig.`
  await fillFelanmalan(page, axe, description)
  await page.getByRole('button', { name: 'Skicka' }).click()
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await axe()
  const number = (await page.locator('.case-number').textContent())!.trim()
  // Printed, never downloaded onto the kiosk.
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible()
  await expect(page.getByRole('link', { name: /PDF/ })).toHaveCount(0)
  expect((await page.request.get(`/e-tjanster/felanmalan/kvitto/${number}/pdf`)).status()).toBe(404)

  const db = portalDb()
  try {
    const [row] = await db<{ channel: string; location: string; data: { channel: string; location: string } }[]>`
      select c.channel, c.location, e.data from cases c join case_events e on e.case_id = c.id and e.seq = 1 where c.number = ${number}`
    expect(row).toMatchObject({ channel: 'kiosk', location: 'trollbacken', data: { channel: 'kiosk', location: 'trollbacken' } })
  } finally {
    await db.end()
  }

  await page.evaluate(() => localStorage.setItem('left-behind', 'yes'))
  await page.getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.locator('main').getByRole('status')).toContainText('Besöket är avslutat')
  await axe()
  expect(await page.evaluate(() => localStorage.getItem('left-behind'))).toBeNull()
  const cookies = (await page.context().cookies()).map((c) => c.name).sort()
  expect(cookies).toEqual(['csrf', 'kiosk'])

  // Back shows nothing of the visit: the receipt is gone for this browser.
  await page.goBack()
  await expect(page.locator('main')).not.toContainText(number)
  await expect(page.locator('main')).not.toContainText(description)
  await axe()
})
