import { DEMO_STAFF, expect, loginStaff, test } from './fixtures.ts'

test('staff pages ask for a login, a wrong password is refused, and the queue pages through cases', async ({ page, axe }) => {
  await page.goto('/servicecenter')
  await expect(page).toHaveURL(/\/servicecenter\/logga-in\?till=%2Fservicecenter$/)
  await axe()
  await page.getByLabel('E-postadress').fill(DEMO_STAFF.email)
  await page.getByLabel('Lösenord').fill('fel lösenord')
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.locator('.error-summary')).toContainText('E-postadressen eller lösenordet är fel')
  await expect(page.getByLabel('E-postadress')).toHaveValue(DEMO_STAFF.email)
  await axe()
  await loginStaff(page, axe)
  await expect(page.locator('tbody tr').first()).toContainText(/FEL-\d{4}-\d{6}/)
  await page.locator('tbody tr a').first().click()
  await expect(page.getByRole('heading', { name: 'Händelser' })).toBeVisible()
  await expect(page.locator('.timeline')).toContainText('Mottagen')
  await axe()
  const pdf = await page.request.get(await page.getByRole('link', { name: 'Kvitto som PDF' }).getAttribute('href') as string)
  expect(pdf.headers()['content-type']).toBe('application/pdf')

  // Unknown case ids are 404, not errors.
  const missing = await page.goto('/servicecenter/arenden/00000000-0000-0000-0000-000000000000')
  expect(missing?.status()).toBe(404)
  await axe()
  const junk = await page.goto('/servicecenter/arenden/inte-ett-id')
  expect(junk?.status()).toBe(404)
  await axe()

  await page.goto('/servicecenter')
  await page.getByRole('button', { name: 'Logga ut' }).click()
  await expect(page).toHaveURL(/logga-in/)
  await axe()
  await page.goto('/servicecenter')
  await expect(page).toHaveURL(/logga-in/)
  await axe()
})

test('a citizen cannot reach a case or its files without a staff login', async ({ page, axe, request }) => {
  await loginStaff(page, axe)
  const caseHref = await page.locator('tbody tr a').first().getAttribute('href') as string
  const anonymous = await request.get(caseHref, { maxRedirects: 0 })
  expect(anonymous.status()).toBe(302)
  expect(anonymous.headers().location).toContain('/servicecenter/logga-in')
  const pdf = await request.get(`${caseHref}/kvitto.pdf`, { maxRedirects: 0 })
  expect(pdf.status()).toBe(302)

  // The demo handläggare is no administrator: staff accounts and the outbox are not theirs to see.
  await expect(page.getByRole('link', { name: 'Personal', exact: true })).toHaveCount(0)
  for (const path of ['/servicecenter/personal', '/servicecenter/utkorg', '/servicecenter/jobb']) {
    expect((await page.goto(path))?.status(), path).toBe(404)
    await axe()
  }
})
