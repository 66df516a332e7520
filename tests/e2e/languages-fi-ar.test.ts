import type { Page } from '@playwright/test'
import arUi from '#app/locales/ar.json' with { type: 'json' }
import fiUi from '#app/locales/fi.json' with { type: 'json' }
import arFault from '#forms/felanmalan/ar.json' with { type: 'json' }
import fiFault from '#forms/felanmalan/fi.json' with { type: 'json' }
import arKit from '#forms/kit/locales/ar.json' with { type: 'json' }
import fiKit from '#forms/kit/locales/fi.json' with { type: 'json' }
import arBankId from '#services/bankid/locales/ar.json' with { type: 'json' }
import fiBankId from '#services/bankid/locales/fi.json' with { type: 'json' }
import { felanmalan } from '#forms/felanmalan/index.ts'
import type { Text } from '#forms/kit/types.ts'
import { expect, test } from './fixtures.ts'
import { everythingLoaded } from './loaded.ts'

/**
 * Finnish and Arabic end to end (issue 12, ADR 050): felanmälan filed in each, with a validation error read in
 * that language next to the field and in the summary, the receipt, and Mina sidor after a BankID login. Arabic
 * pages are right to left with numbers kept left to right; a screenshot of the Arabic form page is kept under
 * test-results for a person to look at.
 */
type Texts = {
  lang: 'fi' | 'ar'; switchTo: string; service: string; start: string; step: (n: number) => string; next: string
  categoryMissing: string; category: string; street: string; postcode: string; city: string; postcodeWrong: string
  description: string; phone: string; check: string; send: string; received: string
  qrButton: string; qrImage: string; myPages: string
}

const FI: Texts = {
  lang: 'fi', switchTo: 'Suomi', service: 'Vikailmoitus', start: 'Aloita', step: (n) => `Vaihe ${n}/4`, next: 'Jatka',
  categoryMissing: 'Valitse, mitä vika koskee', category: 'Katuvalaistus',
  street: 'Katuosoite', postcode: 'Postinumero', city: 'Postitoimipaikka', postcodeWrong: 'Postinumerossa on oltava viisi numeroa',
  description: 'Kuvaus', phone: 'Puhelin (vapaaehtoinen)', check: 'Tarkista vastauksesi', send: 'Lähetä', received: 'Asiasi on vastaanotettu',
  qrButton: 'Mobiili BankID toisella laitteella', qrImage: 'QR-koodi BankID:tä varten', myPages: 'Omat sivut',
}

const AR: Texts = {
  lang: 'ar', switchTo: 'العربية', service: 'الإبلاغ عن عطل', start: 'ابدأ الآن', step: (n) => `الخطوة ${n} من 4`, next: 'متابعة',
  categoryMissing: 'اختر بماذا يتعلق العطل', category: 'إنارة الشوارع',
  street: 'عنوان الشارع', postcode: 'الرمز البريدي', city: 'المدينة', postcodeWrong: 'يجب أن يتكون الرمز البريدي من خمسة أرقام',
  description: 'الوصف', phone: 'الهاتف (اختياري)', check: 'راجع إجاباتك', send: 'إرسال', received: 'تم استلام قضيتك',
  qrButton: 'BankID للجوال على جهاز آخر', qrImage: 'رمز QR لـ BankID', myPages: 'صفحاتي',
}

async function fileFault(page: Page, axe: () => Promise<void>, x: Texts, screenshot?: string) {
  // The switch offers every language in its own name, and the page follows.
  await page.goto('/')
  await axe()
  await page.getByRole('link', { name: x.switchTo, exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', x.lang)
  await expect(page.locator('html')).toHaveAttribute('dir', x.lang === 'ar' ? 'rtl' : 'ltr')
  await expect(page.getByRole('link', { name: 'Svenska', exact: true })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: x.service }).click()
  await expect(page.getByRole('heading', { level: 1, name: x.service })).toBeVisible()
  await axe()
  await page.getByRole('link', { name: x.start, exact: true }).click()

  // Felanmälan's own message, translated in its folder: in the summary and at the field.
  await expect(page.getByText(x.step(1))).toBeVisible()
  await axe()
  await page.getByRole('button', { name: x.next, exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText(x.categoryMissing)
  await expect(page.locator('.error-message')).toContainText(x.categoryMissing)
  await axe()
  await page.getByLabel(x.category).check()
  await page.getByRole('button', { name: x.next, exact: true }).click()

  // The kit's own message (no wording of felanmälan's), read from the page's catalog in the browser.
  await expect(page.getByText(x.step(2))).toBeVisible()
  await page.getByLabel(x.street).fill('Bollmora allé 2')
  await page.getByLabel(x.postcode).fill('1354')
  await page.getByLabel(x.city).fill('Tyresö')
  await page.getByRole('button', { name: x.next, exact: true }).click()
  await expect(page.locator('.error-summary')).toContainText(x.postcodeWrong)
  await expect(page.locator('.error-message')).toContainText(x.postcodeWrong)
  await axe()
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true })
  await page.getByLabel(x.postcode).fill('135 40')
  await page.getByRole('button', { name: x.next, exact: true }).click()

  await expect(page.getByText(x.step(3))).toBeVisible()
  await axe()
  await page.getByLabel(x.description).fill('Gatlampan utanför porten är släckt sedan i måndags.')
  await page.getByRole('button', { name: x.next, exact: true }).click()
  await expect(page.getByText(x.step(4))).toBeVisible()
  await axe()
  await page.getByLabel(x.phone).fill('070-123 45 67')
  await page.getByRole('button', { name: x.next, exact: true }).click()

  // The phone number stays left to right among the answers, whatever the page's direction.
  await expect(page.getByRole('heading', { level: 1, name: x.check })).toBeVisible()
  await expect(page.locator('bdi[dir="ltr"]', { hasText: '070-123 45 67' })).toBeVisible()
  await axe()
  await page.getByRole('button', { name: x.send, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: x.received })).toBeVisible()
  await expect(page.locator('.case-number')).toHaveAttribute('dir', 'ltr')
  await expect(page.locator('.case-number')).toHaveText(/^FEL-\d{4}-\d{6}$/)
  await axe()
}

async function openMyPages(page: Page, axe: () => Promise<void>, x: Texts) {
  await page.goto('/logga-in')
  await expect(page.locator('html')).toHaveAttribute('lang', x.lang)
  await axe()
  await page.getByRole('button', { name: x.qrButton }).click()
  await expect(page.getByRole('img', { name: x.qrImage })).toBeVisible()
  // BankID's status line speaks the page's language too (its messages, drafted beside services/bankid).
  const { _meta, ...bankIdTexts } = x.lang === 'ar' ? arBankId : fiBankId
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await expect(page.locator('.bankid__status')).toHaveText(new RegExp(`^(${Object.values(bankIdTexts).map(escape).join('|')})$`))
  await page.waitForURL((u) => u.pathname === '/mina-sidor', { timeout: 20_000 })
  await expect(page.getByRole('heading', { level: 1, name: x.myPages })).toBeVisible()
  await axe()
}

test('felanmälan and Mina sidor in Arabic: right to left, numbers left to right, errors in Arabic', async ({ page, axe }, testInfo) => {
  await fileFault(page, axe, AR, testInfo.outputPath('felanmalan-ar.png'))
  await openMyPages(page, axe, AR)
  // Johan's seeded application (tests/e2e/seed-case-handling.ts): its number left to right, its date in Arabic
  // with Western digits, its e-service's own texts marked as Swedish (not translated).
  const card = page.locator('.case-card').first()
  await expect(card.locator('bdi[dir="ltr"]')).toHaveText(/^[A-Z]{2,5}-\d{4}-\d{6}$/)
  await expect(card.locator('.case-card__title')).toHaveAttribute('lang', 'sv')
  await card.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('القضية')
  await expect(page.locator('.facts dd').first()).toHaveText(/^\d{1,2} [\u0600-\u06FF]+ \d{4}/)
  await axe()
  await page.screenshot({ path: testInfo.outputPath('mina-sidor-ar.png'), fullPage: true })
})

test('felanmälan and Mina sidor in Finnish, with errors in Finnish', async ({ page, axe }) => {
  await fileFault(page, axe, FI)
  await openMyPages(page, axe, FI)
})

/** Each language's texts beyond the interface's: felanmälan's and the form kit's, as fragments long enough to be unmistakable. */
const fragmentsOf = (...catalogs: Record<string, unknown>[]) =>
  catalogs.flatMap((c) => Object.entries(c).filter(([key]) => key !== '_meta').flatMap(([, text]) => String(text).split(/\{[^}]*\}|[\u2066\u2069]/)))
    .map((s) => s.trim())
    .filter((s) => s.length >= 20)

test('a Finnish page carries no Arabic text and an Arabic page no Finnish, in the document or its scripts', async ({ page, axe }) => {
  const fragments = { fi: fragmentsOf(fiUi, fiKit, fiFault, fiBankId), ar: fragmentsOf(arUi, arKit, arFault, arBankId) }
  expect(fragments.fi.length).toBeGreaterThan(200)
  for (const [lang, other] of [['fi', 'ar'], ['ar', 'fi']] as const)
    for (const path of ['/', '/e-tjanster/felanmalan', '/e-tjanster/felanmalan/kategori']) {
      const loaded = await everythingLoaded(page, `${path}?lang=${lang}`)
      await axe()
      // The check sees the page's texts at all: its own language is there.
      expect(fragments[lang].some((s) => loaded.includes(s)), `${lang} ${path}`).toBe(true)
      expect(fragments[other].filter((s) => loaded.includes(s)), `${lang} ${path}`).toEqual([])
    }
})

test('an e-service not yet in Arabic says so in Arabic, and its Swedish questions are marked as Swedish', async ({ page, axe }) => {
  await page.goto('/e-tjanster/nyinflyttad?lang=ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByText('هذه الخدمة الإلكترونية غير متوفرة بلغتك بعد')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Ny i kommunen' })).toHaveAttribute('lang', 'sv')
  await axe()
  await page.getByRole('link', { name: 'ابدأ الآن', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Vad vill du ha?' })).toHaveAttribute('lang', 'sv')
  await expect(page.getByText('هذه الخدمة الإلكترونية غير متوفرة بلغتك بعد')).toBeVisible()
  await axe()
  // The note's way out: the same page in English.
  await page.getByRole('link', { name: 'English', exact: true }).last().click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'What would you like?' })).toBeVisible()
  await axe()
})

test('a form page sends its questions in the page’s language only, not in Swedish and English besides', async ({ page, axe }) => {
  const options = felanmalan.pages.find((p) => p.id === 'kategori')!.fields.find((f) => f.id === 'category')!
  const labels = (options as { options: { label: Text }[] }).options.map((o) => o.label)
  const words = (lang: 'sv' | 'en' | 'fi' | 'ar') => labels.map((l) => l[lang]!)
  for (const lang of ['sv', 'en', 'fi', 'ar'] as const) {
    const response = await page.goto(`/e-tjanster/felanmalan/kategori?lang=${lang}`)
    await axe()
    // The document as the server sent it: its HTML and the route data in its scripts.
    const html = await response!.text()
    for (const word of words(lang)) expect(html, `${lang}: ${word}`).toContain(word)
    for (const other of (['sv', 'en', 'fi', 'ar'] as const).filter((l) => l !== lang))
      for (const word of words(other)) if (!words(lang).includes(word)) expect(html, `${lang} page: ${other} ${word}`).not.toContain(word)
  }
})
