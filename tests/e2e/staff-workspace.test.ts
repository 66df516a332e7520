import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { loginAs, registerFault } from './case-handling.ts'

/**
 * The servicecenter's desktop workspace (issue 11) at the two screen sizes staff work on: the queue's first
 * rows without scrolling and nothing cut off sideways, the case page's action panel a few Tab presses from
 * the heading, and focus on the result after an action — on the case page and after bulk work in the queue.
 */
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)

async function expectQueueFits(page: Page, height: number) {
  await page.goto('/servicecenter?vy=alla')
  const rows = page.locator('.queue-table tbody tr')
  await expect(rows.nth(2)).toBeVisible()
  for (let i = 0; i < 3; i++) {
    const box = (await rows.nth(i).boundingBox())!
    expect(box.y + box.height, `row ${i + 1} within the first screen`).toBeLessThanOrEqual(height)
  }
  // The last column (the row's "Ta" button column) ends inside the window: nothing is cut off at the side.
  const head = (await page.locator('.queue-table thead th').last().boundingBox())!
  expect(head.x + head.width).toBeLessThanOrEqual(page.viewportSize()!.width)
  expect(await noSidewaysScroll(page)).toBe(true)
}

/** Tab presses from the case heading until focus is in the action panel; undefined if not within `max`. */
async function tabsToPanel(page: Page, max = 5) {
  await page.locator('h1').focus()
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => Boolean(document.activeElement?.closest('.case-panel')))) return n
  }
  return undefined
}

test('the queue and the case page at 1366×768 and 1920×1080, by keyboard', async ({ page, axe }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await loginAs(page, axe, 'anna')
  await expectQueueFits(page, 768)
  await axe(page)

  const number = await registerFault(page, axe, { description: 'Gatlampan vid lekplatsen är släckt sedan i går.' })
  expect(await noSidewaysScroll(page)).toBe(true)
  expect(await tabsToPanel(page)).toBeLessThanOrEqual(5)

  // An action keeps the page where it was and puts focus on its result. A case registered for a caller is
  // already with the one who took the call, so the action here lets it go.
  await page.evaluate(() => window.scrollTo(0, 300))
  await page.getByRole('button', { name: 'Släpp ärendet' }).first().click()
  const result = page.locator('#resultat')
  await expect(result).toBeFocused()
  await expect(result.getByRole('status')).toHaveText('Ärendet är släppt och ligger bland Nya.')
  expect(await page.evaluate(() => window.scrollY), 'not reloaded to the top').toBeGreaterThan(0)
  await axe(page)

  // Bulk work: the case ticked by keyboard in "Nya" and taken; focus goes to the result.
  await page.goto('/servicecenter?vy=nya&sortera=nyast')
  const box = page.getByRole('checkbox', { name: `Markera ${number}` })
  await box.focus()
  await page.keyboard.press('Space')
  await expect(box).toBeChecked()
  await page.getByRole('button', { name: 'Ta till mig', exact: true }).click()
  await expect(result).toBeFocused()
  await expect(result).toHaveText('1 ärende är taget av dig.')
  await axe(page)

  await page.setViewportSize({ width: 1920, height: 1080 })
  await expectQueueFits(page, 1080)
  await page.getByRole('link', { name: number }).click()
  await expect(page.locator('h1')).toHaveText(number)
  expect(await noSidewaysScroll(page)).toBe(true)
  expect(await tabsToPanel(page)).toBeLessThanOrEqual(5)
  // The panel stays in view while the case's data scrolls to its end.
  await page.locator('.case-data').evaluate((el) => el.scrollIntoView({ block: 'end' }))
  await expect(page.getByRole('button', { name: 'Släpp ärendet' }).first()).toBeInViewport()

  // Bulk forward by keyboard: the case, now Anna's, goes to a förvaltning with one note; focus on the result.
  await page.goto('/servicecenter?vy=mina&sortera=nyast')
  const mine = page.getByRole('checkbox', { name: `Markera ${number}` })
  await mine.focus()
  await page.keyboard.press('Space')
  await page.getByLabel('Förvaltning', { exact: true }).selectOption({ label: 'Samhällsbyggnadsförvaltningen' })
  await page.getByLabel('Till förvaltningen', { exact: true }).fill('Gatubelysningen sköts av er.')
  await page.getByLabel('Till förvaltningen', { exact: true }).press('Tab')
  await expect(page.getByRole('button', { name: 'Vidarebefordra', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(result).toBeFocused()
  await expect(result).toHaveText('1 ärende är vidarebefordrat till förvaltningen.')
  await axe(page)
  await page.goto('/servicecenter?vy=vidarebefordrade&sortera=nyast')
  await expect(page.getByRole('link', { name: number })).toBeVisible()
})
