import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { JOHAN, logIn, useBankIdOf } from './citizen.ts'

/**
 * Reading pages reach an anonymous visitor as plain HTML (ADR 051): no script to fetch or run, and every link
 * and form works. Form pages keep their scripts (the checks in the browser), and so does every page of a
 * logged-in citizen (the session timeout warning).
 */

/** Scripts the page runs or preloads; the interface texts' JSON data block is not one. */
const scripts = (page: Page) => page.locator('script:not([type="application/json"]), link[rel="modulepreload"]')

test('an anonymous visitor reads the start pages without JavaScript, and the form page comes with its scripts', async ({ page, axe }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(scripts(page)).toHaveCount(0)
  await axe(page)
  await page.getByRole('link', { name: 'Felanmälan' }).first().click()
  await expect(page.getByRole('link', { name: 'Starta' })).toBeVisible()
  await expect(scripts(page)).toHaveCount(0)
  await axe(page)
  await page.goto('/tillganglighet')
  await expect(scripts(page)).toHaveCount(0)
  await axe(page)

  // The form page is the portal's app: its scripts come with it (felanmalan.test.ts shows it checks in the browser).
  await page.goto('/e-tjanster/felanmalan')
  await page.getByRole('link', { name: 'Starta' }).click()
  await expect(page.getByText('Steg 1 av 4')).toBeVisible()
  expect(await scripts(page).count()).toBeGreaterThan(0)
  await axe(page)
})

test('a logged-in citizen gets the scripts on the start page too, for the session timeout warning', async ({ page, axe }) => {
  await useBankIdOf(page, axe, JOHAN)
  await logIn(page, axe)
  await axe(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await scripts(page).count()).toBeGreaterThan(0)
  await axe(page)
})
