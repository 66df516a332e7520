import type { Page } from '@playwright/test'

/** The page's document and every script it loaded, as text. */
export async function everythingLoaded(page: Page, path: string): Promise<string> {
  const bodies: Promise<string>[] = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document' || r.request().resourceType() === 'script') bodies.push(r.text())
  })
  await page.goto(path)
  await page.waitForLoadState('networkidle')
  return (await Promise.all(bodies)).join('\n')
}
