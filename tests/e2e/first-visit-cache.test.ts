import { expect, test } from './fixtures.ts'

/**
 * The first pages anonymous visitors see are rendered once and shared (server/page-cache.ts): each visitor
 * must still get a CSRF token matching their own cookie and a script nonce matching their own CSP.
 */
test.use({ javaScriptEnabled: false })

test('two first-time visitors of a shared first page each get their own CSRF token and nonce, and both can go on', async ({ browser, axe }) => {
  const visitors = await Promise.all([browser.newContext(), browser.newContext()])
  const seen: { csrf: string; nonce: string }[] = []
  for (const context of visitors) {
    const page = await context.newPage()
    const response = await page.goto('/e-tjanster/felanmalan/kategori')
    await axe(page)
    const cookie = (await context.cookies()).find((c) => c.name === 'csrf')!
    const field = await page.locator('input[name="_csrf"]').first().inputValue()
    expect(field).toBe(cookie.value)
    const csp = (await response!.allHeaders())['content-security-policy']!
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    // Chromium hides nonce attributes from the DOM once applied; the page source must carry this visitor's nonce.
    expect(await response!.text()).toContain(`nonce="${nonce}"`)
    expect(await response!.text()).not.toMatch(/Placeholder/)
    seen.push({ csrf: field, nonce })
    // The token works: the page is accepted and the journey goes on.
    await page.getByLabel('Klotter').check()
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click()
    await expect(page.getByText('Steg 2 av 4')).toBeVisible()
    await axe(page)
  }
  expect(seen[0]!.csrf).not.toBe(seen[1]!.csrf)
  expect(seen[0]!.nonce).not.toBe(seen[1]!.nonce)
  await Promise.all(visitors.map((c) => c.close()))
})
