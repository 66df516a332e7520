import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { JOHAN, logIn, MARGARETA, SIGNE, SIXTEN, startQrOrder, STINA, useBankIdOf } from './citizen.ts'
import { applyForMyself, fillAddress, next, receiptPdfText, signAndReceive, startApplication } from './application.ts'

// Trygghetslarm end to end on a phone: BankID login, the completeness errors, prefill from the login,
// signing with the simulator, the receipt and its PDF; a draft resumed after logging in again; and an
// applicant under 65 who is still received and told what happens next (flags never reject).

type Axe = (p?: Page) => Promise<void>

async function home(page: Page, axe: Axe) {
  await expect(page.getByRole('heading', { level: 1, name: 'Bostaden' })).toBeVisible()
  await fillAddress(page)
  await page.getByLabel('Portkod (frivilligt)').fill('4711')
  await page.getByLabel('I eget hus eller egen lägenhet (ordinärt boende)').check()
  await page.getByLabel('Telefonnummer').fill('070-123 45 67')
  await axe()
  await next(page)
}

async function theRest(page: Page, axe: Axe) {
  await expect(page.getByRole('heading', { level: 1, name: 'Nycklar' })).toBeVisible()
  await page.getByLabel('Jag lämnar nycklar').check()
  await page.getByLabel('Jag lämnar en komplett uppsättning nycklar').check()
  await axe()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Kontaktpersoner' })).toBeVisible()
  const first = page.getByRole('group', { name: 'Kontaktperson 1' })
  await first.getByLabel('Namn').fill('Anna Testsson')
  await first.getByLabel('Relation till dig').fill('Dotter')
  await first.getByLabel('Telefon').fill('070-123 45 68')
  await axe()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Hälsa och husdjur' })).toBeVisible()
  await page.getByLabel('Jag använder rollator eller rullstol').check()
  await page.getByLabel('Husdjur i bostaden (frivilligt)').fill('En katt')
  await axe()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Om trygghetslarmet och avgiften' })).toBeVisible()
  // Text to read instead of boxes to tick: the fee from the municipality profile, and where personal data is explained.
  await expect(page.getByText('Larmet kostar 250 kr i månaden.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Så behandlar kommunen dina personuppgifter' })).toHaveAttribute('href', '/personuppgifter')
  await page.getByRole('group', { name: /Har du redan trygghetslarm/ }).getByLabel('Nej').check()
  await axe()
  await next(page)
}

test('a citizen of 70 applies for a safety alarm: errors, prefill from BankID, signature, receipt and PDF', async ({ page, axe }) => {
  await useBankIdOf(page, axe, MARGARETA)
  await startApplication(page, axe, 'Ansök om trygghetslarm', 'trygghetslarm')

  // Sending a page empty: the error summary, focused, and the message at the field.
  await next(page)
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('Välj om du ansöker för dig själv eller för någon annan')
  await expect(page.locator('.error-message')).toContainText('Välj om du ansöker för dig själv eller för någon annan')
  await axe()
  await applyForMyself(page, axe, MARGARETA)

  await expect(page.getByRole('heading', { level: 1, name: 'Bostaden' })).toBeVisible()
  await axe()
  await next(page)
  await expect(summary).toBeFocused()
  for (const message of ['Adressen saknas. Fyll i adressen där du är folkbokförd', 'Välj hur du bor', 'Telefonnumret saknas. Fyll i det nummer vi kan ringa dig på']) {
    await expect(summary).toContainText(message)
    await expect(page.locator('.error-message').filter({ hasText: message })).toHaveCount(1)
  }
  await axe()
  await home(page, axe)
  await theRest(page, axe)
  const number = await signAndReceive(page, axe, MARGARETA, 'trygghetslarm', 'LARM')
  // Nothing raised: no special notice about a case officer.
  await expect(page.locator('main')).not.toContainText('biståndshandläggare')
  // The door code is stored encrypted; the applicant's own receipt shows it as given.
  await expect(page.locator('main')).toContainText('4711')

  const text = await receiptPdfText(page)
  for (const part of [
    'Ansök om trygghetslarm', number, 'Margareta Testsson', '19560314-9989', 'Bollmora allé 1', 'Portkod 4711',
    'Anna Testsson', 'En katt', 'Jag använder rollator eller rullstol', 'Bifogade filer', 'Inga bifogade filer',
    `Underskrift Underskriven med BankID av ${MARGARETA.name}`,
  ]) expect(text).toContain(part)
  // What happens next is trygghetslarm's own, with its handling time; nothing about a case officer.
  const nextSteps = 'Servicecenter går igenom ansökan. Du får ett beslut inom 5 dagar.'
  expect(text).toContain(`Vad händer nu? ${nextSteps}`)
  expect(text).toContain('Tyresö kommun har tagit emot ditt ärende ”Ansök om trygghetslarm”.')
  await expect(page.locator('main')).toContainText(nextSteps)
  await expect(page.locator('main')).toContainText('Tyresö kommun har tagit emot ditt ärende ”Ansök om trygghetslarm”.')
  await expect(page.locator('main')).toContainText(/Mottaget \d{1,2} \p{L}+ \d{4}/u)

  // The receipt's address keeps working after logging out and in again, which is a new session: opened
  // logged out it asks for BankID first and then shows the receipt, PDF included.
  const receipt = new URL(page.url()).pathname
  await page.locator('.site-header__logout button').click()
  await page.waitForURL((u) => u.pathname !== receipt)
  await axe()
  await page.goto(receipt)
  await expect(page).toHaveURL(/\/logga-in\?till=/)
  await axe()
  await startQrOrder(page)
  await page.waitForURL((u) => u.pathname === receipt, { timeout: 20_000 })
  await expect(page.getByRole('heading', { name: 'Ditt ärende är mottaget' })).toBeVisible()
  await expect(page.locator('.case-number')).toHaveText(number)
  await axe()
  expect(await receiptPdfText(page)).toContain(number)
})

// Each test files as a person of its own: a BankID e-service's draft is the person's, whichever browser they use.
// Stina, not Tolvan: bankid-sign.test.ts counts on Tolvan having no cases.
test('a receipt is not shown to someone else who logs in, nor to a browser without a login', async ({ page, browser, axe }) => {
  await useBankIdOf(page, axe, STINA)
  await startApplication(page, axe, 'Ansök om trygghetslarm', 'trygghetslarm')
  await applyForMyself(page, axe, STINA)
  await home(page, axe)
  await theRest(page, axe)
  const number = await signAndReceive(page, axe, STINA, 'trygghetslarm', 'LARM')
  const receipt = new URL(page.url()).pathname

  // Johan, logged in on his own phone, gets the same answer as for a number that does not exist.
  const context = await browser.newContext()
  const other = await context.newPage()
  try {
    await useBankIdOf(other, axe, JOHAN)
    await logIn(other, axe)
    const response = await other.goto(receipt)
    expect(response?.status()).toBe(404)
    await expect(other.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible()
    await expect(other.locator('main')).not.toContainText(number)
    await axe(other)
    expect((await other.request.get(`${receipt}/pdf`, { maxRedirects: 0 })).status()).toBe(404)
  } finally {
    await context.close()
  }
  // Without any login, the PDF's address asks for one instead of telling whether the case exists.
  const anonymous = await browser.newContext()
  try {
    const r = await anonymous.request.get(`${receipt}/pdf`, { maxRedirects: 0 })
    expect(r.status()).toBe(302)
    expect(r.headers().location).toMatch(/^\/logga-in\?till=/)
  } finally {
    await anonymous.close()
  }
})

test('an applicant under 65 saves a draft, logs in again, resumes from Mina sidor, and is received and told what happens next', async ({ page, axe }) => {
  await useBankIdOf(page, axe, JOHAN)
  await startApplication(page, axe, 'Ansök om trygghetslarm', 'trygghetslarm')
  await applyForMyself(page, axe, JOHAN)
  await home(page, axe)

  // Log out; the draft waits for him on Mina sidor after logging in again.
  await expect(page.getByRole('heading', { level: 1, name: 'Nycklar' })).toBeVisible()
  await axe()
  await page.locator('.site-header__logout button').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/e-tjanster/trygghetslarm'))
  await axe()
  await logIn(page, axe)
  const draft = page.getByRole('link', { name: 'Fortsätt med Ansök om trygghetslarm' })
  await expect(draft).toBeVisible()
  await axe()
  await draft.click()
  await expect(page).toHaveURL(/\/e-tjanster\/trygghetslarm\/nycklar$/)
  await theRest(page, axe)
  // The door code was saved encrypted with the draft and comes back to its owner on the check page.
  await expect(page.locator('main')).toContainText('4711')
  const number = await signAndReceive(page, axe, JOHAN, 'trygghetslarm', 'LARM')

  // Under 65: received all the same, and told plainly who looks at it.
  const told = 'Vi tar emot ansökan. En biståndshandläggare går igenom den och kontaktar dig om ditt behov av trygghetslarm.'
  await expect(page.locator('main')).toContainText(told)
  const text = await receiptPdfText(page)
  expect(text).toContain(number)
  expect(text).toContain(`Vad händer nu? ${told}`)

  // Mina sidor says the same on the case's page.
  await page.goto('/mina-sidor')
  await axe()
  await page.locator('.case-card', { hasText: number }).getByRole('link').first().click()
  await expect(page.locator('main')).toContainText(told)
  await axe()
})

// Issue 13: "at least one complete contact person" is the group's message, shown beside the group; only
// the inputs that are wrong are marked, never all nine of the three rows. The same with and without JavaScript.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled })
    test('the contact people page says what is missing beside the group and marks only the wrong inputs', async ({ page, axe }) => {
      const who = javaScriptEnabled ? SIGNE : SIXTEN
      await useBankIdOf(page, axe, who)
      await startApplication(page, axe, 'Ansök om trygghetslarm', 'trygghetslarm')
      await applyForMyself(page, axe, who)
      await home(page, axe)
      await expect(page.getByRole('heading', { level: 1, name: 'Nycklar' })).toBeVisible()
      await page.getByLabel('Med digitalt lås').check()
      await axe()
      await next(page)
      await expect(page.getByRole('heading', { level: 1, name: 'Kontaktpersoner' })).toBeVisible()
      await axe()

      const group = page.getByRole('group', { name: 'Kontaktpersoner', exact: true })
      const inputs = group.locator('input.input')
      await expect(inputs).toHaveCount(9)
      // The person's draft may hold contacts from an earlier run of this test: start from empty rows.
      for (const input of await inputs.all()) await input.fill('')
      // Marked: an error border, which only an input with something wrong of its own may have.
      const marked = () => inputs.evaluateAll((all) => {
        const error = getComputedStyle(document.querySelector('.error-message')!).color
        return all.filter((i) => getComputedStyle(i).borderTopColor === error).map((i) => i.id)
      })

      const rule = 'Ange minst en kontaktperson med namn, relation och telefonnummer'
      await next(page)
      const summary = page.locator('.error-summary')
      await expect(summary).toBeFocused()
      await expect(summary).toContainText(rule)
      await expect(group.locator('.error-message')).toHaveText([new RegExp(rule)])
      await expect(group).toHaveAccessibleDescription(new RegExp(rule))
      await expect(group.locator('[aria-invalid="true"]')).toHaveCount(0)
      expect(await marked()).toEqual([])
      await axe()

      const first = page.getByRole('group', { name: 'Kontaktperson 1' })
      await first.getByLabel('Namn').fill('Anna Testsson')
      await next(page)
      await expect(summary).toBeFocused()
      await expect(summary.getByRole('link')).toHaveText([
        'Kontaktperson 1: Relationen saknas. Skriv vem personen är för dig, till exempel dotter eller granne',
        'Kontaktperson 1: Telefonnumret saknas. Fyll i kontaktpersonens telefonnummer',
      ])
      await expect(group.locator('[aria-invalid="true"]')).toHaveCount(2)
      await expect.poll(marked).toEqual(['f-contacts-0-relation', 'f-contacts-0-phone'])
      // What was typed stays.
      await expect(first.getByLabel('Namn')).toHaveValue('Anna Testsson')
      await axe()

      await first.getByLabel('Relation till dig').fill('Dotter')
      await first.getByLabel('Telefon').fill('070-123 45 68')
      await next(page)
      await expect(page.getByRole('heading', { level: 1, name: 'Hälsa och husdjur' })).toBeVisible()
      await axe()
    })
  })
}
