import { expect, test } from './fixtures.ts'
import { loginAs, otherBrowser } from './case-handling.ts'

test('two people pressing "Ta nästa ärende" at the same moment get different cases', async ({ page, axe, browser }) => {
  await loginAs(page, axe, 'nextA')
  const other = await otherBrowser(browser, axe, 'nextB')
  try {
    await Promise.all([
      page.getByRole('button', { name: 'Ta nästa ärende' }).first().click(),
      other.page.getByRole('button', { name: 'Ta nästa ärende' }).first().click(),
    ])
    for (const p of [page, other.page]) {
      await expect(p.getByText('Du har tagit nästa ärende.')).toBeVisible()
      await expect(p.locator('h1')).toHaveText(/^PROV-\d{4}-\d{6}$/)
    }
    const [a, b] = [await page.locator('h1').textContent(), await other.page.locator('h1').textContent()]
    expect(a).not.toBe(b)
    await expect(page.locator('.facts')).toContainText('Nils Nästa')
    await expect(other.page.locator('.facts')).toContainText('Nora Nästa')
    await axe(page)
    await axe(other.page)

    // Both now hold a case; "Mina" lists it, and releasing puts it back among the new ones.
    await page.getByRole('link', { name: 'Till ärendelistan' }).click()
    await page.getByRole('link', { name: 'Mina', exact: true }).click()
    await expect(page.locator('tbody')).toContainText(a!)
    await axe(page)
    await page.getByRole('link', { name: a! }).click()
    await page.getByRole('button', { name: 'Släpp ärendet' }).click()
    await expect(page.getByText('Ärendet är släppt och ligger bland Nya.')).toBeVisible()
    await expect(page.locator('.facts')).toContainText(/Handläggare\s*Ingen/)
    await axe(page)
  } finally {
    await other.close()
  }
})

test('every queue view, the filters and the keyboard shortcuts', async ({ page, axe }) => {
  await loginAs(page, axe, 'lead')
  for (const view of ['Nya', 'Mina', 'Försenade', 'Väntar på medborgaren', 'Vidarebefordrade', 'Beslutade', 'Alla']) {
    await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: view, exact: true }).click()
    await expect(page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: view, exact: true })).toHaveAttribute('aria-current', 'page')
    await axe(page)
  }
  await page.getByLabel('E-tjänst').selectOption({ label: 'Felanmälan' })
  await page.getByLabel('Sortering').selectOption({ label: 'Äldst först' })
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(/e-tjanst=felanmalan/)
  await expect(page.locator('tbody tr').first()).toContainText('Felanmälan')
  await axe(page)
  // Shortcuts are access keys, documented on the page.
  await expect(page.getByRole('button', { name: 'Ta nästa ärende' })).toHaveAttribute('accesskey', 'n')
  await page.getByText('Kortkommandon').click()
  await expect(page.locator('.shortcuts')).toContainText('Ta nästa ärende')
})
