import { expect, test } from './fixtures.ts'
import { loginAs } from './case-handling.ts'

test('team leads see statistics as charts and tables and export them as CSV; handläggare cannot', async ({ page, axe }) => {
  await loginAs(page, axe, 'lead')
  await page.getByRole('link', { name: 'Statistik' }).click()
  await expect(page.getByRole('heading', { name: 'Statistik', level: 1 })).toBeVisible()
  await expect(page.getByRole('img', { name: /Inkomna ärenden per dag/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Inkomna ärenden per e-tjänst och kanal' })).toContainText('Felanmälan')
  await expect(page.getByRole('table', { name: 'Öppna ärenden efter ålder (just nu)' })).toContainText('Under 1 dag')
  await expect(page.getByRole('table', { name: 'Hjälp av personal vid kunddatorerna per plats' })).toContainText('Strands bibliotek')
  await axe(page)
  await page.getByLabel('Per', { exact: true }).selectOption({ label: 'Vecka' })
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(/per=vecka/)
  await expect(page.getByRole('img', { name: /Inkomna ärenden per vecka/ })).toBeVisible()
  await axe(page)

  const href = await page.getByRole('link', { name: /^Ladda ner som CSV\s?: Inkomna ärenden per e-tjänst och kanal$/ }).getAttribute('href')
  const csv = await page.request.get(href!)
  expect(csv.headers()['content-type']).toContain('text/csv')
  const text = (await csv.text()).replace(/^\uFEFF/, '')
  expect(text.split('\r\n')[0]).toBe('Vecka som börjar;E-tjänst;Kanal;Antal')
  expect(text).toMatch(/\d{4}-\d{2}-\d{2};Felanmälan;Webb;\d+/)

  await page.getByRole('button', { name: 'Logga ut' }).click()
  await expect(page).toHaveURL(/logga-in/)
  await loginAs(page, axe, 'anna')
  await expect(page.getByRole('link', { name: 'Statistik' })).toHaveCount(0)
  expect((await page.goto('/servicecenter/statistik'))?.status()).toBe(404)
  await axe(page)
  expect((await page.request.get('/servicecenter/statistik.csv?tabell=inkomna')).status()).toBe(404)
  expect((await page.goto('/servicecenter/personal'))?.status()).toBe(404)
  await axe(page)
})

test('a department user sees only its own queue and no servicecenter pages', async ({ page, axe }) => {
  await loginAs(page, axe, 'soc')
  await expect(page.getByRole('button', { name: 'Ta nästa ärende' })).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Vyer' })).toContainText('Att ta emot')
  for (const path of ['/servicecenter/sok', '/servicecenter/registrera', '/servicecenter/statistik']) {
    expect((await page.goto(path))?.status()).toBe(404)
    await axe(page)
  }
})

test('the keyboard alone takes the next case and goes back to the list, with access keys for both', async ({ page, axe }) => {
  await loginAs(page, axe, 'nextA')
  // Access keys are handled by the browser itself (Playwright's synthetic keys cannot press them), so the
  // test checks they are there and drives the same controls with Tab and Enter.
  const takeNext = page.getByRole('button', { name: 'Ta nästa ärende' })
  await expect(takeNext).toHaveAttribute('accesskey', 'n')
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Nya', exact: true }).focus()
  await page.keyboard.press('Shift+Tab')
  await expect(takeNext).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Du har tagit nästa ärende.')).toBeVisible()
  await axe(page)
  const back = page.getByRole('link', { name: 'Till ärendelistan' })
  await expect(back).toHaveAttribute('accesskey', 'k')
  await expect(page.getByRole('button', { name: 'Ta nästa ärende' })).toHaveAttribute('accesskey', 'n')
  await back.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Inkomna ärenden' })).toBeVisible()
  await axe(page)
})
