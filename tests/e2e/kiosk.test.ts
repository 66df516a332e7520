import type { Page } from '@playwright/test'
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

type Box = { name: string; top: number; bottom: number; width: number; height: number }

/** The boxes of what `selector` matches on the page, as the screen shows them. */
const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => {
    const r = e.getBoundingClientRect()
    return { name: (e.textContent ?? '').trim() || e.id, top: r.top, bottom: r.bottom, width: r.width, height: r.height }
  }))

/** Every item of the kiosk header is a 56 px target, and all of them share one row (Avsluta too). */
async function headerOnOneRow(page: Page, ways = ['Få hjälp av personal', 'Avsluta']) {
  const items = await boxes(page, '.kiosk-header__inner a, .kiosk-header__inner button')
  expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(ways))
  for (const item of items) expect(Math.min(item.width, item.height), item.name).toBeGreaterThanOrEqual(56)
  // One row: every item's top is above every other item's bottom.
  expect(Math.max(...items.map((i) => i.top))).toBeLessThan(Math.min(...items.map((i) => i.bottom)))
}

/** Radio buttons and checkboxes: the input's own box is 56 px, centred on its label's text. */
async function choicesBigAndAligned(page: Page) {
  const pairs = await page.locator('.radios__item, .checkboxes__item').evaluateAll((items) => items.map((item) => {
    const input = item.querySelector('input')!.getBoundingClientRect()
    const label = item.querySelector('label')!.getBoundingClientRect()
    return { name: item.textContent!.trim(), width: input.width, height: input.height, offset: Math.abs((input.top + input.bottom) / 2 - (label.top + label.bottom) / 2) }
  }))
  expect(pairs.length).toBeGreaterThan(0)
  for (const p of pairs) {
    expect(Math.min(p.width, p.height), p.name).toBeGreaterThanOrEqual(56)
    expect(p.offset, p.name).toBeLessThanOrEqual(2)
  }
}

test('at 1280 × 1024: one language switch, the header on one row, and radios, checkboxes and buttons of at least 56 px', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Trollbäckens bibliotek', name: unique('Mått') })
  await close()
  expect(page.viewportSize()).toEqual({ width: 1280, height: 1024 })
  await headerOnOneRow(page)
  // One way to change the language, in the header of every page.
  await expect(page.getByRole('link', { name: 'English' })).toHaveCount(1)
  await expect(page.getByRole('link', { name: 'Svenska' })).toHaveCount(0)

  await page.getByRole('link', { name: /Felanmälan/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: 'Starta' }).click()
  await expect(page.getByText('Steg 1 av 4')).toBeVisible()
  await headerOnOneRow(page)
  await choicesBigAndAligned(page)
  for (const button of await boxes(page, 'main button, main .button')) expect(button.height, button.name).toBeGreaterThanOrEqual(56)
  await axe()
  // With the error summary and messages the choices keep their size and alignment.
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.locator('.error-summary')).toBeVisible()
  await choicesBigAndAligned(page)
  await axe()
  await page.getByLabel('Klotter').check()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 2 av 4')).toBeVisible()
  // The place page has no choices since the map came (an address, a description or a point on the map).
  await headerOnOneRow(page)
  await page.getByLabel('Gatuadress').fill('Bollmora allé 2')
  await page.getByLabel('Postnummer').fill('135 40')
  await page.getByLabel('Ort').fill('Tyresö')
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await page.getByLabel('Beskrivning').fill('Klotter på väggen vid bibliotekets entré.')
  await axe()
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  // A single checkbox (feedback wanted) as well as radio groups.
  await expect(page.getByRole('checkbox')).not.toHaveCount(0)
  await choicesBigAndAligned(page)
  await headerOnOneRow(page)
  await axe()

  // The English header is one row too.
  await page.getByRole('link', { name: 'English' }).click()
  await expect(page.getByText('Step 4 of 4')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Finish' })).toBeVisible()
  await headerOnOneRow(page, ['Get help from staff', 'Finish'])
  await choicesBigAndAligned(page)
  await axe()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('asking for help shows the visitor that staff are coming, and the staff link is not part of that message', async ({ page, browser, axe }) => {
    const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('Hjälp utan JS') })
    await close()
    await page.getByRole('link', { name: /Felanmälan/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Felanmälan' })).toBeVisible()
    await axe()
    await page.getByRole('button', { name: 'Få hjälp av personal' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Personalen kommer' })).toBeVisible()
    await expect(page.locator('main')).toContainText('Personalen har fått ditt meddelande och kommer till dig. Stanna gärna vid datorn.')
    await expect(page.locator('main').getByRole('link')).toHaveText(['Tillbaka till sidan du var på'])
    await axe()
    // Staff find their way in at the foot of every kiosk page, back to the page the visitor asked from.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Hjälpläge (för personal)' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Hjälpläge för personal' })).toBeVisible()
    await axe()
    expect(new URL(page.url()).searchParams.get('fran')).toBe('/e-tjanster/felanmalan')
  })
})
