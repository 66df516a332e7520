import { expect, test } from './fixtures.ts'
import { JOHAN, myOrder, useBankIdOf } from './citizen.ts'

test.use({ javaScriptEnabled: false })

test('without JavaScript, BankID on this device logs in: the page refreshes itself until the app is done', async ({ page, axe, context }) => {
  await useBankIdOf(page, axe, 'manual')
  await page.goto('/logga-in?till=%2Fmina-sidor')
  await axe()
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click()
  const open = page.getByRole('link', { name: 'Starta BankID-appen' })
  await expect(open).toHaveAttribute('href', /^bankid:\/\/\/\?autostarttoken=[0-9a-f-]{36}&redirect=null$/)
  await expect(page.getByRole('status')).toHaveText('Försöker starta BankID-appen.')
  // (Playwright's text matching skips <noscript>, so the hint is found by its class.)
  await expect(page.locator('p.hint')).toHaveText('Sidan uppdateras automatiskt.')
  await axe()
  // The page reloads itself (and so collects) while the order runs: the same order page comes again.
  const orderPage = page.url()
  await page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() && frame.url() === orderPage })
  await expect(open).toBeVisible()

  // The "phone" approves; the next refresh logs in and continues to Mina sidor.
  const control = await context.newPage()
  const order = await myOrder(control, axe)
  await order.getByLabel('Person').selectOption(JOHAN.pnr)
  await order.getByRole('button', { name: 'Godkänn' }).click()
  await page.waitForURL('**/mina-sidor', { timeout: 20_000 })
  await expect(page.getByText(`Inloggad som ${JOHAN.name}`)).toBeVisible()
  await axe()
})

test('without JavaScript, the QR code is a new one on every refresh, and cancelling works', async ({ page, axe }) => {
  // Nobody approves on the "phone": the order stays pending for as long as this test takes to look at it.
  await useBankIdOf(page, axe, 'manual')
  await page.goto('/logga-in')
  await axe()
  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
  const qr = page.getByRole('img', { name: 'QR-kod för BankID' })
  const first = await qr.getAttribute('src')
  await axe()
  // Each refresh brings a new document; its picture is read once it has loaded.
  await expect(async () => {
    await page.waitForEvent('load')
    expect(await qr.getAttribute('src')).not.toBe(first)
  }).toPass()
  await page.getByRole('button', { name: 'Avbryt' }).click()
  await expect(page.getByRole('alert')).toHaveText('Åtgärden avbröts.')
  await axe()
})
