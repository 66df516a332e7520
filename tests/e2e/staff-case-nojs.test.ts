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

test('without JavaScript a handler forwards ticked cases from the queue, with an error first', async ({ page, axe }) => {
  await loginAs(page, axe, 'bo')
  const number = await registerFault(page, axe, { description: 'Skylten vid skolan har ramlat ner.' })
  await page.goto('/servicecenter?vy=mina&sortera=nyast')
  await page.getByRole('checkbox', { name: `Markera ${number}` }).check()
  await page.getByLabel('Förvaltning', { exact: true }).selectOption({ label: 'Samhällsbyggnadsförvaltningen' })
  await page.getByRole('button', { name: 'Vidarebefordra', exact: true }).click()
  // Without the note nothing is forwarded; the choice and the ticked row are kept.
  await expect(page.locator('.error-summary')).toContainText('Skriv vad förvaltningen behöver veta')
  await expect(page.getByLabel('Förvaltning', { exact: true })).toHaveValue('samhallsbyggnad')
  await expect(page.getByRole('checkbox', { name: `Markera ${number}` })).toBeChecked()
  await axe(page)
  await page.getByLabel('Till förvaltningen', { exact: true }).fill('Skyltar sköts av er.')
  await page.getByRole('button', { name: 'Vidarebefordra', exact: true }).click()
  await expect(page.locator('#resultat')).toHaveText('1 ärende är vidarebefordrat till förvaltningen.')
  await axe(page)
  await page.goto('/servicecenter?vy=vidarebefordrade&sortera=nyast')
  await page.getByRole('link', { name: number }).click()
  await expect(page.locator('.facts')).toContainText('Samhällsbyggnadsförvaltningen')
  await expect(page.getByText('Skyltar sköts av er.').first()).toBeVisible()
})
