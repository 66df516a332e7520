import en from '#app/locales/en.json' with { type: 'json' }
import sv from '#app/locales/sv.json' with { type: 'json' }
import { expect, test } from './fixtures.ts'
import { everythingLoaded } from './loaded.ts'

/**
 * The portal's interface texts come one language at a time (ADR 044): the server renders the visitor's
 * language, and the page and every script it loads carry that language's catalog only.
 */

/** The English interface texts, as fragments long enough to be unmistakable (arguments cut out). */
const englishFragments = Object.entries(en)
  .filter(([key, text]) => key !== '_meta' && text !== sv[key as keyof typeof sv])
  .flatMap(([, text]) => String(text).split(/\{[^}]*\}/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 20)

test('a Swedish page and its scripts carry no English interface text', async ({ page, axe }) => {
  expect(englishFragments.length).toBeGreaterThan(100)
  for (const path of ['/', '/e-tjanster/felanmalan', '/e-tjanster/felanmalan/kategori']) {
    const loaded = await everythingLoaded(page, path)
    await axe(page)
    // The check sees the page's texts at all: the Swedish ones are there.
    expect(loaded).toContain(sv['ui.skipLink'])
    expect(englishFragments.filter((s) => loaded.includes(s)), path).toEqual([])
  }
})

test('the language switch renders the page in English and back, and the English page works in the browser', async ({ page, axe }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await axe(page)
  await page.getByRole('link', { name: 'English', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'The municipality’s e-services' })).toBeVisible()
  await axe(page)
  await page.getByRole('link', { name: 'Report a fault' }).click()
  await expect(page.getByRole('link', { name: 'Start now' })).toBeVisible()
  await expect(page.getByText('You do not need to log in.')).toBeVisible()
  await axe(page)
  // The form page runs in the browser with the English catalog it brought: an empty page is refused in English.
  await page.getByRole('link', { name: 'Start now' }).click()
  await expect(page.getByText('Step 1 of 4')).toBeVisible()
  await axe(page)
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  await expect(page.locator('.error-summary')).toBeFocused()
  await expect(page.locator('.error-summary')).toContainText('There is a problem')
  await axe(page)
  await page.goto('/e-tjanster/felanmalan')
  await page.getByRole('link', { name: 'Svenska', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('link', { name: 'Starta' })).toBeVisible()
  await axe(page)
})
