import { expect, test } from './fixtures.ts'
import { JOHAN, logIn, myOrder, useBankIdOf } from './citizen.ts'

test('a citizen logs in with Mobilt BankID, the QR code changes every second, and Mina sidor opens', async ({ page, axe, context }) => {
  // The order waits for the control page, so the QR code can be looked at for as long as that takes.
  await useBankIdOf(page, axe, 'manual')
  await page.goto('/mina-sidor')
  // Mina sidor needs a login and comes back afterwards.
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fmina-sidor$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in med BankID' })).toBeVisible()
  await expect(page.getByText('Vill du använda BankID på den här enheten eller på en annan enhet?')).toBeVisible()
  await axe()

  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
  const qr = page.getByRole('img', { name: 'QR-kod för BankID' })
  await expect(qr).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(/Starta BankID-appen\.|Söker efter BankID/)
  await axe()
  const first = await qr.getAttribute('src')
  expect(first).toMatch(/^data:image\/svg\+xml;base64,/)
  await expect.poll(() => qr.getAttribute('src')).not.toBe(first)
  // The secret stays on the server: the page holds only the picture of this second's code.
  expect(await page.content()).not.toMatch(/qrStartSecret|orderRef/)

  // The "phone" scans and approves.
  const control = await context.newPage()
  const order = await myOrder(control, axe)
  await order.getByLabel('Person').selectOption(JOHAN.pnr)
  await order.getByRole('button', { name: 'Godkänn' }).click()
  await page.waitForURL('**/mina-sidor', { timeout: 20_000 })
  await expect(page.getByRole('heading', { level: 1, name: 'Mina sidor' })).toBeVisible()
  await expect(page.getByText(`Inloggad som ${JOHAN.name}`)).toBeVisible()
  // Other tests file cases as the same test person in parallel, so the list's content is not asserted here.
  await expect(page.getByRole('heading', { name: 'Mina ärenden' })).toBeVisible()
  await axe()

  // Logga ut from the header: the session is gone, Mina sidor asks for a login again.
  await page.getByRole('navigation', { name: 'Mina sidor' }).getByRole('button', { name: 'Logga ut' }).click()
  await expect(page.getByText('Du är utloggad.')).toBeVisible()
  await axe()
  await page.goto('/mina-sidor')
  await expect(page).toHaveURL(/\/logga-in\?till=/)
})

test('the citizen cancels: on the page, and in the BankID app, and then tries again', async ({ page, axe, context }) => {
  await useBankIdOf(page, axe, 'manual')
  await page.goto('/logga-in')
  await axe()
  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: 'Avbryt' }).click()
  await expect(page.getByRole('alert')).toHaveText('Åtgärden avbröts.')
  await expect(page.getByRole('button', { name: 'BankID på den här enheten' })).toBeVisible()
  await axe()

  // Cancelled in the app instead (the simulator's control page plays the phone).
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click()
  await expect(page.getByRole('link', { name: 'Starta BankID-appen' })).toHaveAttribute('href', /^bankid:\/\/\/\?autostarttoken=[0-9a-f-]{36}&redirect=null$/)
  await expect(page.getByRole('status')).toHaveText('Försöker starta BankID-appen.')
  const control = await context.newPage()
  const order = await myOrder(control, axe)
  await order.getByRole('button', { name: 'Avbryt i appen' }).click()
  await expect(page.getByRole('status')).toHaveText('Åtgärden avbröts.')
  await axe()

  // A calm retry: a new order on the same device, approved this time.
  await page.getByRole('button', { name: 'Försök igen' }).click()
  await expect(page.getByRole('link', { name: 'Starta BankID-appen' })).toBeVisible()
  const next = await myOrder(control, axe)
  await next.getByLabel('Person').selectOption(JOHAN.pnr)
  await next.getByRole('button', { name: 'Godkänn' }).click()
  await page.waitForURL('**/mina-sidor')
  await expect(page.getByText(`Inloggad som ${JOHAN.name}`)).toBeVisible()
  await axe()
})

test('a forged or someone else’s order gets nothing', async ({ page, axe, browser }) => {
  await page.goto('/logga-in')
  await axe()
  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
  const orderId = new URL(page.url()).searchParams.get('order')!
  expect(orderId).toMatch(/^[0-9a-f-]{36}$/)

  const other = await browser.newContext()
  const stranger = await other.newPage()
  for (const id of [orderId, '00000000-0000-4000-8000-000000000000', 'x']) {
    const poll = await stranger.request.get(`/bankid/status?order=${id}`)
    expect(poll.status()).toBe(404)
  }
  // The order page shows a stranger the plain login page and nothing of the order.
  await stranger.goto(`/logga-in?order=${orderId}`)
  await expect(stranger.getByRole('button', { name: 'BankID på den här enheten' })).toBeVisible()
  await expect(stranger.getByRole('img', { name: 'QR-kod för BankID' })).toHaveCount(0)
  await axe(stranger)
  // Copying the session cookie into another browser is not enough either: the order is bound to this one.
  const sid = (await page.context().cookies()).find((c) => c.name === 'sid')!
  await other.addCookies([{ name: 'sid', value: sid.value, domain: sid.domain, path: '/' }])
  expect((await stranger.request.get(`/bankid/status?order=${orderId}`)).status()).toBe(404)
  await other.close()

  await page.waitForURL('**/mina-sidor', { timeout: 20_000 })
  await axe()
})

test('after 18 idle minutes a dialog offers to stay logged in; after 20 the citizen is logged out', async ({ page, axe }) => {
  await page.clock.install()
  await logIn(page, axe)
  await axe()
  await page.clock.fastForward('18:10')
  const dialog = page.getByRole('dialog', { name: 'Vill du fortsätta vara inloggad?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Fortsätt vara inloggad' })).toBeFocused()
  await axe()
  await dialog.getByRole('button', { name: 'Fortsätt vara inloggad' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Mina sidor' })).toBeVisible()

  await page.clock.fastForward('20:10')
  await page.waitForURL(/\/logga-in\?utloggad=tid/)
  await expect(page.getByText('Du loggades ut eftersom du inte gjorde något på 20 minuter.')).toBeVisible()
  await axe()
  await page.goto('/mina-sidor')
  await expect(page).toHaveURL(/\/logga-in\?till=/)
})

test('"Logga ut på alla enheter" ends the person’s session on every device', async ({ page, axe, browser }) => {
  await logIn(page, axe)
  await axe()
  const otherContext = await browser.newContext()
  const phone = await otherContext.newPage()
  await logIn(phone, (p) => axe(p ?? phone))
  await expect(phone.getByText(`Inloggad som ${JOHAN.name}`)).toBeVisible()
  await axe(phone)

  await page.getByRole('button', { name: 'Logga ut på alla enheter' }).click()
  await expect(page.getByText('Du är utloggad på alla enheter.')).toBeVisible()
  await axe()
  await phone.reload()
  await expect(phone).toHaveURL(/\/logga-in\?till=%2Fmina-sidor/)
  await otherContext.close()
})
