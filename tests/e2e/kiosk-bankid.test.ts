import { expect, test } from './fixtures.ts'
import { JOHAN, myOrder, useBankIdOf } from './citizen.ts'
import { enrolKiosk, unique } from './kiosk-helpers.ts'

test('at a kiosk, BankID login goes straight to the QR code for the visitor’s phone; this device is never offered', async ({ page, browser, axe }) => {
  const { close } = await enrolKiosk(page, browser, axe, { location: 'Strands bibliotek', name: unique('BankID') })
  await close()
  // Orders wait for the control page (the visitor's phone), so each QR page can be checked first. Avsluta
  // clears every cookie but the kiosk's, this choice included: it is made again for the second order.
  const holdOrders = async () => {
    await useBankIdOf(page, axe, 'manual')
    await page.goto('/kiosk')
    await expect(page.getByRole('heading', { level: 1, name: 'Välkommen' })).toBeVisible()
  }
  await holdOrders()

  // From the start screen: one tap, and the QR code is there.
  await page.getByRole('button', { name: /Logga in med BankID/ }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Starta BankID-appen' })).toHaveCount(0)
  await axe()
  const control = await page.context().newPage()
  const order = await myOrder(control, axe)
  await order.getByLabel('Person').selectOption(JOHAN.pnr)
  await order.getByRole('button', { name: 'Godkänn' }).click()
  await page.waitForURL((u) => u.pathname === '/kiosk', { timeout: 20_000 })
  await expect(page.locator('header')).toContainText(`Inloggad med BankID: ${JOHAN.name}`)
  await axe()
  await page.getByRole('button', { name: 'Avsluta' }).click()
  await expect(page.locator('header')).not.toContainText('Inloggad')
  await holdOrders()

  // An e-service that needs BankID sends the visitor to the login page: there too only the QR code is offered.
  await page.goto(`/logga-in?till=${encodeURIComponent('/mina-sidor')}`)
  await expect(page.getByRole('group', { name: 'BankID på din telefon' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'BankID på den här enheten' })).toHaveCount(0)
  await axe()
  await page.getByRole('button', { name: 'Visa QR-kod för BankID på din telefon' }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Starta BankID-appen' })).toHaveCount(0)
  await axe()
  await page.getByRole('button', { name: 'Avbryt' }).click()
  // "Try again" after a cancel stays with the QR code as well.
  await expect(page.getByRole('button', { name: 'Visa QR-kod för BankID på din telefon' })).toBeVisible()
  await axe()
})
