import { expect, pdfText, test } from './fixtures.ts'
import { otherBrowser, registerFault } from './case-handling.ts'
import { JOHAN, myOrder, useBankIdOf } from './citizen.ts'
import { enrolKiosk, unique } from './kiosk-helpers.ts'

test('at a kiosk, Mina sidor shows the receipt and the citizen’s data in the browser and never downloads them', async ({ page, browser, context, axe }) => {
  // Staff registering the case, enrolment and a BankID login before the kiosk pages: slow on a loaded machine.
  test.setTimeout(480_000)
  const anna = await otherBrowser(browser, axe, 'anna')
  const description = unique('Skylt nedriven vid biblioteket')
  const number = await registerFault(anna.page, axe, { description, personnummer: '19860612-9933', name: JOHAN.name })
  await anna.close()

  const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('Mina sidor') })
  await close()
  // Approved by hand on the simulator's control page, so the QR page stays until it has been checked.
  await useBankIdOf(page, axe, 'manual')
  await page.goto('/kiosk')
  await axe()
  await page.getByRole('button', { name: /Logga in med BankID/ }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
  await axe()
  const control = await context.newPage()
  const order = await myOrder(control, axe)
  await order.getByLabel('Person').selectOption(JOHAN.pnr)
  await order.getByRole('button', { name: 'Godkänn' }).click()
  // The control page stays open until the login is through: once hydrated it approves with a fetch, which
  // closing the page at once would cancel (seen when axe got faster and the page hydrated before the click).
  await page.waitForURL((u) => u.pathname === '/kiosk', { timeout: 20_000 })
  await control.close()
  await expect(page.locator('header')).toContainText(`Inloggad med BankID: ${JOHAN.name}`)
  await axe()

  await page.goto('/mina-sidor')
  const show = page.getByRole('link', { name: 'Visa mina uppgifter (PDF)' })
  await expect(show).toBeVisible()
  await expect(show).not.toHaveAttribute('download')
  await expect(page.getByRole('link', { name: /^Ladda ner/ })).toHaveCount(0)
  await expect(page.getByText('På en kunddator visas filen på skärmen och sparas inte på datorn.')).toBeVisible()
  await axe()
  const data = await page.request.get(await show.getAttribute('href') ?? '')
  expect(data.headers()['content-disposition']).toMatch(/^inline; /)
  expect(pdfText(await data.body())).toContain(number)

  await page.locator('.case-card').filter({ hasText: number }).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: `Ärende ${number}` })).toBeVisible()
  const receipt = page.getByRole('link', { name: 'Visa kvittot (PDF)' })
  await expect(receipt).not.toHaveAttribute('download')
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible()
  await axe()
  const pdf = await page.request.get(await receipt.getAttribute('href') ?? '')
  expect(pdf.headers()['content-disposition']).toMatch(/^inline; /)
  expect(pdfText(await pdf.body())).toContain(number)
})
