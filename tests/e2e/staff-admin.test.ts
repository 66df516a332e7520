import { DEMO_ADMIN, expect, loginStaff, test } from './fixtures.ts'
import { staffLogin, unique } from './kiosk-helpers.ts'
import { SCHEDULES } from '#services/jobs/schedules.ts'

test('an admin creates a library account with its location, stops it (its session ends), lets it in again with a new password; all audited', async ({ page, axe, browser }) => {
  await loginStaff(page, axe, DEMO_ADMIN)
  await page.goto('/servicecenter/personal')
  await expect(page.getByRole('heading', { level: 1, name: 'Personal, roller och team' })).toBeVisible()
  await axe()

  // Nothing filled in: each problem in the error summary and beside its field.
  const create = page.getByRole('region', { name: 'Nytt konto' })
  await create.getByRole('button', { name: 'Skapa kontot' }).click()
  const summary = page.locator('.error-summary')
  for (const message of ['Skriv namnet', 'Skriv en e-postadress som namn@kommun.se', 'Skriv ett lösenord']) await expect(summary).toContainText(message)
  await axe()
  await summary.getByRole('link', { name: 'Skriv namnet' }).click()
  await expect(create.getByLabel('Namn', { exact: true })).toBeFocused()

  const name = unique('Lisa Bibliotekarie')
  const email = `${name.split(' ').pop()}@bibliotek.invalid`
  await create.getByLabel('Namn', { exact: true }).fill(name)
  await create.getByLabel('E-postadress').fill(email)
  await create.getByLabel('Roll', { exact: true }).selectOption({ label: 'Bibliotek' })
  await create.getByLabel('Lösenord', { exact: true }).fill('ett långt lösenord')
  // A library account needs a location.
  await create.getByRole('button', { name: 'Skapa kontot' }).click()
  await expect(summary).toContainText('Bibliotekspersonal måste ha en arbetsplats')
  await expect(create.getByLabel('Namn', { exact: true })).toHaveValue(name)
  await axe()
  await create.getByLabel(/^Arbetsplats/).selectOption({ label: 'Strands bibliotek' })
  await create.getByLabel('Lösenord', { exact: true }).fill('ett långt lösenord')
  await create.getByRole('button', { name: 'Skapa kontot' }).click()
  await expect(page.getByRole('status')).toHaveText(`Kontot för ${name} är skapat.`)
  const account = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
  await expect(account).toContainText('Bibliotek · Arbetsplats: Strands bibliotek')
  await axe()

  // The new account logs in, to the kiosk help requests of its library.
  const theirs = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const them = await theirs.newPage()
  try {
    await staffLogin(them, axe, '/servicecenter/hjalp', { email, password: 'ett långt lösenord' })
    await expect(them.locator('main')).toContainText('Strands bibliotek')

    // Stopped: its session ends at once and it cannot log in.
    // The account just created stays open for the next step.
    await account.getByRole('button', { name: `Stäng av kontot för ${name}` }).click()
    await expect(page.getByRole('status')).toHaveText(`Kontot för ${name} är avstängt och dess inloggningar är avslutade.`)
    await expect(account).toContainText('Avstängt – kan inte logga in')
    await axe()
    await them.reload()
    await expect(them).toHaveURL(/\/servicecenter\/logga-in/)
    await them.getByLabel('E-postadress').fill(email)
    await them.getByLabel('Lösenord').fill('ett långt lösenord')
    await them.getByRole('button', { name: 'Logga in' }).click()
    await expect(them.locator('.error-summary')).toContainText('E-postadressen eller lösenordet är fel')

    // Allowed again, with a new password that the administrator sets.
    await account.getByRole('button', { name: `Aktivera kontot för ${name}` }).click()
    await expect(page.getByRole('status')).toHaveText(`Kontot för ${name} är aktiverat igen.`)
    await account.getByLabel('Nytt lösenord').fill('kort')
    await account.getByRole('button', { name: `Sätt nytt lösenord för ${name}` }).click()
    await expect(summary).toContainText('Lösenordet måste ha minst 12 tecken')
    await axe()
    await account.getByLabel('Nytt lösenord').fill('ett annat långt lösenord')
    await account.getByRole('button', { name: `Sätt nytt lösenord för ${name}` }).click()
    await expect(page.getByRole('status')).toHaveText(`${name} har fått ett nytt lösenord.`)
    await staffLogin(them, axe, '/servicecenter/hjalp', { email, password: 'ett annat långt lösenord' })
  } finally {
    await theirs.close()
  }

  // Each change is in the audit log, with who made it and whose account it was.
  await page.goto('/servicecenter/utkorg')
  const log = page.getByRole('table', { name: 'Granskningslogg' })
  for (const what of ['Skapade konto', 'Stängde av konto', 'Aktiverade konto', 'Satte nytt lösenord'])
    await expect(log.getByRole('row').filter({ hasText: what }).filter({ hasText: name })).toHaveCount(1)
  await axe()

  // The scheduled jobs page, from the staff bar: one row per schedule.
  await page.getByRole('link', { name: 'Jobb', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Schemalagda jobb' })).toBeVisible()
  // A header row and one row per schedule.
  await expect(page.getByRole('table', { name: 'Schemalagda jobb och deras senaste körning' }).getByRole('row')).toHaveCount(SCHEDULES.length + 1)
  await axe()
})
