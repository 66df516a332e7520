import { expect, test } from './fixtures.ts'

/**
 * The telephone number library (25 kB of a form page's JavaScript) is fetched only by a page that asks for a
 * telephone number, and that page still checks the number in the browser before anything is posted.
 */
test('the phone library comes only with a page that asks for a telephone number, and checks it in the browser', async ({ page, axe }) => {
  const fetched: string[] = []
  const posts: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (/\/assets\/libphonenumber-js-[\w-]+\.js$/.test(path)) fetched.push(path)
    if (r.method() === 'POST') posts.push(path)
  })
  const hydrated = () => page.waitForFunction(() => '__reactRouterDataRouter' in window)
  const next = () => page.getByRole('button', { name: 'Fortsätt', exact: true }).click()

  await page.goto('/e-tjanster/felanmalan/kategori')
  await hydrated()
  await axe()
  await page.getByLabel('Park eller träd').check()
  await next()
  await expect(page.getByRole('heading', { level: 1, name: 'Var är felet?' })).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning av platsen (frivilligt)').fill('Vid dammen i parken')
  await next()
  await expect(page.getByText('Steg 3 av 4')).toBeVisible()
  await axe()
  await page.getByLabel('Beskrivning').fill('En gren har fallit över gångvägen.')
  // Three pages without a telephone question, all hydrated and checked in the browser: no library.
  expect(fetched).toEqual([])
  await next()
  // The contact page asks for one: it fetches the library as it is drawn.
  await expect(page.getByText('Steg 4 av 4')).toBeVisible()
  await axe()
  await expect.poll(() => fetched.length).toBe(1)

  // A number that cannot be called is refused in the browser: the page is not posted.
  await page.getByLabel('Jag vill ha återkoppling').check()
  await page.getByLabel('Telefon (frivilligt)').fill('070-12')
  const postsBefore = posts.length
  await next()
  await expect(page.locator('.error-summary')).toContainText('Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67')
  expect(posts.length).toBe(postsBefore)
  await axe()

  await page.getByLabel('Telefon (frivilligt)').fill('070-123 45 67')
  await next()
  await expect(page.getByRole('heading', { name: 'Kontrollera dina svar' })).toBeVisible()
  await expect(page.locator('main')).toContainText('070-123 45 67')
  await axe()
  expect(fetched).toHaveLength(1)
})
