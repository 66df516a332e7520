import { expect, test } from './fixtures.ts'
import { loginAs, registerFault } from './case-handling.ts'

test.use({ javaScriptEnabled: false })

test('without JavaScript staff register (claimed in that step), note (with an error first) and close a case', async ({ page, axe }) => {
  await loginAs(page, axe, 'bo')
  // A registration with nothing chosen is refused with the error summary, and nothing typed is lost.
  await page.goto('/servicecenter/registrera/felanmalan')
  await page.getByLabel('Beskrivning', { exact: true }).fill('Hål i asfalten')
  await page.getByRole('button', { name: 'Registrera ärendet' }).click()
  await expect(page.locator('.error-summary')).toContainText('Välj vad felet gäller')
  await expect(page.getByLabel('Beskrivning', { exact: true })).toHaveValue('Hål i asfalten')
  await axe(page)

  await registerFault(page, axe, { channel: 'E-post', description: 'Stort hål i asfalten vid busshållplatsen.' })
  // Registered by Bo, the case is his already.
  await expect(page.locator('.facts')).toContainText('Bo Handläggare')
  await page.getByRole('button', { name: 'Spara anteckning' }).click()
  await expect(page.locator('.error-summary')).toContainText('Skriv anteckningen')
  await axe(page)
  await page.getByLabel('Anteckning', { exact: true }).fill('Skickat till gatuenheten per telefon.')
  await page.getByRole('button', { name: 'Spara anteckning' }).click()
  await expect(page.getByText('Anteckningen är sparad.')).toBeVisible()
  const close = page.locator('section.action', { has: page.getByRole('heading', { name: 'Avsluta ärendet' }) })
  await close.getByLabel('Besvarat direkt').check()
  await close.getByRole('button', { name: 'Avsluta ärendet' }).click()
  await expect(page.getByText('Ärendet är avslutat.')).toBeVisible()
  await expect(page.locator('.facts')).toContainText('Avslutad (Besvarat direkt)')
  await axe(page)
})
